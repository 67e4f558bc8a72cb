package io.fanshelf.api.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run by its SHA-1 digest, loaded again when the server does not know it (a restarted
 * server forgets scripts). Thread-safe.
 */
final class LuaScript {
  private final String source;
  private final String sha;

  LuaScript(String source) {
    this.source = source;
    try {
      this.sha =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-1")
                      .digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  <K, V, T> T run(RedisCommands<K, V> commands, ScriptOutputType type, K[] keys, V[] values) {
    try {
      return commands.evalsha(sha, type, keys, values);
    } catch (RedisNoScriptException e) {
      commands.scriptLoad(source);
      return commands.evalsha(sha, type, keys, values);
    }
  }

  /** Sends the script without waiting; a NOSCRIPT failure shows in the future ({@link #load}). */
  <K, V, T> RedisFuture<T> runAsync(
      RedisAsyncCommands<K, V> commands, ScriptOutputType type, K[] keys, V[] values) {
    return commands.evalsha(sha, type, keys, values);
  }

  /**
   * Runs {@code batch}, calls of this script sent without waiting in between ({@link #runAsync});
   * when the server does not know the script (a restart, SCRIPT FLUSH) loads it and runs the batch
   * again.
   */
  <K, V> void pipelined(
      RedisAsyncCommands<K, V> commands,
      java.util.function.Consumer<RedisAsyncCommands<K, V>> batch) {
    try {
      batch.accept(commands);
    } catch (RedisNoScriptException e) {
      load(commands);
      batch.accept(commands);
    }
  }

  /** Loads the script, waiting for the server's answer. */
  <K, V> void load(RedisAsyncCommands<K, V> commands) {
    try {
      commands.scriptLoad(source).get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new io.lettuce.core.RedisException("could not load a script: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.lettuce.core.RedisException("interrupted while loading a script", e);
    }
  }
}
