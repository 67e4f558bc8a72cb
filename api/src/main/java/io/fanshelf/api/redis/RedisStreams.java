package io.fanshelf.api.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.Optional;

/**
 * What the feeds that shared snapshots are taken at ({@code <prefix>aggregates}, {@code
 * <prefix>stats}) ask of their Redis stream: its end, whether it still holds a tail, and the order
 * of entry ids. Stateless.
 */
final class RedisStreams {
  private RedisStreams() {}

  /** The id of the stream's last entry ("0-0" when empty); empty while Redis is away. */
  static Optional<String> end(RedisLink redis, String stream) {
    return redis
        .call(c -> c.xrevrange(stream, Range.create("-", "+"), Limit.from(1)))
        .map(last -> last.isEmpty() ? "0-0" : last.getFirst().getId());
  }

  /**
   * Whether the stream still holds every entry after {@code position}; empty while Redis is away.
   * Trimming removes the oldest entries: the tail is whole when nothing was ever removed, or when
   * the oldest entry left is at or before {@code position}. (When {@code position}'s own entry was
   * trimmed but none after it, this says false: a needless full count, never a lost entry.)
   */
  static Optional<Boolean> holdsAllAfter(RedisLink redis, String stream, String position) {
    return redis.call(
        c -> {
          if (c.exists(stream) == 0) {
            return true;
          }
          List<Object> info = c.xinfoStream(stream);
          if (Long.parseLong(field(info, "length"))
              == Long.parseLong(field(info, "entries-added"))) {
            return true;
          }
          List<StreamMessage<String, String>> first =
              c.xrange(stream, Range.create("-", "+"), Limit.from(1));
          return first.isEmpty() || compare(first.getFirst().getId(), position) <= 0;
        });
  }

  private static String field(List<Object> info, String name) {
    for (int i = 0; i + 1 < info.size(); i += 2) {
      if (name.equals(String.valueOf(info.get(i)))) {
        return String.valueOf(info.get(i + 1));
      }
    }
    throw new IllegalStateException("XINFO STREAM has no " + name + " (Redis 7 or later needed)");
  }

  /** Orders two stream entry ids ({@code <millis>-<sequence>}). */
  static int compare(String a, String b) {
    int dashA = a.indexOf('-');
    int dashB = b.indexOf('-');
    int byTime =
        Long.compare(Long.parseLong(a.substring(0, dashA)), Long.parseLong(b.substring(0, dashB)));
    return byTime != 0
        ? byTime
        : Long.compare(
            Long.parseLong(a.substring(dashA + 1)), Long.parseLong(b.substring(dashB + 1)));
  }
}
