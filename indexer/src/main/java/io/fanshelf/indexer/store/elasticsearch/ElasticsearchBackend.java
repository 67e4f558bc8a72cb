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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * PREFIX-catalog  products, _id = product id
 * PREFIX-fans     (owner, fan) profiles with labels, routed by owner
 * PREFIX-events   the event log, _id = event id, written with op_type create
 * PREFIX-meta     taxonomy versions and owners
 * PREFIX-api      the API nodes' own state ({@link ElasticsearchDocuments})
 * </pre>
 *
 * <p>Opening creates missing indices with FanShelf's mappings and checks that existing ones hold
 * the document layout this version writes. What "durable" and "all or nothing" mean here is
 * described in {@link AllOrNothing} and in docs/operations.md. Thread-safe. Closing it closes the
 * stores and the HTTP client.
 */
public final class ElasticsearchBackend implements StoreBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBackend.class);

  private final ElasticsearchOptions options;
  private final Rest5ClientTransport transport;
  private final ElasticsearchCatalogStore catalog;
  private final ElasticsearchFanStore fans;
  private final ElasticsearchEventStore events;
  private final ElasticsearchMetadataStore metadata;
  private final ElasticsearchDocuments apiDocuments;

  private ElasticsearchBackend(ElasticsearchOptions options, Rest5ClientTransport transport)
      throws IOException {
    this.options = options;
    this.transport = transport;
    ElasticsearchClient client = new ElasticsearchClient(transport);
    EsIndex catalogIndex = index(client, "catalog");
    EsIndex fanIndex = index(client, "fans");
    EsIndex eventIndex = index(client, "events");
    EsIndex metaIndex = index(client, "meta");
    EsIndex apiIndex = index(client, "api");
    ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(transport);
    await(
        List.of(
            catalogIndex.createIfMissing(async, CatalogDocs.definition(options)),
            fanIndex.createIfMissing(async, FanDocs.definition(options)),
            eventIndex.createIfMissing(async, EventDocs.definition(options)),
            metaIndex.createIfMissing(async, ElasticsearchMetadataStore.definition(options)),
            apiIndex.createIfMissing(async, ElasticsearchDocuments.definition(options))));
    for (EsIndex index : List.of(catalogIndex, fanIndex, eventIndex, metaIndex, apiIndex)) {
      checkSchema(index);
    }
    this.catalog = new ElasticsearchCatalogStore(catalogIndex);
    this.fans = new ElasticsearchFanStore(fanIndex);
    this.events = new ElasticsearchEventStore(eventIndex);
    this.metadata = new ElasticsearchMetadataStore(metaIndex);
    this.apiDocuments = new ElasticsearchDocuments(apiIndex);
  }

  private EsIndex index(ElasticsearchClient client, String suffix) {
    return new EsIndex(client, options.index(suffix), options.refresh());
  }

  private static void await(List<CompletableFuture<Void>> futures) throws IOException {
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
      ElasticsearchBackend backend = new ElasticsearchBackend(options, transport);
      LOG.info(
          "Elasticsearch backend opened: {} indices {}-*, refresh {}",
          options.hosts(),
          options.indexPrefix(),
          options.refresh());
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

  /** Fails unless the index holds the document layout this version reads and writes. */
  private static void checkSchema(EsIndex index) throws IOException {
    Optional<String> schema = index.mappingMeta(IndexDefinition.SCHEMA_KEY);
    if (!schema.equals(Optional.of(IndexDefinition.SCHEMA))) {
      throw new IOException(
          "index "
              + index.name()
              + " holds "
              + schema.map(s -> "FanShelf document layout " + s).orElse("no FanShelf documents")
              + ", this version needs layout "
              + IndexDefinition.SCHEMA
              + "; choose another index prefix, or reindex");
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
    transport.close();
  }
}
