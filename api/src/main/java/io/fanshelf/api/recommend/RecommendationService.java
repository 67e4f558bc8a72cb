package io.fanshelf.api.recommend;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Recommendations;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Recommender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * The {@link Recommender} with metrics: {@code fanshelf.recommend} (latency per section and caller)
 * and {@code fanshelf.model} (1 for the ranker in use, tagged with its name). Thread-safe.
 */
@Service
public class RecommendationService {
  private final Recommender recommender;
  private final MeterRegistry registry;
  private final Clock clock;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Gauge> models = new ConcurrentHashMap<>();
  private final AtomicReference<String> ranker = new AtomicReference<>("");

  public RecommendationService(Recommender recommender, MeterRegistry registry, Clock clock) {
    this.recommender = recommender;
    this.registry = registry;
    this.clock = clock;
    noteRanker(recommender.rankings().current().name());
    recommender.rankings().onChange(next -> noteRanker(next.name()));
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Ranks for a request.
   *
   * @param via who asks, for the metric: "api" or "shelf"
   */
  public Recommendations recommend(RecommendRequest request, String via) throws IOException {
    Timer timer =
        timers.computeIfAbsent(
            via + "/" + request.section().wireName(),
            key ->
                Timer.builder("fanshelf.recommend")
                    .description("time to rank one recommendation request")
                    .tag("via", via)
                    .tag("section", request.section().wireName())
                    .publishPercentileHistogram()
                    .register(registry));
    long started = System.nanoTime();
    try {
      return recommender.recommend(request);
    } finally {
      timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  public List<RecommendedItem> similar(OwnerId owner, ProductId product, int limit)
      throws IOException {
    return recommender.similar(owner, product, limit, clock.instant());
  }

  /** "More like this" for one fan ({@link Recommender#similarFor}). */
  public List<RecommendedItem> similarFor(OwnerId owner, FanId fan, ProductId product, int limit)
      throws IOException {
    return recommender.similarFor(owner, fan, product, limit, clock.instant());
  }

  /** The name of the ranker in use. */
  public String ranker() {
    return ranker.get();
  }

  private void noteRanker(String name) {
    ranker.set(name);
    models.computeIfAbsent(
        name,
        n ->
            Gauge.builder("fanshelf.model", ranker, current -> n.equals(current.get()) ? 1 : 0)
                .description("1 for the ranking model in use")
                .tag("ranker", n)
                .register(registry));
  }
}
