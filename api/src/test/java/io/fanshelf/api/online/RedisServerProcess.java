package io.fanshelf.api.online;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A {@code redis-server} of the test's own, on a free port, with the persistence docs/operations.md
 * asks for (append-only file, {@code appendfsync always}) in a directory under target: killed with
 * SIGKILL and started again on the same files. Not thread-safe; the test closes it.
 */
final class RedisServerProcess implements AutoCloseable {
  private final Path dir =
      Path.of("target", "test-data", "redis-" + UUID.randomUUID()).toAbsolutePath();
  private final int port;
  private Process process;

  private RedisServerProcess(int port) {
    this.port = port;
  }

  /** Started and answering PING. */
  static RedisServerProcess start() throws IOException {
    return start(freePort());
  }

  /** Started on {@code port} and answering PING. */
  static RedisServerProcess start(int port) throws IOException {
    RedisServerProcess redis = new RedisServerProcess(port);
    redis.restart();
    return redis;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown, no final write of the append-only file. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts the server on the same port and files, and waits until it answers. */
  void restart() throws IOException {
    Files.createDirectories(dir);
    process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .failFast(
            "redis-server exited on port " + port + "; see " + dir.resolve("redis.log"),
            () -> !process.isAlive())
        .until(this::answersPing);
  }

  private boolean answersPing() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
