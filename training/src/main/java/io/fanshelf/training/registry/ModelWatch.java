package io.fanshelf.training.registry;

import io.fanshelf.recommender.ranking.RankingHolder;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.settings.FeatureSettings;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches a running recommender's {@link RankingHolder} to whatever the registry says is current
 * (the published model, else the validated one), without a restart. Either call {@link #refresh()}
 * yourself (e.g. from an admin endpoint after a publish), or {@link #start} polling on a daemon
 * thread named {@code fanshelf-model-watch}. When there is neither it uses the fallback (the fans'
 * label matches by popularity). A model that fails to load, or was trained with feature settings
 * other than the server's, is logged once (naming the differing keys) and the current ranking
 * stays.
 *
 * <p>Thread-safe: refreshes are serialised. Close it to stop polling.
 */
public final class ModelWatch implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelWatch.class);

  private final ModelRegistry registry;
  private final RankingHolder holder;
  private final RankingModel fallback;
  private final FeatureSettings serving;
  private Optional<String> applied;
  private static final Optional<String> NONE = Optional.of("\u0000none");
  private Optional<String> failed = NONE;
  private ScheduledExecutorService poller;

  ModelWatch(
      ModelRegistry registry,
      RankingHolder holder,
      RankingModel fallback,
      FeatureSettings serving) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.serving = Objects.requireNonNull(serving, "serving");
    this.applied = NONE; // forces the first refresh to apply
  }

  /**
   * Reads the published pointer and switches the holder if it changed.
   *
   * @return whether the ranker was switched
   */
  public synchronized boolean refresh() throws IOException {
    Optional<String> wanted = registry.current();
    if (wanted.equals(applied) || wanted.equals(failed)) {
      return false;
    }
    if (wanted.isEmpty()) {
      holder.use(fallback);
      LOG.info("no model published or validated; ranking with {}", fallback.name());
    } else {
      try {
        holder.use(registry.model(wanted.get(), serving));
      } catch (ArtifactRefusedException e) {
        failed = wanted;
        LOG.error("{}; keeping {}", e.getMessage(), holder.current().name());
        return false;
      } catch (IOException | RuntimeException e) {
        failed = wanted;
        LOG.error(
            "published model {} did not load; keeping {}",
            wanted.get(),
            holder.current().name(),
            e);
        return false;
      }
      LOG.info("ranking with model {}", wanted.get());
    }
    applied = wanted;
    failed = NONE;
    return true;
  }

  /** Polls every {@code every} on a daemon thread named {@code fanshelf-model-watch}. */
  public synchronized ModelWatch start(Duration every) {
    if (poller != null) {
      throw new IllegalStateException("already started");
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fanshelf-model-watch");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, every.toMillis());
    poller.scheduleWithFixedDelay(this::refreshQuietly, 0, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not read the published model pointer; will retry", e);
    }
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }
}
