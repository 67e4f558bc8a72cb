package io.fanshelf.api.model;

import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.training.Retraining;
import io.fanshelf.training.registry.ModelRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Retraining triggered through the API: one job at a time on a named background thread ({@code
 * fanshelf-retrain}), over this node's data, storing the model in the registry and publishing it
 * only when asked. The last {@value #KEPT} jobs are remembered (in memory: a restart forgets them,
 * the models they stored stay in the registry). Thread-safe.
 *
 * <p>Training runs in the service's JVM and takes CPU and heap while it runs (1,000,000 events:
 * about 2 minutes and 2 GB, docs/benchmarks.md); platforms with more data run the training CLI as a
 * separate job instead.
 */
@Service
public class RetrainService {
  private static final Logger LOG = LoggerFactory.getLogger(RetrainService.class);
  static final int KEPT = 20;

  private final Indexer indexer;
  private final Recommender recommender;
  private final ModelRegistry registry;
  private final ModelPublisher publisher;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fanshelf-retrain");
            thread.setDaemon(true);
            return thread;
          });
  private final Deque<Job> jobs = new ArrayDeque<>();

  public RetrainService(
      Indexer indexer,
      Recommender recommender,
      ModelRegistry registry,
      ModelPublisher publisher,
      Clock clock) {
    this.indexer = indexer;
    this.recommender = recommender;
    this.registry = registry;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Where a job is. */
  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** What happens to the stored model. */
  public enum Then {
    /** Only stored: review it, then publish it. */
    STORE,
    /** Published if it passes the gate (beats popularity and the best baseline on validation). */
    PUBLISH,
    /** Published even if it does not (the artifact records it). */
    PUBLISH_ANYWAY,
    /**
     * Served: published if a model is published and it passes the gate, else (nothing published)
     * made the validated ranking. What the server's own background training does.
     */
    SERVE
  }

  /**
   * One retraining, as reported.
   *
   * @param id names the job
   * @param state where it is
   * @param ranking which ranking is stored: {@code served} (what validation chose) or {@code
   *     learned}
   * @param split how the validation window is cut
   * @param then what happens to the stored model: store, publish, publish_anyway or serve
   * @param stage the step running now ("load", "tune ials", "examples" ...), or the last one
   * @param startedAt when it started
   * @param finishedAt when it ended
   * @param model the stored model's id, once stored
   * @param metrics the stored model's metrics
   * @param published whether the model was published
   * @param validated whether the model became the validated ranking
   * @param note why a model asked to be published was not (the gate's figures)
   * @param error why it failed
   */
  public record Job(
      String id,
      State state,
      String ranking,
      String split,
      String then,
      String stage,
      Instant startedAt,
      Optional<Instant> finishedAt,
      Optional<String> model,
      Map<String, Double> metrics,
      boolean published,
      boolean validated,
      Optional<String> note,
      Optional<String> error) {

    Job at(String newStage) {
      return new Job(
          id,
          state,
          ranking,
          split,
          then,
          newStage,
          startedAt,
          finishedAt,
          model,
          metrics,
          published,
          validated,
          note,
          error);
    }

    Job ended(
        State endState,
        Optional<String> storedModel,
        Map<String, Double> storedMetrics,
        boolean wasPublished,
        boolean wasValidated,
        Optional<String> why,
        Optional<String> failure,
        Instant at) {
      return new Job(
          id,
          endState,
          ranking,
          split,
          then,
          stage,
          startedAt,
          Optional.of(at),
          storedModel,
          storedMetrics,
          wasPublished,
          wasValidated,
          why,
          failure);
    }
  }

  /**
   * Starts a retraining.
   *
   * @param splitText the split as given, for the report
   * @param then what happens to the stored model
   * @throws ApiException 409 while another retraining runs
   */
  public synchronized Job start(Retraining.Request request, String splitText, Then then) {
    if (running()) {
      throw ApiException.conflict(
          "", "retraining " + jobs.peekFirst().id() + " is still running; wait for it to end");
    }
    Job job =
        new Job(
            "retrain-" + Tokens.id("").substring(0, 12),
            State.RUNNING,
            request.keep().name().toLowerCase(Locale.ROOT),
            splitText,
            then.name().toLowerCase(Locale.ROOT),
            "queued",
            clock.instant(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            false,
            false,
            Optional.empty(),
            Optional.empty());
    jobs.addFirst(job);
    while (jobs.size() > KEPT) {
      jobs.removeLast();
    }
    worker.execute(() -> run(job.id(), request, then));
    return job;
  }

  /** Whether a retraining is running now. */
  public synchronized boolean running() {
    return !jobs.isEmpty() && jobs.peekFirst().state() == State.RUNNING;
  }

  private void run(String id, Retraining.Request request, Then then) {
    try {
      AtomicReference<String> lastStage = new AtomicReference<>("");
      Retraining.Result result =
          new Retraining(indexer, recommender.options(), UnaryOperator.identity(), clock)
              .run(
                  request,
                  registry,
                  (stage, done, total) -> {
                    if (!stage.equals(lastStage.getAndSet(stage))) {
                      update(id, j -> j.at(stage));
                    }
                  });
      String model = result.info().id();
      boolean published = false;
      boolean validated = false;
      Optional<String> note = Optional.empty();
      boolean publish =
          then == Then.PUBLISH
              || then == Then.PUBLISH_ANYWAY
              || (then == Then.SERVE && !registry.published().isEmpty());
      if (publish) {
        ModelRegistry.Gate gate = registry.gate(model);
        if (gate.passes() || then == Then.PUBLISH_ANYWAY) {
          publisher.publish(model, then == Then.PUBLISH_ANYWAY);
          published = true;
        } else {
          note = Optional.of("not published: " + gate.reason(model));
        }
      } else if (then == Then.SERVE) {
        publisher.validate(model);
        validated = true;
      }
      LOG.info(
          "retraining {} stored model {}{}",
          id,
          model,
          published ? " and published it" : validated ? " and serves it (validated)" : "");
      boolean wasPublished = published;
      boolean wasValidated = validated;
      Optional<String> why = note;
      update(
          id,
          j ->
              j.ended(
                  State.SUCCEEDED,
                  Optional.of(model),
                  result.info().metrics(),
                  wasPublished,
                  wasValidated,
                  why,
                  Optional.empty(),
                  clock.instant()));
    } catch (Exception | OutOfMemoryError e) {
      LOG.warn("retraining {} failed: {}", id, e.toString());
      String error = e.getMessage() == null ? e.toString() : e.getMessage();
      update(
          id,
          j ->
              j.ended(
                  State.FAILED,
                  j.model(),
                  j.metrics(),
                  false,
                  false,
                  Optional.empty(),
                  Optional.of(error),
                  clock.instant()));
    }
  }

  private synchronized void update(String id, UnaryOperator<Job> change) {
    List<Job> all = List.copyOf(jobs);
    jobs.clear();
    for (Job job : all) {
      jobs.addLast(job.id().equals(id) ? change.apply(job) : job);
    }
  }

  /** The remembered jobs, newest first. */
  public synchronized List<Job> jobs() {
    return List.copyOf(jobs);
  }

  public synchronized Optional<Job> job(String id) {
    return jobs.stream().filter(job -> job.id().equals(id)).findFirst();
  }

  @PreDestroy
  void close() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(10, TimeUnit.SECONDS);
  }
}
