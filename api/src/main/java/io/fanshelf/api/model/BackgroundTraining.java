package io.fanshelf.api.model;

import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.training.Retraining;
import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.TuningBudget;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.registry.ModelRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server's own training ({@code fanshelf.models.*}): when it starts with events and no model
 * published or validated, it trains in the background and serves the ranking validation chooses
 * (the learned ranker, popularity or one collaborative model); on a schedule it retrains the same
 * way, replacing the validated ranking or, when a model is published, publishing the new one only
 * if it passes the gate. Runs through {@link RetrainService}, one job at a time; a job already
 * running is not doubled. Thread-safe.
 */
@Component
public class BackgroundTraining {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTraining.class);

  /** The validation window: the last fifth of the events, by time. */
  static final String SPLIT = "time:0.8";

  private final FanShelfProperties.Models settings;
  private final Indexer indexer;
  private final ModelRegistry registry;
  private final RetrainService retraining;
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fanshelf-retrain-schedule");
            thread.setDaemon(true);
            return thread;
          });

  public BackgroundTraining(
      FanShelfProperties properties,
      Indexer indexer,
      ModelRegistry registry,
      RetrainService retraining) {
    this.settings = properties.models();
    this.indexer = indexer;
    this.registry = registry;
    this.retraining = retraining;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() throws IOException {
    if (settings.validateOnStart()
        && registry.published().isEmpty()
        && registry.validated().isEmpty()) {
      start("nothing published or validated yet");
    }
    long every = settings.retrainInterval().toMillis();
    if (every > 0) {
      schedule.scheduleWithFixedDelay(
          () -> start("scheduled every " + settings.retrainInterval()),
          every,
          every,
          TimeUnit.MILLISECONDS);
    }
  }

  /** Starts a training unless one runs or there are too few events; says why in the log. */
  void start(String why) {
    try {
      long events = indexer.store().events().count();
      if (events < settings.minEvents()) {
        LOG.info(
            "no background training ({}): {} events, fewer than fanshelf.models.min-events {}",
            why,
            events,
            settings.minEvents());
        return;
      }
      if (retraining.running()) {
        LOG.info("no background training ({}): a retraining is running", why);
        return;
      }
      TrainingOptions options =
          TrainingOptions.defaults(42)
              .withTuningBudget(TuningBudget.wholeGrid(settings.tuningBudget()));
      RetrainService.Job job =
          retraining.start(
              new Retraining.Request(Split.parse(SPLIT), Retraining.Keep.SERVED, options),
              SPLIT,
              RetrainService.Then.SERVE);
      LOG.info("background training {} started ({}) on {} events", job.id(), why, events);
    } catch (IOException | RuntimeException e) {
      LOG.warn("background training ({}) did not start: {}", why, e.toString());
    }
  }

  @PreDestroy
  void close() {
    schedule.shutdownNow();
  }
}
