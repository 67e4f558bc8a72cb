package io.fanshelf.api.system;

import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.recommender.settings.AggregateSettings;
import io.fanshelf.recommender.settings.FeedbackSettings;
import io.fanshelf.recommender.settings.RankingSettings;
import io.fanshelf.recommender.settings.RecommendSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code fanshelf.*}; application.yml documents each key with its default.
 *
 * @param dataDir the data directory: Lucene indexes (with the embedded store) and the API's own
 *     state (accounts, keys, links)
 * @param publicUrl the address fans and owners reach the service at, for share links and the
 *     console URL; empty means "from the request" (and http://localhost:PORT at startup)
 * @param demo on an empty data directory, import the demo data and create demo accounts
 * @param demoData where the demo files are (taxonomy, owners, catalog, fans, labels, events)
 * @param demoPassword the password of every demo owner account
 * @param auth sign-in and tokens
 * @param rateLimit request budgets per API key and per share link
 * @param shelf the fan page
 * @param events event ingestion
 * @param models background training: the validated ranking and scheduled retraining
 * @param redis the online state shared by several API nodes; off in the embedded default
 * @param store which backend holds catalog, fans/labels and events
 * @param elasticsearch the Elasticsearch cluster, when {@code store.backend} is {@code
 *     elasticsearch}
 * @param recommend candidate sources per section, the fallback, budgets and rules
 * @param feedback which event types count as positive feedback, and how much
 * @param aggregates decay and sizes of the event aggregates (popularity, co-visit, affinities)
 */
@Validated
@ConfigurationProperties("fanshelf")
public record FanShelfProperties(
    @NotNull @DefaultValue("fanshelf-data") Path dataDir,
    @NotNull
        @DefaultValue("")
        @Pattern(
            regexp = "|https?://[^\\s]+[^/\\s]",
            message = "must be empty or an http(s) URL without a trailing slash")
        String publicUrl,
    @DefaultValue("false") boolean demo,
    @NotBlank @DefaultValue("classpath:demo/") String demoData,
    @NotBlank @DefaultValue("fanshelf-demo") String demoPassword,
    @Valid @NotNull @DefaultValue Auth auth,
    @Valid @NotNull @DefaultValue RateLimit rateLimit,
    @Valid @NotNull @DefaultValue Shelf shelf,
    @Valid @NotNull @DefaultValue Events events,
    @Valid @NotNull @DefaultValue Models models,
    @Valid @NotNull @DefaultValue Redis redis,
    @Valid @NotNull @DefaultValue Store store,
    @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
    @NotNull @DefaultValue RecommendSettings recommend,
    @NotNull @DefaultValue FeedbackSettings feedback,
    @NotNull @DefaultValue AggregateSettings aggregates) {

  public FanShelfProperties {
    // Checks every ranking value while binding, so that a bad one stops the start naming its key.
    new RankingSettings(recommend, feedback, aggregates);
  }

  /**
   * @param ownerTokenTtl how long an owner's API token lives
   * @param sessionTtl how long a console sign-in lives
   * @param bcryptStrength the BCrypt cost factor of stored passwords (4-31)
   * @param secureCookies mark the console cookie Secure (serve over HTTPS)
   */
  public record Auth(
      @NotNull @DefaultValue("30d") Duration ownerTokenTtl,
      @NotNull @DefaultValue("12h") Duration sessionTtl,
      @Min(4) @Max(31) @DefaultValue("10") int bcryptStrength,
      @DefaultValue("false") boolean secureCookies) {}

  /**
   * @param apiKeyPerSecond sustained requests per second per API key
   * @param apiKeyBurst requests an API key may send at once
   * @param shareLinkPerMinute sustained shelf requests per minute per share link
   * @param shareLinkBurst shelf requests a link may take at once
   * @param ownerPerSecond sustained requests per second per owner (API tokens and console)
   * @param ownerBurst requests an owner may send at once
   * @param signInPerMinute sustained sign-in attempts per minute per owner id
   * @param signInBurst sign-in attempts per owner id at once
   */
  public record RateLimit(
      @Min(1) @DefaultValue("500") int apiKeyPerSecond,
      @Min(1) @DefaultValue("1000") int apiKeyBurst,
      @Min(1) @DefaultValue("60") int shareLinkPerMinute,
      @Min(1) @DefaultValue("30") int shareLinkBurst,
      @Min(1) @DefaultValue("50") int ownerPerSecond,
      @Min(1) @DefaultValue("100") int ownerBurst,
      @Min(1) @DefaultValue("6") int signInPerMinute,
      @Min(1) @DefaultValue("10") int signInBurst) {}

  /**
   * @param cacheTtl how long a ranked shelf is reused before it is ranked afresh
   * @param forYouSize items in the main section
   * @param sectionSize items in each other section
   * @param buyUrl where "buy" leads; {product} and {owner} are replaced (the owner's attribution)
   * @param currency the symbol shown before prices
   * @param imageSources where product pictures may come from besides the app itself, as
   *     Content-Security-Policy sources separated by spaces (e.g. {@code https://img.example.com})
   */
  public record Shelf(
      @NotNull @DefaultValue("30s") Duration cacheTtl,
      @Min(1) @Max(50) @DefaultValue("12") int forYouSize,
      @Min(1) @Max(50) @DefaultValue("6") int sectionSize,
      @NotBlank @DefaultValue("/buy/{product}?ref={owner}") String buyUrl,
      @NotBlank @DefaultValue("¥") String currency,
      @NotNull
          @DefaultValue("https:")
          @Pattern(
              regexp = "|[A-Za-z0-9.:/*_-]+( [A-Za-z0-9.:/*_-]+)*",
              message = "must be Content-Security-Policy sources separated by single spaces")
          String imageSources) {}

  /**
   * @param maxBatch most events in one POST
   */
  public record Events(@Min(1) @Max(100_000) @DefaultValue("10000") int maxBatch) {}

  /**
   * @param validateOnStart with at least {@code minEvents} events and nothing published or
   *     validated yet, train in the background at start and serve the ranking validation chooses
   * @param retrainInterval retrain this often (0: never); the new ranking replaces the validated
   *     one, or, when a model is published, is published if it passes the gate
   * @param tuningBudget how long each tuning step of a background training may take
   * @param minEvents below this many events no background training runs
   */
  public record Models(
      @DefaultValue("true") boolean validateOnStart,
      @NotNull @DefaultValue("0s") Duration retrainInterval,
      @NotNull @DefaultValue("30s") Duration tuningBudget,
      @Min(2) @DefaultValue("200") long minEvents) {}

  /**
   * @param url the Redis server, {@code redis://[:password@]host:port[/db]} or {@code
   *     rediss://...}; empty: the embedded default, every piece of online state in this JVM
   * @param keyPrefix the start of every key, so that several deployments can share one server
   * @param timeout how long a command may take before this node treats Redis as unreachable and
   *     falls back (no cache, event writes refused with 503) until it answers again
   * @param recentActivity entries of recent activity kept per fan
   * @param historyTtl how long a fan's stored history, copied to Redis on a recommendation's miss,
   *     is read from there before the store is read again (events imported past the nodes show
   *     after at most this long)
   * @param streamRetention how long the event stream keeps a batch: a node's consumer that is away
   *     longer than this (and the store it feeds) misses what was trimmed meanwhile
   * @param consumerGroup the consumer group that stores the event stream; empty: one group per
   *     node, {@code indexer-<node id>}, because each node's own Lucene store needs every event.
   *     With a shared (Elasticsearch) store give every node the same group, so each event is stored
   *     once
   * @param consumers threads of this node storing the event stream, each a consumer of the group
   *     (several pay off with a shared store, whose appends run in parallel)
   * @param consumerBatch stream entries a consumer stores in one append (one commit)
   * @param backlogMaxAge event writes are refused (503, Retry-After) while the oldest stream entry
   *     the group has not stored is older than this; 0: no bound
   * @param backlogMaxEntries ... or while more entries than this wait; 0: no bound
   * @param modelPoll how often a node checks which models are published
   */
  public record Redis(
      @NotNull
          @DefaultValue("")
          @Pattern(
              regexp = "|rediss?://[^\\s]+",
              message = "must be empty or a redis:// or rediss:// URL")
          String url,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,40}") @DefaultValue("fs:") String keyPrefix,
      @NotNull @DefaultValue("250ms") Duration timeout,
      @Min(1) @Max(100) @DefaultValue("8") int recentActivity,
      @NotNull @DurationMin(seconds = 1) @DurationMax(days = 1) @DefaultValue("10m")
          Duration historyTtl,
      @NotNull @DefaultValue("15m") Duration streamRetention,
      @NotNull @Pattern(regexp = "|[A-Za-z0-9_.:-]{1,100}") @DefaultValue("") String consumerGroup,
      @Min(1) @Max(32) @DefaultValue("1") int consumers,
      @Min(1) @Max(10_000) @DefaultValue("500") int consumerBatch,
      @NotNull @DefaultValue("30s") Duration backlogMaxAge,
      @Min(0) @DefaultValue("0") long backlogMaxEntries,
      @NotNull @DefaultValue("1s") Duration modelPoll) {

    public boolean enabled() {
      return !url.isEmpty();
    }
  }

  /**
   * @param backend where catalog, fans/labels and events live: {@code lucene}, the embedded
   *     default, under the data directory; or {@code elasticsearch}, a cluster shared by several
   *     API nodes ({@code fanshelf.elasticsearch.*}). The API's own files stay under the data
   *     directory either way
   * @param aggregatesSnapshotInterval how often the aggregates are written to {@code
   *     <data-dir>/aggregates} so that a start loads them and counts only the events after them
   *     (Lucene store; docs/aggregates.md); 0 turns the schedule off (still written after an
   *     import's recount and at shutdown). With the Elasticsearch store and Redis: how often one
   *     node writes the shared aggregates snapshot, and one the shared owner statistics snapshot,
   *     to Redis; 0: never
   */
  public record Store(
      @NotNull
          @DefaultValue("lucene")
          @Pattern(regexp = "(?i)lucene|elasticsearch", message = "must be lucene or elasticsearch")
          String backend,
      @NotNull @DurationMin(seconds = 0) @DurationMax(days = 7) @DefaultValue("10m")
          Duration aggregatesSnapshotInterval) {

    public boolean elasticsearch() {
      return backend.equalsIgnoreCase("elasticsearch");
    }
  }

  /**
   * The cluster and the layout of FanShelf's indices on it; each key is one {@link
   * ElasticsearchOptions} value, checked the same way.
   *
   * @param hosts the cluster's HTTP(S) endpoints with a port and no path; requests are spread over
   *     them
   * @param indexPrefix names this installation's indices PREFIX-catalog, -fans, -events, -meta
   * @param shards primary shards per index, used when FanShelf creates an index
   * @param replicas replicas of every index (0 only on a single node)
   * @param refresh how a write becomes visible before it returns: {@code wait_for} or {@code
   *     immediate}
   * @param refreshInterval the indices' periodic refresh, which {@code wait_for} waits for
   * @param requestTimeout how long one HTTP request may take
   * @param apiKey an encoded Elasticsearch API key; empty: none. Never printed
   * @param eventPeriod how much event time one events index holds (whole days)
   * @param eventRetention events indices whose period ended longer ago are dropped whole (whole
   *     days, at least one period); 0: events are kept for ever
   */
  public record Elasticsearch(
      @NotNull @DefaultValue
          List<
                  @Pattern(
                      regexp = "https?://[^/\\s?#]+:[0-9]{1,5}/?",
                      message =
                          "must be an http(s) URL with a port and no path, e.g. http://es-1:9200")
                  String>
              hosts,
      @NotNull
          @DefaultValue("")
          @Pattern(
              regexp = "|[a-z0-9][a-z0-9_-]{0,99}",
              message =
                  "must be 1 to 100 lower-case letters, digits, _ or -, starting with a letter or"
                      + " digit")
          String indexPrefix,
      @Valid @NotNull @DefaultValue Shards shards,
      @Min(0) @Max(16) @DefaultValue("1") int replicas,
      @NotNull
          @DefaultValue("wait_for")
          @Pattern(regexp = "(?i)wait_for|immediate", message = "must be wait_for or immediate")
          String refresh,
      @NotNull @DurationMin(millis = 1) @DurationMax(hours = 1) @DefaultValue("1s")
          Duration refreshInterval,
      @NotNull @DurationMin(millis = 1) @DurationMax(hours = 1) @DefaultValue("30s")
          Duration requestTimeout,
      @NotNull @DefaultValue("") String apiKey,
      @NotNull @DurationMin(days = 1) @DurationMax(days = 366) @DefaultValue("7d")
          Duration eventPeriod,
      @NotNull @DurationMin(days = 0) @DurationMax(days = 36600) @DefaultValue("0d")
          Duration eventRetention) {

    /**
     * @param catalog primary shards of the catalog index
     * @param fans primary shards of the fans index (routed by owner)
     * @param events primary shards of the events index (routed by event id)
     */
    public record Shards(
        @Min(1) @Max(1024) @DefaultValue("1") int catalog,
        @Min(1) @Max(1024) @DefaultValue("1") int fans,
        @Min(1) @Max(1024) @DefaultValue("1") int events) {}

    /** The backend's options; call only when the hosts and index prefix are set. */
    public ElasticsearchOptions options() {
      ElasticsearchOptions.Builder builder =
          ElasticsearchOptions.builder(
                  indexPrefix, hosts.stream().map(URI::create).toArray(URI[]::new))
              .shards(shards.catalog(), shards.fans(), shards.events())
              .replicas(replicas)
              .refresh(ElasticsearchOptions.Refresh.valueOf(refresh.toUpperCase(Locale.ROOT)))
              .refreshInterval(refreshInterval)
              .requestTimeout(requestTimeout)
              .eventPeriod(eventPeriod);
      if (!apiKey.isBlank()) {
        builder.apiKey(apiKey);
      }
      if (!eventRetention.isZero()) {
        builder.eventRetention(eventRetention);
      }
      return builder.build();
    }

    /** The API key is never printed. */
    @Override
    public String toString() {
      return "Elasticsearch[hosts="
          + hosts
          + ", indexPrefix="
          + indexPrefix
          + ", shards="
          + shards
          + ", replicas="
          + replicas
          + ", refresh="
          + refresh
          + ", refreshInterval="
          + refreshInterval
          + ", requestTimeout="
          + requestTimeout
          + ", apiKey="
          + (apiKey.isBlank() ? "(none)" : "(set)")
          + ", eventPeriod="
          + eventPeriod
          + ", eventRetention="
          + eventRetention
          + "]";
    }
  }

  /** With the Elasticsearch backend its cluster and index prefix must be given. */
  @AssertTrue(
      message =
          "fanshelf.elasticsearch.hosts and fanshelf.elasticsearch.index-prefix must be set when"
              + " fanshelf.store.backend is elasticsearch")
  public boolean isElasticsearchConfigured() {
    return !store.elasticsearch()
        || !elasticsearch.hosts().isEmpty() && !elasticsearch.indexPrefix().isEmpty();
  }

  /** The ranking settings: fanshelf.recommend, fanshelf.feedback and fanshelf.aggregates. */
  public RankingSettings ranking() {
    return new RankingSettings(recommend, feedback, aggregates);
  }

  /** Where the API keeps its own files inside the data directory. */
  public Path apiDir() {
    return dataDir.resolve("api");
  }
}
