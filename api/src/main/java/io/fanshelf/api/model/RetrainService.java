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

  /**
   * One retraining, as reported.
   *
   * @param id names the job
   * @param state where it is
   * @param ranking which ranking is stored: {@code served} (what validation chose) or {@code
   *     learned}
   * @param split how the label window is cut
   * @param publish whether the model is published when stored
   * @param stage the step running now ("load", "dataset", "fit" ...), or the last one
   * @param startedAt when it started
   * @param finishedAt when it ended
   * @param model the stored model's id, once stored
   * @param metrics the stored model's metrics
   * @param published whether the model was published
   * @param error why it failed
   */
  public record Job(
      String id,
      State state,
      String ranking,
      String split,
      boolean publish,
      String stage,
      Instant startedAt,
      Optional<Instant> finishedAt,
      Optional<String> model,
      Map<String, Double> metrics,
      boolean published,
      Optional<String> error) {

    Job at(String newStage) {
      return new Job(
          id,
          state,
          ranking,
          split,
          publish,
          newStage,
          startedAt,
          finishedAt,
          model,
          metrics,
          published,
          error);
    }
  }

  /**
   * Starts a retraining.
   *
   * @param splitText the split as given, for the report
   * @param publish publish the stored model if it passes the gate
   * @param force publish it even if it does not
   * @throws ApiException 409 while another retraining runs
   */
  public synchronized Job start(
      Retraining.Request request, String splitText, boolean publish, boolean force) {
    if (!jobs.isEmpty() && jobs.peekFirst().state() == State.RUNNING) {
      throw ApiException.conflict(
          "", "retraining " + jobs.peekFirst().id() + " is still running; wait for it to end");
    }
    Job job =
        new Job(
            "retrain-" + Tokens.id("").substring(0, 12),
            State.RUNNING,
            request.keep().name().toLowerCase(java.util.Locale.ROOT),
            splitText,
            publish,
            "queued",
            clock.instant(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            false,
            Optional.empty());
    jobs.addFirst(job);
    while (jobs.size() > KEPT) {
      jobs.removeLast();
    }
    worker.execute(() -> run(job.id(), request, publish, force));
    return job;
  }

  private void run(String id, Retraining.Request request, boolean publish, boolean force) {
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
      if (publish) {
        publisher.publish(model, force);
      }
      LOG.info("retraining {} stored model {}{}", id, model, publish ? " and published it" : "");
      update(
          id,
          j ->
              new Job(
                  j.id(),
                  State.SUCCEEDED,
                  j.ranking(),
                  j.split(),
                  j.publish(),
                  j.stage(),
                  j.startedAt(),
                  Optional.of(clock.instant()),
                  Optional.of(model),
                  result.info().metrics(),
                  publish,
                  Optional.empty()));
    } catch (Exception | OutOfMemoryError e) {
      LOG.warn("retraining {} failed: {}", id, e.toString());
      String error = e.getMessage() == null ? e.toString() : e.getMessage();
      update(
          id,
          j ->
              new Job(
                  j.id(),
                  State.FAILED,
                  j.ranking(),
                  j.split(),
                  j.publish(),
                  j.stage(),
                  j.startedAt(),
                  Optional.of(clock.instant()),
                  j.model(),
                  j.metrics(),
                  false,
                  Optional.of(error)));
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
