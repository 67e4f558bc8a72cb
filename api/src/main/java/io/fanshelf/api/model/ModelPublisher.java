package io.fanshelf.api.model;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.training.registry.ArtifactRefusedException;
import io.fanshelf.training.registry.ModelRegistry;
import io.fanshelf.training.registry.ModelWatch;
import io.fanshelf.training.registry.PublishRefusedException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes and rolls back models on this node: the registry's pointer moves, this node's ranker
 * switches at once, and {@link ModelsChanged} tells the other nodes. Thread-safe as the registry
 * is.
 */
@Component
public class ModelPublisher {
  private final ModelRegistry registry;
  private final ModelWatch watch;
  private final ApplicationEventPublisher events;

  public ModelPublisher(
      ModelRegistry registry, ModelWatch watch, ApplicationEventPublisher events) {
    this.registry = registry;
    this.watch = watch;
    this.events = events;
  }

  /**
   * @param force publish even when the model lost to a baseline on its validation window
   * @throws ApiException 400 for a malformed or refused model, 404 for an unknown one, 409 when the
   *     publication gate refuses it (the message names both figures)
   */
  public void publish(String id, boolean force) throws IOException {
    try {
      registry.publish(id, force);
    } catch (PublishRefusedException e) {
      throw ApiException.conflict("force", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("id", e.getMessage());
    } catch (NoSuchFileException e) {
      throw ApiException.notFound("no model '" + id + "' in the registry");
    } catch (ArtifactRefusedException e) {
      throw ApiException.badRequest("id", "model '" + id + "' was refused: " + e.getMessage());
    }
    switched();
  }

  /** Makes {@code id} the validated ranking, served while nothing is published. */
  public void validate(String id) throws IOException {
    registry.validate(id);
    switched();
  }

  /**
   * @throws ApiException 400 when nothing was published before the current model
   */
  public void rollback() throws IOException {
    try {
      registry.rollback();
    } catch (IllegalStateException e) {
      throw ApiException.badRequest("", e.getMessage());
    }
    switched();
  }

  private void switched() throws IOException {
    watch.refresh();
    events.publishEvent(new ModelsChanged());
  }
}
