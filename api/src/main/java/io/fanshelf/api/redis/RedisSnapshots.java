package io.fanshelf.api.redis;

import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest shared snapshot of a feed of a deployment, in Redis beside the feed ({@code
 * <prefix><stream>}) whose position it includes: the snapshot file's bytes in chunks {@code
 * <prefix><stream>:snapshot:<id>:<n>} (2 MB each: no command carries more than a chunk), and one
 * hash {@code <prefix><stream>:snapshot} naming the chunks, the feed position, the store it was
 * counted from and who wrote it. A write stores all chunks first, then replaces the hash in one
 * command, so a reader sees the old snapshot or the new one, never a mixture; the replaced chunks
 * expire after {@link #REPLACED_TTL}, which a reader that began with them has to finish. A read
 * refuses a snapshot of another store, one past the feed's end, and one whose tail the feed no
 * longer holds; the checks of the file itself (format version, settings, CRC32C) are its reader's.
 * Used for the aggregates ({@link SharedAggregates}, stream {@code aggregates}) and the owner
 * statistics ({@link RedisStatsFeed}, stream {@code stats}). Thread-safe.
 */
public final class RedisSnapshots {
  static final Duration REPLACED_TTL = Duration.ofMinutes(10);
  private static final int CHUNK = 2 << 20;

  /**
   * What the hash says of the snapshot.
   *
   * @param id names its chunks
   * @param position the feed entry id it includes: every entry up to it, none after
   * @param store the store it was counted from ({@code StoreBackend.describe()})
   * @param node the node that wrote it
   * @param created when it was written
   * @param bytes the file's length
   * @param chunks how many chunks hold it
   */
  public record Meta(
      String id,
      String position,
      String store,
      String node,
      Instant created,
      long bytes,
      int chunks) {}

  private final RedisLink redis;
  private final String stream;
  private final String key;

  /**
   * @param stream the feed's stream name without the key prefix ({@code aggregates}, {@code stats})
   */
  public RedisSnapshots(RedisLink redis, String stream) {
    this.redis = redis;
    this.stream = redis.key(stream);
    this.key = redis.key(key(stream));
  }

  /** The hash's key without the key prefix, for the feed {@code stream}. */
  static String key(String stream) {
    return stream + ":snapshot";
  }

  /**
   * Takes the writer's turn for {@code every}: true for one node per period, whichever asks first.
   */
  public boolean turn(String node, Duration every) {
    return redis
        .call(c -> c.set(key + ":lock", node, SetArgs.Builder.nx().px(every.toMillis())))
        .isPresent();
  }

  /** Stores {@code file} as the newest snapshot; false (nothing replaced) when Redis failed. */
  public boolean write(Path file, String position, String store, String node) throws IOException {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    long bytes = Files.size(file);
    int chunks = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
        String chunkKey = key + ":" + id + ":" + chunks++;
        byte[] value = chunk;
        if (redis.callBinary(c -> c.set(chunkKey, value)).isEmpty()) {
          expireChunks(id, chunks);
          return false;
        }
      }
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("id", id);
    meta.put("position", position);
    meta.put("store", store);
    meta.put("node", node);
    meta.put("created", Instant.now().toString());
    meta.put("bytes", Long.toString(bytes));
    meta.put("chunks", Integer.toString(chunks));
    Optional<Map<String, String>> replaced = redis.call(c -> c.hgetall(key));
    if (redis.call(c -> c.hset(key, meta)).isEmpty()) {
      expireChunks(id, chunks);
      return false;
    }
    replaced
        .filter(old -> old.containsKey("id"))
        .ifPresent(old -> expireChunks(old.get("id"), Integer.parseInt(old.get("chunks"))));
    return true;
  }

  private void expireChunks(String id, int chunks) {
    for (int n = 0; n < chunks; n++) {
      String chunkKey = key + ":" + id + ":" + n;
      redis.call(c -> c.pexpire(chunkKey, REPLACED_TTL.toMillis()));
    }
  }

  /**
   * Copies the newest snapshot into {@code into}; empty when there is none.
   *
   * @param store this node's store ({@code StoreBackend.describe()})
   * @param feedEnd the feed's last entry id, noted before
   * @throws SnapshotRefusedException when Redis is away, it was replaced or cut short while read,
   *     counted from another store, past the feed's end, or the feed was trimmed past it
   */
  public Optional<Meta> read(Path into, String store, String feedEnd) throws IOException {
    Map<String, String> fields =
        redis
            .call(c -> c.hgetall(key))
            .orElseThrow(() -> new SnapshotRefusedException("Redis is unreachable"));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Meta meta;
    try {
      meta =
          new Meta(
              fields.get("id"),
              fields.get("position"),
              fields.get("store"),
              fields.get("node"),
              Instant.parse(fields.get("created")),
              Long.parseLong(fields.get("bytes")),
              Integer.parseInt(fields.get("chunks")));
    } catch (RuntimeException e) {
      throw new SnapshotRefusedException("unreadable description " + fields, e);
    }
    check(meta, store, feedEnd);
    try (OutputStream out = Files.newOutputStream(into)) {
      for (int n = 0; n < meta.chunks(); n++) {
        String chunkKey = key + ":" + meta.id() + ":" + n;
        Optional<byte[]> chunk = redis.callBinary(c -> c.get(chunkKey));
        if (chunk.isEmpty()) {
          throw new SnapshotRefusedException(
              "chunk " + n + " of " + meta.chunks() + " is missing (replaced, or Redis away)");
        }
        out.write(chunk.get());
      }
    }
    if (Files.size(into) != meta.bytes()) {
      throw new SnapshotRefusedException(
          "truncated: " + Files.size(into) + " bytes of " + meta.bytes());
    }
    return Optional.of(meta);
  }

  private void check(Meta meta, String store, String feedEnd) throws SnapshotRefusedException {
    if (!meta.store().equals(store)) {
      throw new SnapshotRefusedException(
          "counted from another store, " + meta.store() + "; this node's is " + store);
    }
    if (RedisStreams.compare(meta.position(), feedEnd) > 0) {
      throw new SnapshotRefusedException(
          "its feed position "
              + meta.position()
              + " is past the feed's end "
              + feedEnd
              + " (another Redis, or the feed was deleted)");
    }
    boolean whole =
        RedisStreams.holdsAllAfter(redis, stream, meta.position())
            .orElseThrow(() -> new SnapshotRefusedException("Redis is unreachable"));
    if (!whole) {
      throw new SnapshotRefusedException(
          "the feed was trimmed past its position "
              + meta.position()
              + " (it is older than fanshelf.redis.stream-retention)");
    }
  }
}
