package io.fanshelf.indexer.store.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach an Elasticsearch cluster and how to lay out FanShelf's indices on it. Immutable;
 * every value is checked when the options are built, with a message naming it.
 *
 * <p>The indices are {@code <indexPrefix>-catalog}, {@code -fans}, {@code -meta}, {@code -api} and
 * one events index per {@code eventPeriod} ({@link EventIndices}); shard and replica counts apply
 * when FanShelf creates an index (an existing index keeps its own).
 *
 * @param hosts the cluster's HTTP endpoints, e.g. {@code http://es-1:9200}; requests are spread
 *     over them
 * @param indexPrefix names this FanShelf installation's indices; lower-case letters, digits, _ and
 *     -
 * @param catalogShards primary shards of the catalog index
 * @param fanShards primary shards of the fans index (documents are routed by owner)
 * @param eventShards primary shards of each period's events index (documents are routed by event
 *     id)
 * @param replicas replicas of every index; 0 only for a single-node cluster
 * @param refresh how a write makes itself visible to the next read before it returns
 * @param refreshInterval the indices' periodic refresh, which {@link Refresh#WAIT_FOR} waits for
 * @param requestTimeout how long one HTTP request may take before it fails
 * @param apiKey an encoded Elasticsearch API key sent with every request, when security is on
 * @param eventPeriod how much event time one events index holds: whole days, a week by default
 * @param eventRetention when present, events indices whose newest event is older than this are
 *     dropped whole (whole days, at least one period); absent: events are kept for ever
 */
public record ElasticsearchOptions(
    List<URI> hosts,
    String indexPrefix,
    int catalogShards,
    int fanShards,
    int eventShards,
    int replicas,
    Refresh refresh,
    Duration refreshInterval,
    Duration requestTimeout,
    Optional<String> apiKey,
    Duration eventPeriod,
    Optional<Duration> eventRetention) {

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  static final int MAX_SHARDS = 1024;
  static final int MAX_REPLICAS = 16;
  static final Duration MAX_EVENT_PERIOD = Duration.ofDays(366);

  /**
   * How a write returns only once the next read sees it. There is deliberately no "don't wait"
   * choice: the store contract promises read-after-write.
   */
  public enum Refresh {
    /**
     * {@code refresh=wait_for}: the write returns after the next periodic refresh. Costs latency
     * (up to the refresh interval), not segments; the production default.
     */
    WAIT_FOR,
    /**
     * {@code refresh=true}: the write forces a refresh of the shards it touched. Fast to return,
     * but makes a small segment per write; for tests and low write rates.
     */
    IMMEDIATE
  }

  public ElasticsearchOptions {
    hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException(
          "hosts must list at least one Elasticsearch URL, e.g. http://localhost:9200");
    }
    for (URI host : hosts) {
      checkHost(host);
    }
    Objects.requireNonNull(indexPrefix, "indexPrefix");
    if (!PREFIX.matcher(indexPrefix).matches()) {
      throw new IllegalArgumentException(
          "index prefix must be 1 to 100 lower-case letters, digits, _ or -, starting with a"
              + " letter or digit, got '"
              + indexPrefix
              + "'");
    }
    checkRange("catalog shards", catalogShards, 1, MAX_SHARDS);
    checkRange("fan shards", fanShards, 1, MAX_SHARDS);
    checkRange("event shards", eventShards, 1, MAX_SHARDS);
    checkRange("replicas", replicas, 0, MAX_REPLICAS);
    Objects.requireNonNull(refresh, "refresh");
    checkDuration("refresh interval", refreshInterval, Duration.ofHours(1));
    checkDuration("request timeout", requestTimeout, Duration.ofHours(1));
    apiKey = Objects.requireNonNull(apiKey, "apiKey").map(String::strip);
    if (apiKey.isPresent() && apiKey.get().isEmpty()) {
      throw new IllegalArgumentException("api key, when given, must not be blank");
    }
    checkWholeDays("event period", eventPeriod, Duration.ofDays(1), MAX_EVENT_PERIOD);
    Objects.requireNonNull(eventRetention, "eventRetention");
    if (eventRetention.isPresent()) {
      checkWholeDays(
          "event retention", eventRetention.get(), eventPeriod, Duration.ofDays(100 * 366));
    }
  }

  private static void checkWholeDays(String name, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0
        || value.compareTo(max) > 0
        || !value.equals(Duration.ofDays(value.toDays()))) {
      throw new IllegalArgumentException(
          name
              + " must be a whole number of days between "
              + min.toDays()
              + " and "
              + max.toDays()
              + ", got "
              + value);
    }
  }

  private static void checkHost(URI host) {
    Objects.requireNonNull(host, "host");
    String scheme = host.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "an Elasticsearch host must be an http:// or https:// URL, got '" + host + "'");
    }
    if (host.getHost() == null || host.getPort() < 1) {
      throw new IllegalArgumentException(
          "an Elasticsearch host needs a host name and a port, e.g. http://es-1:9200, got '"
              + host
              + "'");
    }
    if (host.getRawPath() != null && !host.getRawPath().isEmpty() && !host.getRawPath().equals("/")
        || host.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "an Elasticsearch host must not have a path or query, got '" + host + "'");
    }
  }

  private static void checkRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void checkDuration(String name, Duration value, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.toMillis() < 1 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be between 1 ms and " + max.toMinutes() + " minutes, got " + value);
    }
  }

  /** The name of one of FanShelf's indices, e.g. {@code fanshelf-catalog}. */
  String index(String suffix) {
    return indexPrefix + "-" + suffix;
  }

  /** The API key is never printed. */
  @Override
  public String toString() {
    return "ElasticsearchOptions[hosts="
        + hosts
        + ", indexPrefix="
        + indexPrefix
        + ", shards catalog/fans/events="
        + catalogShards
        + "/"
        + fanShards
        + "/"
        + eventShards
        + ", replicas="
        + replicas
        + ", refresh="
        + refresh
        + ", refreshInterval="
        + refreshInterval
        + ", requestTimeout="
        + requestTimeout
        + ", apiKey="
        + (apiKey.isPresent() ? "(set)" : "(none)")
        + ", eventPeriod="
        + eventPeriod
        + ", eventRetention="
        + eventRetention.map(Duration::toString).orElse("(keep all)")
        + "]";
  }

  /**
   * Options with the defaults: 1 shard per index, 1 replica, {@link Refresh#WAIT_FOR}, refresh
   * every second, 30 s per request, no API key, one events index per week, kept for ever.
   */
  public static Builder builder(String indexPrefix, URI... hosts) {
    return new Builder(indexPrefix, List.of(hosts));
  }

  /** Builds options step by step; {@link #build()} checks every value. Not thread-safe. */
  public static final class Builder {
    private final List<URI> hosts;
    private final String indexPrefix;
    private int catalogShards = 1;
    private int fanShards = 1;
    private int eventShards = 1;
    private int replicas = 1;
    private Refresh refresh = Refresh.WAIT_FOR;
    private Duration refreshInterval = Duration.ofSeconds(1);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Optional<String> apiKey = Optional.empty();
    private Duration eventPeriod = Duration.ofDays(7);
    private Optional<Duration> eventRetention = Optional.empty();

    private Builder(String indexPrefix, List<URI> hosts) {
      this.indexPrefix = indexPrefix;
      this.hosts = new ArrayList<>(hosts);
    }

    public Builder shards(int catalog, int fans, int events) {
      this.catalogShards = catalog;
      this.fanShards = fans;
      this.eventShards = events;
      return this;
    }

    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    public Builder refresh(Refresh refresh) {
      this.refresh = refresh;
      return this;
    }

    public Builder refreshInterval(Duration interval) {
      this.refreshInterval = interval;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder apiKey(String encodedApiKey) {
      this.apiKey = Optional.of(encodedApiKey);
      return this;
    }

    /** How much event time one events index holds (whole days). */
    public Builder eventPeriod(Duration period) {
      this.eventPeriod = period;
      return this;
    }

    /** Drop events indices whose newest event is older than {@code retention} (whole days). */
    public Builder eventRetention(Duration retention) {
      this.eventRetention = Optional.of(retention);
      return this;
    }

    public ElasticsearchOptions build() {
      return new ElasticsearchOptions(
          hosts,
          indexPrefix,
          catalogShards,
          fanShards,
          eventShards,
          replicas,
          refresh,
          refreshInterval,
          requestTimeout,
          apiKey,
          eventPeriod,
          eventRetention);
    }
  }
}
