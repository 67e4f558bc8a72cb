package io.fanshelf.api.redis;

import io.fanshelf.api.event.EventsImported;
import io.fanshelf.api.event.EventsStored;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventReader;
import io.fanshelf.recommender.activity.StoredHistory;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.event.EventListener;

/**
 * The fans' stored history read from Redis first: per fan a copy of what the store's {@link
 * EventReader#recent} gives for {@code historyLimit}, all event types, with ids and values, so that
 * ranking reads the same history from either. A key exists only once it is complete: it is filled
 * from the store on a miss and then kept by every stored event ({@link EventsStored}); a fan whose
 * events were imported in bulk simply misses once.
 *
 * <p>Keys: {@code <prefix>h:gen} (a generation), {@code <prefix>h:<gen>:<limit>:<fan>} (a list: an
 * empty header, then the entries newest first; expires {@code ttl} after its fill) and, while a
 * miss is being filled, {@code <prefix>hp:<gen>:<limit>:<fan>} (a list collecting the events stored
 * meanwhile, so that none is lost between the store read and the fill; expires after {@link
 * #PENDING_TTL}: a fill that finds it gone does not fill). A bulk import, and this node's recovery
 * after Redis was unreachable (stored events it could not add), bump the generation: every copy is
 * forgotten at once, and a fill begun before is dropped. Lua scripts keep each step atomic, so
 * nodes storing and reading the same fan at once agree; entries are deduplicated by event id (with
 * per-node Lucene stores every node stores every event).
 *
 * <p>Reads count {@code fanshelf.history.reads} with {@code source=redis} (a hit) or {@code
 * source=store} (a miss, Redis unreachable, or another limit). Thread-safe.
 */
public final class RedisHistory implements StoredHistory {
  /** How long a miss may take to read the store and fill; a slower fill is dropped. */
  static final Duration PENDING_TTL = Duration.ofSeconds(30);

  /** Orders, compares and deduplicates entries without reading more than time and id. */
  private static final String ENTRIES =
      """
      local function idOf(e)
        local n = string.byte(e, 9) * 256 + string.byte(e, 10)
        return string.sub(e, 11, 10 + n)
      end
      -- byte order: Redis sets LC_COLLATE from its environment, so '<' on strings may not be
      local function less(x, y)
        for i = 1, math.min(#x, #y) do
          local a, b = string.byte(x, i), string.byte(y, i)
          if a ~= b then return a < b end
        end
        return #x < #y
      end
      -- newest first (millisecond, sortable bytes), then by id, as EventReader.recent orders
      local function before(a, b)
        local ta, tb = string.sub(a, 1, 8), string.sub(b, 1, 8)
        if ta ~= tb then return less(tb, ta) end
        return less(idOf(a), idOf(b))
      end
      local function insert(list, e, limit)
        local at = #list + 1
        for j = 1, #list do
          if string.sub(list[j], 1, 8) == string.sub(e, 1, 8) and idOf(list[j]) == idOf(e) then
            return
          end
          if before(e, list[j]) then at = j break end
        end
        if at > limit then return end
        table.insert(list, at, e)
        if #list > limit then table.remove(list) end
      end
      local function rewrite(h, list, ttl)
        redis.call('DEL', h)
        redis.call('RPUSH', h, '')
        for i = 1, #list, 1000 do
          redis.call('RPUSH', h, unpack(list, i, math.min(i + 999, #list)))
        end
        if ttl > 0 then redis.call('PEXPIRE', h, ttl) end
      end
      """;

  /** The copy, or (on a miss) the pending list started: {gen, entries} or {gen}. */
  private static final LuaScript READ =
      new LuaScript(
          """
          local g = redis.call('GET', KEYS[1]) or '0'
          local h = redis.call('LRANGE', ARGV[1] .. g .. ARGV[2], 0, -1)
          if #h > 0 then return {g, h} end
          local p = ARGV[3] .. g .. ARGV[2]
          if redis.call('EXISTS', p) == 0 then
            redis.call('RPUSH', p, '')
            redis.call('PEXPIRE', p, ARGV[4])
          end
          return {g}
          """);

  /** Fills a miss from the store's answer and the events stored meanwhile; 1 when filled. */
  private static final LuaScript FILL =
      new LuaScript(
          ENTRIES
              + """
              local g = redis.call('GET', KEYS[1]) or '0'
              if g ~= ARGV[4] then return 0 end
              local h = ARGV[1] .. g .. ARGV[2]
              local p = ARGV[3] .. g .. ARGV[2]
              if redis.call('EXISTS', h) == 1 or redis.call('EXISTS', p) == 0 then return 0 end
              local limit = tonumber(ARGV[5])
              local list = {}
              for i = 7, #ARGV do list[#list + 1] = ARGV[i] end
              for _, e in ipairs(redis.call('LRANGE', p, 1, -1)) do insert(list, e, limit) end
              redis.call('DEL', p)
              rewrite(h, list, tonumber(ARGV[6]))
              return 1
              """);

  /** Adds one fan's stored events to the copy, or to the pending list of a fill under way. */
  private static final LuaScript PUSH =
      new LuaScript(
          ENTRIES
              + """
              local g = redis.call('GET', KEYS[1]) or '0'
              local h = ARGV[1] .. g .. ARGV[2]
              local limit = tonumber(ARGV[4])
              if redis.call('EXISTS', h) == 1 then
                for i = 5, #ARGV do
                  local e = ARGV[i]
                  local newest = redis.call('LINDEX', h, 1)
                  if not newest or before(e, newest) then
                    redis.call('LSET', h, 0, e)
                    redis.call('LPUSH', h, '')
                    redis.call('LTRIM', h, 0, limit)
                  else
                    local list = redis.call('LRANGE', h, 1, -1)
                    insert(list, e, limit)
                    rewrite(h, list, redis.call('PTTL', h))
                  end
                end
                return 1
              end
              local p = ARGV[3] .. g .. ARGV[2]
              if redis.call('EXISTS', p) == 1 then
                for i = 5, #ARGV do redis.call('RPUSH', p, ARGV[i]) end
                return 2
              end
              return 0
              """);

  private final RedisLink redis;
  private final EventReader store;
  private final int historyLimit;
  private final String generationKey;
  private final byte[] historyPrefix;
  private final byte[] pendingPrefix;
  private final byte[] limitArg;
  private final byte[] ttlArg;
  private final byte[] pendingTtlArg;
  private final Counter fromRedis;
  private final Counter fromStore;

  /**
   * @param store the store the copies mirror
   * @param historyLimit the recommender's {@code historyLimit}: reads of another limit go to the
   *     store
   * @param ttl how long a copy lives after its fill: events that reached the store past every node
   *     (an import by the command line) show after at most this long
   */
  public RedisHistory(
      RedisLink redis, EventReader store, int historyLimit, Duration ttl, MeterRegistry registry) {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("historyLimit must be >= 1, got " + historyLimit);
    }
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("ttl must be at least 1 ms, got " + ttl);
    }
    this.redis = redis;
    this.store = store;
    this.historyLimit = historyLimit;
    this.generationKey = redis.key("h:gen");
    this.historyPrefix = ascii(redis.key("h:"));
    this.pendingPrefix = ascii(redis.key("hp:"));
    this.limitArg = ascii(Integer.toString(historyLimit));
    this.ttlArg = ascii(Long.toString(ttl.toMillis()));
    this.pendingTtlArg = ascii(Long.toString(PENDING_TTL.toMillis()));
    this.fromRedis = counter(registry, "redis");
    this.fromStore = counter(registry, "store");
    // stored events this node could not add while Redis was away: no copy may be trusted
    redis.onRecovered(commands -> commands.incr(generationKey));
  }

  /** The counter of reads from {@code source} (redis or store). */
  public static Counter counter(MeterRegistry registry, String source) {
    return Counter.builder("fanshelf.history.reads")
        .description("stored-history reads of a recommendation, by where they were answered")
        .tag("source", source)
        .register(registry);
  }

  @Override
  public List<Event> recent(FanId fan, int limit) throws IOException {
    if (limit != historyLimit) {
      fromStore.increment();
      return store.recent(fan, limit);
    }
    byte[] suffix = suffix(fan);
    Optional<List<Object>> read =
        redis.callBinary(
            commands ->
                READ.run(
                    commands,
                    ScriptOutputType.MULTI,
                    new String[] {generationKey},
                    new byte[][] {historyPrefix, suffix, pendingPrefix, pendingTtlArg}));
    if (read.isPresent() && read.get().size() == 2) {
      fromRedis.increment();
      return decode(fan, (List<?>) read.get().get(1));
    }
    fromStore.increment();
    List<Event> stored = store.recent(fan, limit);
    read.ifPresent(miss -> fill(suffix, (byte[]) miss.getFirst(), stored));
    return stored;
  }

  private void fill(byte[] suffix, byte[] generation, List<Event> stored) {
    byte[][] args = new byte[6 + stored.size()][];
    args[0] = historyPrefix;
    args[1] = suffix;
    args[2] = pendingPrefix;
    args[3] = generation;
    args[4] = limitArg;
    args[5] = ttlArg;
    for (int i = 0; i < stored.size(); i++) {
      args[6 + i] = HistoryEntry.encode(stored.get(i));
    }
    redis.callBinary(
        commands ->
            FILL.run(commands, ScriptOutputType.INTEGER, new String[] {generationKey}, args));
  }

  /** Adds newly stored events to the copies (or to fills under way); pipelined, one per fan. */
  @EventListener
  public void onStored(EventsStored stored) {
    Map<FanId, List<byte[]>> byFan = new LinkedHashMap<>();
    for (Event event : stored.events()) {
      byFan.computeIfAbsent(event.fan(), fan -> new ArrayList<>()).add(HistoryEntry.encode(event));
    }
    if (byFan.isEmpty()) {
      return;
    }
    redis.callBinaryAsync(
        async -> {
          PUSH.pipelined(async, commands -> pushAll(commands, byFan));
          return Boolean.TRUE;
        });
  }

  /** Forgets every copy: the store gained events no {@link EventsStored} told of. */
  @EventListener
  public void onImported(EventsImported imported) {
    redis.call(commands -> commands.incr(generationKey));
  }

  private void pushAll(RedisAsyncCommands<String, byte[]> async, Map<FanId, List<byte[]>> byFan) {
    List<RedisFuture<Long>> pending = new ArrayList<>(byFan.size());
    for (Map.Entry<FanId, List<byte[]>> entry : byFan.entrySet()) {
      byte[][] args = new byte[4 + entry.getValue().size()][];
      args[0] = historyPrefix;
      args[1] = suffix(entry.getKey());
      args[2] = pendingPrefix;
      args[3] = limitArg;
      for (int i = 0; i < entry.getValue().size(); i++) {
        args[4 + i] = entry.getValue().get(i);
      }
      pending.add(
          PUSH.runAsync(async, ScriptOutputType.INTEGER, new String[] {generationKey}, args));
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
        throw new io.lettuce.core.RedisCommandTimeoutException("history not written in time");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing history", e);
      }
    }
  }

  private byte[] suffix(FanId fan) {
    return (":" + historyLimit + ":" + fan.value()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The entries after the header. */
  private static List<Event> decode(FanId fan, List<?> list) {
    List<Event> events = new ArrayList<>(list.size() - 1);
    for (int i = 1; i < list.size(); i++) {
      events.add(HistoryEntry.decode(fan, (byte[]) list.get(i)));
    }
    return events;
  }
}
