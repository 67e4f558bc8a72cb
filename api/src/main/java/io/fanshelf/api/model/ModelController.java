package io.fanshelf.api.model;

import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.training.Retraining;
import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelRegistry;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = ApiContract.MODELS)
@RequestMapping("/api/v1/admin/models")
@RequireScope(Scope.ADMIN)
class ModelController {
  private final ModelRegistry registry;
  private final Recommender recommender;
  private final ModelPublisher publisher;
  private final RetrainService retraining;

  ModelController(
      ModelRegistry registry,
      Recommender recommender,
      ModelPublisher publisher,
      RetrainService retraining) {
    this.registry = registry;
    this.recommender = recommender;
    this.publisher = publisher;
    this.retraining = retraining;
  }

  /**
   * One trained ranking model.
   *
   * @param id the model id
   * @param ranking what it is: learned, popularity, labels-then-popularity, or one collaborative
   *     model alone (ials, item-cf, user-knn)
   * @param algorithm its ranker: lambdamart, logistic or one-feature
   * @param createdAt when it was trained (ISO-8601)
   * @param hyperParameters the ranker's settings
   * @param collaborative each collaborative model's algorithm and settings
   * @param usesLabels whether it reads the fans' labels
   * @param metrics its own validation NDCG@10 ({@code validationNdcg@10}), candidate recall and
   *     counts
   * @param validation the validation NDCG@10 of everything compared on the same window (the
   *     rankings as served, and the baselines' own lists, {@code baseline:...})
   * @param forced whether it was published although it lost on validation
   * @param dataWindow the events it learned from and was validated on
   * @param published whether it serves now
   * @param everPublished whether it was ever published
   */
  public record ModelView(
      String id,
      String ranking,
      String algorithm,
      String createdAt,
      Map<String, Object> hyperParameters,
      Map<String, Map<String, Object>> collaborative,
      boolean usesLabels,
      Map<String, Double> metrics,
      Map<String, Double> validation,
      boolean forced,
      ArtifactInfo.DataWindow dataWindow,
      boolean published,
      boolean everPublished) {}

  /**
   * What serves now, and every trained model.
   *
   * @param ranking the ranking serving now: a model id, or {@code popularity} before any is
   *     published or validated
   * @param published the published model's id; absent when nothing is published
   * @param validated the ranking validation chose on this data, served while nothing is published
   * @param reason why this ranking serves, with the validation figures behind it
   * @param models every trained model in the registry
   */
  public record ServingView(
      String ranking,
      Optional<String> published,
      Optional<String> validated,
      String reason,
      List<ModelView> models) {}

  /** Lists the ranking models: which one serves, and every trained model with its metrics. */
  @GetMapping
  public ServingView listModels() throws IOException {
    List<ModelView> models =
        registry.list().stream()
            .map(
                entry ->
                    new ModelView(
                        entry.info().id(),
                        entry.info().ranking(),
                        entry.info().algorithm(),
                        entry.info().createdAt(),
                        entry.info().hyperParameters(),
                        entry.info().collaborative(),
                        entry.info().usesLabels(),
                        entry.info().metrics(),
                        entry.info().validation(),
                        entry.info().forced(),
                        entry.info().dataWindow(),
                        entry.current(),
                        entry.everPublished()))
            .toList();
    List<String> published = registry.published();
    String current = recommender.rankings().current().name();
    return new ServingView(
        current,
        published.isEmpty() ? Optional.empty() : Optional.of(published.getLast()),
        registry.validated(),
        registry.serving(current).reason(),
        models);
  }

  /**
   * A publication request.
   *
   * @param force publish even when the model lost to popularity or the best built-in baseline on
   *     its validation window (the artifact records it)
   */
  public record PublishRequest(Boolean force) {}

  /**
   * Publishes a trained model: every node serves it at once, without a restart, and cached shelves
   * are ranked afresh. Refused (409) when the model lost to popularity or to the best built-in
   * baseline on its validation window, unless {@code force}.
   *
   * @param id the model id
   */
  @PostMapping("/{id}/publish")
  @ApiResponse(responseCode = "200", description = "published; what serves now")
  @ApiResponse(responseCode = "400", description = "the artifact was refused (checksum, format)")
  @ApiResponse(
      responseCode = "409",
      description = "it lost on validation; the detail names both figures")
  public ServingView publishModel(
      @PathVariable String id, @RequestBody(required = false) PublishRequest body)
      throws IOException {
    publisher.publish(id, body != null && Boolean.TRUE.equals(body.force()));
    return listModels();
  }

  /** Goes back to the previously published model, or to the validated ranking. */
  @PostMapping("/rollback")
  @ApiResponse(responseCode = "200", description = "rolled back; what serves now")
  @ApiResponse(responseCode = "400", description = "nothing is published")
  public ServingView rollbackModel() throws IOException {
    publisher.rollback();
    return listModels();
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
   * Retrains the ranking model.
   *
   * <p>Starts training on this node's data in the background and answers at once with the job; its
   * {@code Location} reports progress and, at the end, the stored model and its metrics. The model
   * serves only once published ({@code publish: true}, or the publish operation).
   */
  @PostMapping("/retrain")
  @ApiResponse(
      responseCode = "202",
      description = "started: the job",
      headers =
          @Header(
              name = "Location",
              description = "where the job reports progress",
              schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "409", description = "another retraining is running")
  public ResponseEntity<RetrainService.Job> retrainModel(
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
            !Boolean.TRUE.equals(given.publish())
                ? RetrainService.Then.STORE
                : Boolean.TRUE.equals(given.force())
                    ? RetrainService.Then.PUBLISH_ANYWAY
                    : RetrainService.Then.PUBLISH);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/admin/models/jobs/" + job.id()))
        .body(job);
  }

  /** Lists the retraining jobs this node remembers (the last 20), newest first. */
  @GetMapping("/jobs")
  public List<RetrainService.Job> listRetrainJobs() {
    return retraining.jobs();
  }

  /**
   * One retraining job: its state and stage, then the stored model and its metrics, or the error.
   *
   * @param id the job id
   */
  @GetMapping("/jobs/{id}")
  public RetrainService.Job getRetrainJob(@PathVariable String id) {
    return retraining
        .job(id)
        .orElseThrow(() -> ApiException.notFound("no retraining job '" + id + "'"));
  }
}
