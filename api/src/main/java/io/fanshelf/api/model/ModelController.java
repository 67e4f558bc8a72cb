package io.fanshelf.api.model;

import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.training.Retraining;
import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/models}: list, publish, roll back, retrain ({@code admin} scope). */
@RestController
@RequestMapping("/api/v1/admin/models")
@RequireScope(Scope.ADMIN)
public class ModelController {
  private final ModelRegistry registry;
  private final Recommender recommender;
  private final ModelPublisher publisher;
  private final RetrainService retraining;

  public ModelController(
      ModelRegistry registry,
      Recommender recommender,
      ModelPublisher publisher,
      RetrainService retraining) {
    this.registry = registry;
    this.recommender = recommender;
    this.publisher = publisher;
    this.retraining = retraining;
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

  /**
   * What serves now.
   *
   * @param ranking the ranking in use: a model id, or {@code labels-then-popularity} before one
   * @param published the published model, when there is one
   * @param validated the ranking validation chose on this data, served while nothing is published
   */
  public record ServingView(
      String ranking,
      Optional<String> published,
      Optional<String> validated,
      List<ModelView> models) {}

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
    List<String> published = registry.published();
    return new ServingView(
        recommender.rankings().current().name(),
        published.isEmpty() ? Optional.empty() : Optional.of(published.getLast()),
        registry.validated(),
        models);
  }

  /**
   * A publication request.
   *
   * @param force publish even when the model lost to popularity or the best built-in baseline on
   *     its validation window (the artifact records it)
   */
  public record PublishRequest(Boolean force) {}

  @PostMapping("/{id}/publish")
  public ServingView publish(
      @PathVariable String id, @RequestBody(required = false) PublishRequest body)
      throws IOException {
    publisher.publish(id, body != null && Boolean.TRUE.equals(body.force()));
    return list();
  }

  @PostMapping("/rollback")
  public ServingView rollback() throws IOException {
    publisher.rollback();
    return list();
  }

  /**
   * A retraining request; every field is optional.
   *
   * @param ranking {@code served} (default: the ranking validation chooses) or {@code learned}
   * @param split the validation window: {@code time:F} (default {@code time:0.8}) or {@code last:F}
   * @param seed the seed (default 42)
   * @param publish publish the model once stored, if it passes the gate (default false)
   * @param force with {@code publish}: publish it even when it lost to a baseline on validation
   */
  public record RetrainRequest(
      String ranking, String split, Long seed, Boolean publish, Boolean force) {}

  /**
   * Starts retraining on this node's data in the background: 202 with the job, whose {@code
   * Location} reports progress and, at the end, the stored model and its metrics.
   */
  @PostMapping("/retrain")
  public ResponseEntity<RetrainService.Job> retrain(
      @RequestBody(required = false) RetrainRequest body) {
    RetrainRequest given = body == null ? new RetrainRequest(null, null, null, null, null) : body;
    String split = given.split() == null ? "time:0.8" : given.split();
    Split parsed;
    try {
      parsed = Split.parse(split);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("split", e.getMessage());
    }
    Retraining.Keep keep;
    try {
      keep = Retraining.Keep.parse(given.ranking() == null ? "served" : given.ranking());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("ranking", e.getMessage());
    }
    long seed = given.seed() == null ? 42 : given.seed();
    RetrainService.Job job =
        retraining.start(
            new Retraining.Request(parsed, keep, TrainingOptions.defaults(seed)),
            split,
            Boolean.TRUE.equals(given.publish()),
            Boolean.TRUE.equals(given.force()));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/admin/models/jobs/" + job.id()))
        .body(job);
  }

  /** The remembered retraining jobs, newest first. */
  @GetMapping("/jobs")
  public List<RetrainService.Job> jobs() {
    return retraining.jobs();
  }

  @GetMapping("/jobs/{id}")
  public RetrainService.Job job(@PathVariable String id) {
    return retraining
        .job(id)
        .orElseThrow(() -> ApiException.notFound("no retraining job '" + id + "'"));
  }
}
