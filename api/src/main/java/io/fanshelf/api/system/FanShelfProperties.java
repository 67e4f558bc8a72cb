package io.fanshelf.api.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code fanshelf.*}; application.yml documents each key with its default.
 *
 * @param dataDir the data directory: Lucene indexes and the API's own state (accounts, keys, links)
 * @param publicUrl the address fans and owners reach the service at, for share links and the
 *     console URL; empty means "from the request" (and http://localhost:PORT at startup)
 * @param demo on an empty data directory, import the demo data and create demo accounts
 * @param demoData where the demo files are (taxonomy, owners, catalog, fans, labels, events)
 * @param demoPassword the password of every demo owner account
 * @param auth sign-in and tokens
 * @param rateLimit request budgets per API key and per share link
 * @param shelf the fan page
 * @param events event ingestion
 * @param redis the online state shared by several API nodes; off in the embedded default
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
    @Valid @NotNull @DefaultValue Redis redis) {

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
   * @param url the Redis server, {@code redis://[:password@]host:port[/db]} or {@code
   *     rediss://...}; empty: the embedded default, every piece of online state in this JVM
   * @param keyPrefix the start of every key, so that several deployments can share one server
   * @param timeout how long a command may take before this node treats Redis as unreachable and
   *     falls back (no cache, direct writes) until it answers again
   * @param recentActivity entries of recent activity kept per fan
   * @param streamRetention how long the event stream keeps a batch: a node's consumer that is away
   *     longer than this (and the store it feeds) misses what was trimmed meanwhile
   * @param consumerGroup the consumer group that stores the event stream; empty: one group per
   *     node, {@code indexer-<node id>}, because each node's own Lucene store needs every event.
   *     With a shared (Elasticsearch) store give every node the same group, so each event is stored
   *     once
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
      @NotNull @DefaultValue("15m") Duration streamRetention,
      @NotNull @Pattern(regexp = "|[A-Za-z0-9_.:-]{1,100}") @DefaultValue("") String consumerGroup,
      @NotNull @DefaultValue("1s") Duration modelPoll) {

    public boolean enabled() {
      return !url.isEmpty();
    }
  }

  /** Where the API keeps its own files inside the data directory. */
  public Path apiDir() {
    return dataDir.resolve("api");
  }
}
