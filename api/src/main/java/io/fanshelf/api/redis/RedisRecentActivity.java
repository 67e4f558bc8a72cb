package io.fanshelf.api.redis;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.activity.RecentActivity;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent activity in Redis: one string per fan ({@code <prefix>a:<fan>}) holding up to {@code
 * capacity} packed entries, newest first, each {@code [type letter][epoch second, 4 bytes][id
 * length][id UTF-8]}, about 14 bytes for an 8-character product id, so that a million fans fit in
 * well under 200 MiB (docs/benchmarks.md). A Lua script merges new entries atomically, with the
 * same rules as {@link io.fanshelf.recommender.activity.InMemoryRecentActivity} (one entry per
 * product and type, newest first), so nodes writing the same fan at once don't lose each other's
 * entries. No expiry: a fan's state is bounded, and an expiry would cost more memory per fan than
 * the entries.
 *
 * <p>While Redis is unreachable nothing is remembered here and reads are empty; ranking still has
 * the store's history. Products whose id is longer than 255 UTF-8 bytes are not kept. Thread-safe.
 */
public final class RedisRecentActivity implements RecentActivity {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRecentActivity.class);

  private static final LuaScript MERGE =
      new LuaScript(
          """
          local function entries(s, out)
            local i = 1
            while i <= #s do
              local n = string.byte(s, i + 5)
              local t = ((string.byte(s, i + 1) * 256 + string.byte(s, i + 2)) * 256
                + string.byte(s, i + 3)) * 256 + string.byte(s, i + 4)
              out[#out + 1] = {e = string.sub(s, i, i + 5 + n), t = t,
                k = string.sub(s, i, i) .. string.sub(s, i + 6, i + 5 + n)}
              i = i + 6 + n
            end
            return out
          end
          local list = entries(redis.call('GET', KEYS[1]) or '', {})
          local cap = tonumber(ARGV[2])
          for _, a in ipairs(entries(ARGV[1], {})) do
            local skip = false
            for j = 1, #list do
              if list[j].k == a.k then
                if a.t <= list[j].t then skip = true else table.remove(list, j) end
                break
              end
            end
            if not skip then
              local at = #list + 1
              for j = 1, #list do
                if list[j].t <= a.t then at = j break end
              end
              table.insert(list, at, a)
              while #list > cap do table.remove(list) end
            end
          end
          local parts = {}
          for j = 1, #list do parts[j] = list[j].e end
          redis.call('SET', KEYS[1], table.concat(parts))
          return #list
          """);

  private final RedisLink redis;
  private final int capacity;
  private final byte[] capacityArg;

  public RedisRecentActivity(RedisLink redis, int capacity) {
    if (capacity < 1 || capacity > 100) {
      throw new IllegalArgumentException("capacity must be between 1 and 100, got " + capacity);
    }
    this.redis = redis;
    this.capacity = capacity;
    this.capacityArg = Integer.toString(capacity).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void record(List<Event> events) {
    Map<FanId, ByteArrayOutputStream> byFan = new LinkedHashMap<>();
    for (Event event : events) {
      if (KEPT.contains(event.type())) {
        byte[] id = event.product().value().getBytes(StandardCharsets.UTF_8);
        if (id.length <= 255) {
          encode(byFan.computeIfAbsent(event.fan(), fan -> new ByteArrayOutputStream()), event, id);
        }
      }
    }
    if (byFan.isEmpty()) {
      return;
    }
    redis.callBinaryAsync(
        async -> {
          // One script per fan, pipelined: the connection sends them without waiting in between.
          MERGE.pipelined(async, commands -> mergeAll(commands, byFan));
          return Boolean.TRUE;
        });
  }

  private void mergeAll(
      RedisAsyncCommands<String, byte[]> async, Map<FanId, ByteArrayOutputStream> byFan) {
    List<RedisFuture<Long>> pending = new ArrayList<>(byFan.size());
    for (Map.Entry<FanId, ByteArrayOutputStream> entry : byFan.entrySet()) {
      pending.add(
          MERGE.runAsync(
              async,
              ScriptOutputType.INTEGER,
              new String[] {key(entry.getKey())},
              new byte[][] {entry.getValue().toByteArray(), capacityArg}));
    }
    long deadline = System.nanoTime() + redis.timeout().toNanos() * 4;
    for (RedisFuture<Long> future : pending) {
      try {
        future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      } catch (TimeoutException e) {
        throw new io.lettuce.core.RedisCommandTimeoutException(
            "recent activity not written in time");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing recent activity", e);
      }
    }
  }

  @Override
  public List<Activity> recent(FanId fan) {
    return redis
        .callBinary(commands -> commands.get(key(fan)))
        .map(RedisRecentActivity::decode)
        .orElse(List.of());
  }

  @Override
  public int capacity() {
    return capacity;
  }

  private String key(FanId fan) {
    return redis.key("a:" + fan.value());
  }

  private static void encode(ByteArrayOutputStream out, Event event, byte[] id) {
    long second = event.time().getEpochSecond();
    out.write(code(event.type()));
    out.write((int) (second >>> 24));
    out.write((int) (second >>> 16));
    out.write((int) (second >>> 8));
    out.write((int) second);
    out.write(id.length);
    out.writeBytes(id);
  }

  // Part of the stored format: a code must never change meaning.
  private static int code(EventType type) {
    return switch (type) {
      case VIEW -> 'v';
      case CLICK -> 'c';
      case CART -> 'a';
      case PURCHASE -> 'p';
      default -> throw new IllegalArgumentException(type + " is not recent activity");
    };
  }

  private static EventType type(byte code) {
    return switch (code) {
      case 'v' -> EventType.VIEW;
      case 'c' -> EventType.CLICK;
      case 'a' -> EventType.CART;
      case 'p' -> EventType.PURCHASE;
      default -> null;
    };
  }

  static List<Activity> decode(byte[] packed) {
    List<Activity> list = new ArrayList<>();
    int i = 0;
    while (i + 6 <= packed.length) {
      EventType type = type(packed[i]);
      long second =
          ((long) (packed[i + 1] & 0xff) << 24)
              | ((packed[i + 2] & 0xff) << 16)
              | ((packed[i + 3] & 0xff) << 8)
              | (packed[i + 4] & 0xff);
      int length = packed[i + 5] & 0xff;
      if (type == null || i + 6 + length > packed.length) {
        LOG.warn("recent activity entry at byte {} is damaged; ignoring the rest", i);
        break;
      }
      String id = new String(packed, i + 6, length, StandardCharsets.UTF_8);
      list.add(new Activity(ProductId.of(id), type, Instant.ofEpochSecond(second)));
      i += 6 + length;
    }
    return list;
  }
}
