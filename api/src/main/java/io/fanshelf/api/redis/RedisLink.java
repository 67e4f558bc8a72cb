package io.fanshelf.api.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connection to Redis and what it knows of its health. Every user goes through {@link
 * #call}: while Redis is marked unreachable the call does not wait for a timeout but falls back at
 * once, and a background check (thread {@code fanshelf-redis-check}, every second) marks it
 * reachable again when it answers, then tells the {@linkplain #onRecovered listeners} (the shelf
 * cache drops what it may have missed meanwhile).
 *
 * <p>Commands fail fast while disconnected (no queueing) and time out after {@code timeout}. Two
 * connections: strings, and string keys with binary values. Blocking reads (the event stream) open
 * their own with {@link #openBlocking}. Thread-safe.
 */
public final class RedisLink implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

  private final RedisClient client;
  private final String prefix;
  private final Duration timeout;
  private final ScheduledExecutorService checker;
  private final List<Consumer<RedisCommands<String, String>>> recoveryListeners =
      new CopyOnWriteArrayList<>();
  private volatile StatefulRedisConnection<String, String> strings;
  private volatile StatefulRedisConnection<String, byte[]> bytes;
  private volatile boolean reachable;
  private boolean everReachable;
  private volatile Instant since = Instant.now();
  private volatile String lastError = "not connected yet";

  /** Connects (or keeps trying in the background when Redis is not there yet). */
  public RedisLink(String url, String prefix, Duration timeout) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(timeout);
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            // Each connection's own timeout: the URI's for commands, a longer one for blocking
            // reads (openBlocking); a fixed timeout here would cut every blocking read short.
            .timeoutOptions(TimeoutOptions.enabled())
            .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(4)).build())
            .build());
    this.prefix = prefix;
    this.timeout = timeout;
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fanshelf-redis-check");
              thread.setDaemon(true);
              return thread;
            });
    check();
    checker.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  /** The key for {@code name}, with the deployment's prefix. */
  public String key(String name) {
    return prefix + name;
  }

  public boolean reachable() {
    return reachable;
  }

  /** Since when the current state (reachable or not) holds. */
  public Instant since() {
    return since;
  }

  /** Why Redis was last found unreachable. */
  public String lastError() {
    return lastError;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Runs when Redis answers again after this node found it unreachable (not at the first
   * connection), before any other use: for repairing what the node could not write meanwhile.
   */
  public void onRecovered(Consumer<RedisCommands<String, String>> listener) {
    recoveryListeners.add(listener);
  }

  /**
   * Runs {@code command} on the string connection; empty when Redis is unreachable or the command
   * failed (which marks it unreachable until the background check succeeds).
   */
  public <T> Optional<T> call(Function<RedisCommands<String, String>, T> command) {
    return run(strings, StatefulRedisConnection::sync, command);
  }

  /** As {@link #call}, with binary values. */
  public <T> Optional<T> callBinary(Function<RedisCommands<String, byte[]>, T> command) {
    return run(bytes, StatefulRedisConnection::sync, command);
  }

  /** As {@link #callBinary}, with the asynchronous API of the same connection (pipelining). */
  public <T> Optional<T> callBinaryAsync(Function<RedisAsyncCommands<String, byte[]>, T> command) {
    return run(bytes, StatefulRedisConnection::async, command);
  }

  /** As {@link #call}, with the asynchronous API of the same connection (pipelining). */
  public <T> Optional<T> callAsync(Function<RedisAsyncCommands<String, String>, T> command) {
    return run(strings, StatefulRedisConnection::async, command);
  }

  /**
   * What every call does: nothing while Redis is unreachable (or not yet connected), else the
   * command on {@code connection}'s {@code api}, a failure marking Redis unreachable.
   */
  private <V, A, T> Optional<T> run(
      StatefulRedisConnection<String, V> connection,
      Function<StatefulRedisConnection<String, V>, A> api,
      Function<A, T> command) {
    if (!reachable || connection == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(command.apply(api.apply(connection)));
    } catch (RuntimeException e) {
      markUnreachable(e);
      return Optional.empty();
    }
  }

  /**
   * A separate connection for blocking commands that wait up to {@code longestBlock}: its commands
   * time out that much later than the others. Caller closes.
   */
  public StatefulRedisConnection<String, String> openBlocking(Duration longestBlock) {
    StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
    connection.setTimeout(longestBlock.plus(timeout));
    return connection;
  }

  /** Records a failure seen by a user of the connection. */
  public void markUnreachable(Exception e) {
    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (reachable) {
      reachable = false;
      since = Instant.now();
      LOG.warn("Redis unreachable, serving without it until it answers: {}", lastError);
    }
  }

  private void check() {
    try {
      if (strings == null) {
        strings = client.connect(StringCodec.UTF8);
      }
      if (bytes == null) {
        bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      }
      strings.sync().ping();
      if (!reachable) {
        // Repairs run before the node uses Redis again, so nothing reads a stale entry first.
        if (everReachable) {
          recoveryListeners.forEach(listener -> listener.accept(strings.sync()));
        }
        everReachable = true;
        reachable = true;
        since = Instant.now();
        LOG.info("Redis reachable");
      }
    } catch (RuntimeException e) {
      markUnreachable(e);
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
    if (strings != null) {
      strings.close();
    }
    if (bytes != null) {
      bytes.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
