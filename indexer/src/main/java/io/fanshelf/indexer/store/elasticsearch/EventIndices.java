package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events indices: one per period of event time ({@link ElasticsearchOptions#eventPeriod()}, a
 * week by default), named after the period's first day, {@code PREFIX-events-2026.11.30}, all
 * behind the read alias {@code PREFIX-events-all}.
 *
 * <p>Names by date rather than by ISO week: they fit any whole number of days, sort in time order
 * and say where the period begins. Periods are counted in UTC from Monday 1970-01-05, so weekly
 * ones run Monday to Sunday. An event is written into the index of its own time (there is no write
 * alias, which can point at one index only), so a week is dropped whole by retention; its index is
 * created, with the alias, when the first event of the period arrives.
 *
 * <p>Retention ({@link #dropExpired}) drops an index once its period ended before the cut-off (now
 * minus {@link ElasticsearchOptions#eventRetention()}); an event older than the cut-off is still
 * accepted into its period's index and goes with the next run. The single {@code PREFIX-events}
 * index of earlier versions joins the read alias, is no longer written, and is dropped once its
 * newest event is older than the cut-off. Thread-safe.
 */
final class EventIndices {
  private static final Logger LOG = LoggerFactory.getLogger(EventIndices.class);

  /** A Monday: weekly periods start on Mondays. */
  static final LocalDate FIRST_PERIOD = LocalDate.of(1970, 1, 5);

  private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ofPattern("uuuu.MM.dd");

  /**
   * Indices of periods ending within this margin of the retention cut-off are not remembered as
   * existing: another node may drop them, and a write must then create them again rather than find
   * them gone. Covers clock differences between nodes.
   */
  private static final Duration RETENTION_MARGIN = Duration.ofDays(1);

  private final ElasticsearchClient client;
  private final ElasticsearchAsyncClient async;
  private final ElasticsearchOptions options;
  private final Clock clock;
  private final EsIndex all;

  /** The indices this node created or found, with the end of their period. */
  private final Map<String, Instant> known = new ConcurrentHashMap<>();

  EventIndices(
      ElasticsearchClient client,
      ElasticsearchAsyncClient async,
      ElasticsearchOptions options,
      Clock clock) {
    this.client = client;
    this.async = async;
    this.options = options;
    this.clock = clock;
    this.all = new EsIndex(client, options.index("events-all"), options.refresh());
  }

  /** The read alias over every events index; writes through it name their index. */
  EsIndex all() {
    return all;
  }

  /** The first day of the period that holds {@code time}. */
  static LocalDate periodStart(Instant time, Duration period) {
    long days = period.toDays();
    long day = LocalDate.ofInstant(time, ZoneOffset.UTC).toEpochDay();
    long first = FIRST_PERIOD.toEpochDay();
    return LocalDate.ofEpochDay(first + Math.floorDiv(day - first, days) * days);
  }

  /** The name of the index that holds events of {@code time}. */
  String indexFor(Instant time) {
    return name(periodStart(time, options.eventPeriod()));
  }

  private String name(LocalDate periodStart) {
    return options.index("events-" + NAME_DATE.format(periodStart));
  }

  private LocalDate periodOf(String index) {
    String date = index.substring(options.index("events-").length());
    return LocalDate.parse(date, NAME_DATE);
  }

  /**
   * Opens the events indices: creates the current period's index (so the alias exists before the
   * first event), and puts the single index of earlier versions behind the alias.
   */
  void open() throws IOException {
    ensure(List.of(indexFor(clock.instant())));
    EsIndex single = new EsIndex(client, options.index("events"), options.refresh());
    if (single.exists()) {
      IndexDefinition.check(single);
      single.addToAlias(all.name());
      LOG.info(
          "Events index {} (one index for all weeks, from an earlier version) stays readable"
              + " through {}; new events go to one index per {} days ({}...); {}",
          single.name(),
          all.name(),
          options.eventPeriod().toDays(),
          options.index("events-"),
          options.eventRetention().isPresent()
              ? "it is dropped whole once its newest event is older than the retention"
              : "drop it by hand when its events are no longer needed");
    }
  }

  /**
   * Makes sure the indices {@code names} exist, creating them (side by side) with the events layout
   * and the alias, and checks the layout of those that did. An index this node knows is not asked
   * about again, unless its period ends near the retention cut-off: another node may have dropped
   * it since, and then it must be created again rather than written into while missing.
   */
  void ensure(Collection<String> names) throws IOException {
    Optional<Instant> keptFrom = retentionCutoff().map(cutoff -> cutoff.plus(RETENTION_MARGIN));
    List<String> missing =
        names.stream()
            .distinct()
            .filter(
                name -> {
                  Instant until = known.get(name);
                  return until == null || keptFrom.isPresent() && !until.isAfter(keptFrom.get());
                })
            .toList();
    if (missing.isEmpty()) {
      return;
    }
    List<EsIndex> indices = new ArrayList<>();
    List<CompletableFuture<Void>> creating = new ArrayList<>();
    for (String name : missing) {
      EsIndex index = new EsIndex(client, name, options.refresh());
      LocalDate until = periodOf(name).plusDays(options.eventPeriod().toDays());
      indices.add(index);
      creating.add(
          index.createIfMissing(async, EventDocs.periodDefinition(options, all.name(), until)));
    }
    ElasticsearchBackend.await(creating);
    for (EsIndex index : indices) {
      IndexDefinition.check(index);
      known.put(index.name(), until(index).orElseThrow());
    }
  }

  /** The end of the period an index holds, from its {@code _meta}; empty for the single index. */
  private static Optional<Instant> until(EsIndex index) throws IOException {
    return index
        .mappingMeta(EventDocs.UNTIL_KEY)
        .map(day -> LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private Optional<Instant> retentionCutoff() {
    return options.eventRetention().map(retention -> clock.instant().minus(retention));
  }

  /** {@link #dropExpired(Instant)} now. */
  List<String> dropExpired() throws IOException {
    return dropExpired(clock.instant());
  }

  /**
   * Drops, whole, every events index whose events are all older than {@code now} minus the
   * retention: a period's index once its period ended by then ({@code _meta} of the index), the
   * single index of earlier versions once its newest event is older. Nothing without a retention.
   *
   * @return the dropped indices, oldest first
   */
  List<String> dropExpired(Instant now) throws IOException {
    if (options.eventRetention().isEmpty()) {
      return List.of();
    }
    Instant cutoff = now.minus(options.eventRetention().get());
    ensure(List.of(indexFor(now))); // the alias keeps a member when all older ones go
    List<String> expired = new ArrayList<>();
    for (String name : new TreeSet<>(all.aliasMembers())) {
      EsIndex index = new EsIndex(client, name, options.refresh());
      Optional<Instant> until = until(index);
      boolean old =
          until.isPresent()
              ? !until.get().isAfter(cutoff)
              : newestTime(index).orElse(Long.MIN_VALUE) < cutoff.toEpochMilli();
      if (old) {
        known.remove(name);
        index.drop();
        expired.add(name);
      }
    }
    if (!expired.isEmpty()) {
      LOG.info(
          "Event retention {} days: dropped {} (events before {})",
          options.eventRetention().get().toDays(),
          expired,
          cutoff);
    }
    return expired;
  }

  /** The newest event time in {@code index}, epoch milliseconds; empty if it holds none. */
  private static OptionalLong newestTime(EsIndex index) throws IOException {
    List<Hit<BinaryData>> hits =
        index
            .search(
                s ->
                    s.size(1)
                        .source(f -> f.fetch(false))
                        .sort(o -> o.field(f -> f.field(EventDocs.TIME).order(SortOrder.Desc))))
            .hits()
            .hits();
    if (hits.isEmpty()) {
      return OptionalLong.empty();
    }
    FieldValue newest = hits.getFirst().sort().getFirst();
    return OptionalLong.of(newest.longValue());
  }
}
