package io.fanshelf.api.redis;

import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.console.PendingSheets;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.model.OwnerId;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Pending sheets shared by every API node: one Redis string per sheet, {@code <prefix>sheet:<owner
 * fingerprint>:<id>} = file name, a newline, the file's bytes, expiring after {@link #KEEP}. Taking
 * it is one {@code GETDEL}, so a sheet is applied once even when two nodes get the same apply.
 * Redis keeps it only as far as it persists anything: a Redis restart without persistence loses the
 * previews waiting, and the owner uploads the sheet again (it was never applied). Sheets over
 * {@link #MAX_BYTES} are refused at the preview. Thread-safe.
 */
public final class RedisPendingSheets implements PendingSheets {
  /** Redis holds whole values in memory: a sheet of 10,000 fans is well under 1 MB. */
  public static final long MAX_BYTES = 32L << 20;

  private final RedisLink redis;

  public RedisPendingSheets(RedisLink redis) {
    this.redis = redis;
  }

  private String key(OwnerId owner, String id) {
    return redis.key("sheet:" + Tokens.fingerprint(owner.value()) + ":" + id);
  }

  @Override
  public String keep(OwnerId owner, Uploads sheet) throws IOException {
    try (sheet) {
      long size = Files.size(sheet.file());
      if (size > MAX_BYTES) {
        throw ApiException.badRequest(
            "file",
            "the sheet is "
                + size
                + " bytes; the console previews sheets of at most "
                + MAX_BYTES
                + " bytes: split it, or send it to POST /api/v1/owner/labels/import");
      }
      byte[] name = sheet.file().getFileName().toString().getBytes(StandardCharsets.UTF_8);
      byte[] content = Files.readAllBytes(sheet.file());
      byte[] value = new byte[name.length + 1 + content.length];
      System.arraycopy(name, 0, value, 0, name.length);
      value[name.length] = '\n';
      System.arraycopy(content, 0, value, name.length + 1, content.length);
      String id = Tokens.id("");
      redis
          .callBinary(c -> c.set(key(owner, id), value, SetArgs.Builder.px(KEEP.toMillis())))
          .orElseThrow(RedisPendingSheets::unavailable);
      return id;
    }
  }

  @Override
  public Optional<Uploads> take(OwnerId owner, String id) throws IOException {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return Optional.empty();
    }
    Optional<byte[]> value = Optional.ofNullable(getDel(key(owner, id)));
    if (value.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = value.get();
    int newline = 0;
    while (newline < bytes.length && bytes[newline] != '\n') {
      newline++;
    }
    String name = new String(bytes, 0, newline, StandardCharsets.UTF_8);
    return Optional.of(
        Uploads.restore(
            name, Arrays.copyOfRange(bytes, Math.min(bytes.length, newline + 1), bytes.length)));
  }

  private byte[] getDel(String key) {
    // call() is empty both for "no such key" and "Redis away": tell them apart.
    if (!redis.reachable()) {
      throw unavailable();
    }
    Optional<byte[]> value = redis.callBinary(c -> c.getdel(key));
    if (value.isEmpty() && !redis.reachable()) {
      throw unavailable();
    }
    return value.orElse(null);
  }

  private static ApiException unavailable() {
    return ApiException.serviceUnavailable(
        "Redis, where previewed sheets wait for apply, is unreachable; try again shortly",
        Duration.ofSeconds(1));
  }

  @Override
  public void close() {
    // Nothing held by this node.
  }
}
