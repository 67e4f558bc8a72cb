package io.fanshelf.api.crash;

import static org.awaitility.Awaitility.await;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.FanShelfApplication;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole service as a separate JVM (the test's own classpath, so the beauty-home fixture is on
 * it), on a free port and a given data directory with the embedded Lucene store: demo mode imports
 * the fixture on the first start and keeps the admin key in {@code <data>/api/demo-admin-key};
 * later starts run without it. Killed with SIGKILL ({@link #kill}), started again on the same
 * directory by a new instance. Not thread-safe; the caller kills or stops it.
 */
final class ServerProcess implements AutoCloseable {
  // Generous: on a machine shared with other builds a start has taken over two minutes.
  private static final Duration READY_WITHIN = Duration.ofMinutes(10);

  private final Process process;
  private final Path log;
  final String base;

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.base = "http://127.0.0.1:" + port;
  }

  /**
   * Starts the service on {@code data} and waits until it is ready (readiness 200).
   *
   * @param extra more properties as {@code key=value}
   */
  static ServerProcess start(Path data, Path log, HttpClient http, String... extra)
      throws IOException, InterruptedException {
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                // A short-lived JVM: the C1 compiler and one GC thread start it sooner on 2 cores.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                FanShelfApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--fanshelf.data-dir=" + data,
                // Demo mode on the first start only (it imports the fixture, makes the accounts
                // and the admin key); later starts skip its warm-up, as a production start does.
                "--fanshelf.demo=" + !Files.exists(data),
                "--fanshelf.demo-data=classpath:fixtures/beauty-home/",
                "--fanshelf.demo-password=" + ApiTestBase.PASSWORD,
                "--fanshelf.auth.bcrypt-strength=4",
                // No background training: the test measures durability, not models.
                "--fanshelf.models.validate-on-start=false",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
    for (String property : extra) {
      command.add("--" + property);
    }
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    ServerProcess server = new ServerProcess(process, log, port);
    server.awaitReady(http);
    return server;
  }

  private void awaitReady(HttpClient http) throws IOException, InterruptedException {
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      await()
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "the server exited with "
                          + process.exitValue()
                          + " before it was ready; see "
                          + log);
                }
                try {
                  return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode()
                      == 200;
                } catch (ConnectException e) {
                  return false; // not listening yet
                }
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "the server was not ready within " + READY_WITHIN + "; see " + log, e);
    }
  }

  /** The demo's admin API key, as the server keeps it in the data directory. */
  static String adminKey(Path data) throws IOException {
    return Files.readString(data.resolve("api").resolve("demo-admin-key"), StandardCharsets.UTF_8)
        .strip();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no flush, no close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server survived SIGKILL");
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
