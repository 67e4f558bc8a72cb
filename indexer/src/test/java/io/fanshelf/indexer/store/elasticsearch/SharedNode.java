package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.elasticsearch.node.FanShelfTestNode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Elasticsearch node per test JVM, started by the first test class that registers this
 * extension and shared by all of them; JUnit closes it when the test run ends. Each test gets its
 * own index prefix, derived from the directory {@link io.fanshelf.indexer.store.StoreContract}
 * hands it, and its indices are deleted after the test.
 *
 * <p>Register it as a static field with {@code @RegisterExtension}; not thread-safe (the suites run
 * one test at a time). Public for the other modules' tests (the recommender's parity test); data a
 * test class keeps across its tests goes under a prefix of its own ({@link #uri()}), which {@link
 * #afterEach} leaves alone.
 */
public final class SharedNode implements BeforeAllCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedNode.class);

  private final ElasticsearchOptions.Refresh refresh;
  private final Map<Path, String> prefixes = new HashMap<>();
  private Running running;

  /** Backends opened with this refresh policy (every second with {@code WAIT_FOR}). */
  public SharedNode(ElasticsearchOptions.Refresh refresh) {
    this.refresh = refresh;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Running.class, type -> Running.start(), Running.class);
  }

  /** Options for a backend whose data is named after {@code dir}; the same dir, the same data. */
  public ElasticsearchOptions options(Path dir) {
    return builder(dir).build();
  }

  /** {@link #options} still to be changed. */
  public ElasticsearchOptions.Builder builder(Path dir) {
    String prefix =
        prefixes.computeIfAbsent(
            dir,
            d ->
                "it-"
                    + d.getFileName()
                        .toString()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9_-]", "-"));
    return ElasticsearchOptions.builder(prefix, running.uri)
        .replicas(0)
        .refresh(refresh)
        .requestTimeout(Duration.ofSeconds(60));
  }

  /** A client of its own, for tests that look at the cluster directly. */
  public ElasticsearchClient admin() {
    return running.admin;
  }

  /** The node's HTTP address. */
  public URI uri() {
    return running.uri;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    for (String prefix : prefixes.values()) {
      deleteIndices(prefix);
    }
    prefixes.clear();
  }

  /**
   * Deletes every index under {@code prefix} (the events indices are one per week), by name:
   * Elasticsearch refuses to delete by wildcard.
   */
  public void deleteIndices(String prefix) throws IOException {
    List<String> indices =
        new ArrayList<>(
            running.admin.indices().get(g -> g.index(prefix + "-*")).indices().keySet());
    if (!indices.isEmpty()) {
      running.admin.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
    }
  }

  /** The node and an admin client; closed by JUnit at the end of the run. */
  static final class Running implements AutoCloseable {
    private final Path home;
    private final FanShelfTestNode node;
    private final URI uri;
    private final Rest5ClientTransport transport;
    private final ElasticsearchClient admin;

    private Running(Path home, FanShelfTestNode node) {
      this.home = home;
      this.node = node;
      this.uri = URI.create("http://127.0.0.1:" + node.httpPort());
      this.transport =
          new Rest5ClientTransport(Rest5Client.builder(uri).build(), new JacksonJsonpMapper());
      this.admin = new ElasticsearchClient(transport);
    }

    static Running start() {
      try {
        Path home = Files.createTempDirectory("fanshelf-es-node");
        return new Running(home, FanShelfTestNode.start(home, "fanshelf-it"));
      } catch (Exception e) {
        throw new IllegalStateException("could not start the Elasticsearch test node", e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        transport.close();
        node.close();
        if (!node.awaitClose(30, TimeUnit.SECONDS)) {
          throw new IOException("the Elasticsearch test node did not stop in 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while stopping the test node");
      } finally {
        try (Stream<Path> files = Files.walk(home)) {
          files
              .sorted(Comparator.reverseOrder())
              .forEach(
                  path -> {
                    try {
                      Files.deleteIfExists(path);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
        }
      }
    }
  }
}
