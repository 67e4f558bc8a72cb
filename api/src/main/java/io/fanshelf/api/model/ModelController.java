package io.fanshelf.api.model;

import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ArtifactRefusedException;
import io.fanshelf.training.registry.ModelRegistry;
import io.fanshelf.training.registry.ModelWatch;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/models}: list, publish, roll back ({@code admin} scope). */
@RestController
@RequestMapping("/api/v1/admin/models")
@RequireScope(Scope.ADMIN)
public class ModelController {
  private final ModelRegistry registry;
  private final ModelWatch watch;
  private final Recommender recommender;
  private final ApplicationEventPublisher events;

  public ModelController(
      ModelRegistry registry,
      ModelWatch watch,
      Recommender recommender,
      ApplicationEventPublisher events) {
    this.registry = registry;
    this.watch = watch;
    this.recommender = recommender;
    this.events = events;
  }

  /** One trained model as listed. */
  public record ModelView(
      String id,
      String algorithm,
      String createdAt,
      Map<String, Object> hyperParameters,
      Map<String, Double> metrics,
      ArtifactInfo.DataWindow dataWindow,
      boolean published,
      boolean everPublished) {}

  /** What serves now. */
  public record ServingView(String ranker, Optional<String> published, List<ModelView> models) {}

  @GetMapping
  public ServingView list() throws IOException {
    List<ModelView> models =
        registry.list().stream()
            .map(
                entry ->
                    new ModelView(
                        entry.info().id(),
                        entry.info().algorithm(),
                        entry.info().createdAt(),
                        entry.info().hyperParameters(),
                        entry.info().metrics(),
                        entry.info().dataWindow(),
                        entry.current(),
                        entry.everPublished()))
            .toList();
    return new ServingView(recommender.rankers().current().name(), registry.current(), models);
  }

  @PostMapping("/{id}/publish")
  public ServingView publish(@PathVariable String id) throws IOException {
    try {
      registry.publish(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("id", e.getMessage());
    } catch (NoSuchFileException e) {
      throw ApiException.notFound("no model '" + id + "' in the registry");
    } catch (ArtifactRefusedException e) {
      throw ApiException.badRequest("id", "model '" + id + "' was refused: " + e.getMessage());
    }
    watch.refresh();
    events.publishEvent(new ModelsChanged());
    return list();
  }

  @PostMapping("/rollback")
  public ServingView rollback() throws IOException {
    try {
      registry.rollback();
    } catch (IllegalStateException e) {
      throw ApiException.badRequest("", e.getMessage());
    }
    watch.refresh();
    events.publishEvent(new ModelsChanged());
    return list();
  }
}
