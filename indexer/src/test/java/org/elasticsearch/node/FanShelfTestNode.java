package org.elasticsearch.node;

import java.nio.file.Path;
import java.util.List;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A real, single-node Elasticsearch server inside the test JVM, with its HTTP API on a free port of
 * 127.0.0.1, for FanShelf's Elasticsearch integration tests (test scope only; never shipped).
 *
 * <p>It is the production {@link Node}, built through the package-private {@link
 * NodeConstruction#prepareConstruction} with plugins taken from the classpath ({@link
 * Netty4Plugin}, the HTTP server) instead of a plugins directory: the pattern of Elasticsearch's
 * own {@code MockNode}, which is why this class lives in {@code org.elasticsearch.node}. Not
 * thread-safe to start or close; whoever starts it closes it.
 */
public final class FanShelfTestNode extends Node {

  private FanShelfTestNode(Environment environment) {
    super(
        NodeConstruction.prepareConstruction(
            environment,
            null,
            new NodeServiceProvider() {
              @Override
              PluginsService newPluginService(Environment env, PluginsLoader loader) {
                return new MockPluginsService(env.settings(), env, List.of(Netty4Plugin.class));
              }
            },
            true));
  }

  /**
   * Starts a node whose data, logs and config live under {@code home}.
   *
   * @return the started node; {@link #httpPort()} tells where it listens
   */
  public static FanShelfTestNode start(Path home, String nodeName) throws Exception {
    nativeLibraries(home.resolve("native"));
    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("node.name", nodeName)
            .put("cluster.name", "fanshelf-test")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", 0)
            .put("transport.port", 0)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("logger.level", "WARN")
            .build();
    LogConfigurator.configureESLogging();
    LogConfigurator.configureWithoutConfig(settings);
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(
            settings, java.util.Map.of(), null, () -> nodeName);
    FanShelfTestNode node = new FanShelfTestNode(environment);
    node.start();
    return node;
  }

  /**
   * Elasticsearch loads its native helpers from {@code es.nativelibs.path}, which a distribution
   * sets and a test JVM does not (without it, startup logs a NullPointerException and runs without
   * native access). Points it at {@code dir}, holding the system's zstd (Debian's libzstd1) under
   * the name Elasticsearch looks for, and turns off its vector library, which is not on Maven
   * Central. Kept if already set.
   */
  private static void nativeLibraries(Path dir) throws java.io.IOException {
    if (System.getProperty("es.nativelibs.path") != null) {
      return;
    }
    java.nio.file.Files.createDirectories(dir);
    for (String lib :
        List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64")) {
      Path zstd = Path.of(lib, "libzstd.so.1");
      if (java.nio.file.Files.exists(zstd)) {
        java.nio.file.Files.createSymbolicLink(dir.resolve("libzstd.so"), zstd);
        break;
      }
    }
    System.setProperty("es.nativelibs.path", dir.toString());
    System.setProperty("org.elasticsearch.nativeaccess.enableVectorLibrary", "false");
  }

  /** The port the HTTP API is bound to. */
  public int httpPort() {
    return injector()
        .getInstance(HttpServerTransport.class)
        .boundAddress()
        .publishAddress()
        .getPort();
  }

  /**
   * Does nothing: the production listener sets process-wide node and cluster ids once per JVM, so a
   * second node in the same JVM would fail with {@code SetOnce$AlreadySetException} and answer
   * every request with 503 "state not recovered".
   */
  @Override
  protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {}
}
