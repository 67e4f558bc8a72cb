package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.EventStore;
import io.fanshelf.indexer.store.FanStore;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend for platforms that outgrow one machine: the four stores on an Elasticsearch cluster,
 * through the official Java client. Stateless itself, so any number of API nodes can open it on the
 * same cluster and index prefix.
 *
 * <pre>
 * PREFIX-catalog             products, _id = product id
 * PREFIX-fans                (owner, fan) profiles with labels, routed by owner
 * PREFIX-events-2026.11.30   the event log, one index per period of event time ({@link
 *                            EventIndices}), _id = event id, written with op_type create
 * PREFIX-events-all          alias over the events indices, for reads
 * PREFIX-meta                taxonomy versions and owners
 * PREFIX-api                 the API nodes' own state ({@link ElasticsearchDocuments})
 * </pre>
 *
 * <p>With an event retention, the backend drops expired events indices when it opens and every
 * {@link #RETENTION_EVERY} while it is open, on a thread of its own; every node does so, and a drop
 * that another node made already is a no-op.
 *
 * <p>Opening creates missing indices with FanShelf's mappings and checks that existing ones hold
 * the document layout this version writes. What "durable" and "all or nothing" mean here is
 * described in {@link AllOrNothing} and in docs/operations.md. Thread-safe. Closing it closes the
 * stores and the HTTP client.
 */
public final class ElasticsearchBackend implements StoreBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBackend.class);

  /** How often an open backend applies the event retention. */
  static final Duration RETENTION_EVERY = Duration.ofHours(1);

  private final ElasticsearchOptions options;
  private final Rest5ClientTransport transport;
  private final ElasticsearchCatalogStore catalog;
  private final ElasticsearchFanStore fans;
  private final EventIndices eventIndices;
  private final ElasticsearchEventStore events;
  private final ElasticsearchMetadataStore metadata;
  private final ElasticsearchDocuments apiDocuments;
  private final Optional<ScheduledExecutorService> retention;

  private ElasticsearchBackend(
      ElasticsearchOptions options, Rest5ClientTransport transport, Clock clock)
      throws IOException {
    this.options = options;
    this.transport = transport;
    ElasticsearchClient client = new ElasticsearchClient(transport);
    EsIndex catalogIndex = index(client, "catalog");
    EsIndex fanIndex = index(client, "fans");
    EsIndex metaIndex = index(client, "meta");
    EsIndex apiIndex = index(client, "api");
    ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(transport);
    await(
        List.of(
            catalogIndex.createIfMissing(async, CatalogDocs.definition(options)),
            fanIndex.createIfMissing(async, FanDocs.definition(options)),
            metaIndex.createIfMissing(async, ElasticsearchMetadataStore.definition(options)),
            apiIndex.createIfMissing(async, ElasticsearchDocuments.definition(options))));
    for (EsIndex index : List.of(catalogIndex, fanIndex, metaIndex, apiIndex)) {
      IndexDefinition.check(index);
    }
    this.eventIndices = new EventIndices(client, async, options, clock);
    eventIndices.open();
    eventIndices.dropExpired();
    this.catalog = new ElasticsearchCatalogStore(catalogIndex);
    this.fans = new ElasticsearchFanStore(fanIndex);
    this.events = new ElasticsearchEventStore(eventIndices);
    this.metadata = new ElasticsearchMetadataStore(metaIndex);
    this.apiDocuments = new ElasticsearchDocuments(apiIndex);
    this.retention =
        options.eventRetention().map(r -> scheduleRetention(eventIndices, options.indexPrefix()));
  }

  private static ScheduledExecutorService scheduleRetention(EventIndices indices, String prefix) {
    ScheduledExecutorService schedule =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "fanshelf-event-retention-" + prefix);
              thread.setDaemon(true);
              return thread;
            });
    long every = RETENTION_EVERY.toMillis();
    schedule.scheduleWithFixedDelay(
        () -> {
          try {
            indices.dropExpired();
          } catch (IOException | RuntimeException e) {
            LOG.warn("Event retention failed, next try in {}: {}", RETENTION_EVERY, e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    return schedule;
  }

  private EsIndex index(ElasticsearchClient client, String suffix) {
    return new EsIndex(client, options.index(suffix), options.refresh());
  }

  /** Waits for every future; the first failure is thrown as an IOException. */
  static void await(List<CompletableFuture<Void>> futures) throws IOException {
    for (CompletableFuture<Void> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while creating indices");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        throw new IOException(cause.getMessage(), cause);
      }
    }
  }

  /**
   * Connects to the cluster and opens (creating if needed) this installation's indices.
   *
   * @throws IOException if the cluster cannot be reached, refuses to create an index, or holds an
   *     index of another document layout under the same prefix
   */
  public static ElasticsearchBackend open(ElasticsearchOptions options) throws IOException {
    return open(options, Clock.systemUTC());
  }

  /** {@link #open(ElasticsearchOptions)} with the clock that event retention goes by. */
  static ElasticsearchBackend open(ElasticsearchOptions options, Clock clock) throws IOException {
    Rest5ClientBuilder builder = Rest5Client.builder(options.hosts());
    Timeout timeout = Timeout.ofMilliseconds(options.requestTimeout().toMillis());
    builder.setRequestConfigCallback(config -> config.setResponseTimeout(timeout));
    builder.setConnectionConfigCallback(config -> config.setConnectTimeout(timeout));
    options
        .apiKey()
        .ifPresent(
            key ->
                builder.setDefaultHeaders(
                    new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
    Rest5ClientTransport transport =
        new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper());
    try {
      ElasticsearchBackend backend = new ElasticsearchBackend(options, transport, clock);
      LOG.info(
          "Elasticsearch backend opened: {} indices {}-*, refresh {}, an events index per {}"
              + " days, {}",
          options.hosts(),
          options.indexPrefix(),
          options.refresh(),
          options.eventPeriod().toDays(),
          options
              .eventRetention()
              .map(r -> "kept " + r.toDays() + " days")
              .orElse("kept for ever"));
      return backend;
    } catch (IOException | RuntimeException e) {
      try {
        transport.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof IOException io) {
        throw new IOException(
            "could not open the Elasticsearch backend at "
                + options.hosts()
                + " with index prefix '"
                + options.indexPrefix()
                + "': "
                + io.getMessage(),
            io);
      }
      throw e;
    }
  }

  @Override
  public CatalogStore catalog() {
    return catalog;
  }

  @Override
  public FanStore fans() {
    return fans;
  }

  @Override
  public EventStore events() {
    return events;
  }

  @Override
  public MetadataStore metadata() {
    return metadata;
  }

  /** The API nodes' own documents (accounts, keys, tokens, segments, curation, share links). */
  public ElasticsearchDocuments apiDocuments() {
    return apiDocuments;
  }

  /**
   * Drops, whole, the events indices older than the event retention (no-op without one); what the
   * backend also does by itself every {@link #RETENTION_EVERY}.
   *
   * @return the dropped indices, oldest first
   */
  public List<String> dropExpiredEventIndices() throws IOException {
    return eventIndices.dropExpired();
  }

  /** The options this backend was opened with. */
  public ElasticsearchOptions options() {
    return options;
  }

  @Override
  public String describe() {
    return "elasticsearch:" + options.hosts() + "/" + options.indexPrefix();
  }

  @Override
  public void close() throws IOException {
    // The stores hold nothing but the shared client.
    retention.ifPresent(ScheduledExecutorService::shutdownNow);
    transport.close();
  }
}
