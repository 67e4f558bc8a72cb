package io.fanshelf.api.redis;

import io.fanshelf.api.auth.RateLimiter;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets shared by every API node: one small hash per bucket ({@code <prefix>rl:<bucket>},
 * tokens and last update), updated by one Lua script on Redis' own clock so that nodes with skewed
 * clocks agree; it expires once the bucket would be full again. While Redis is unreachable each
 * node limits on its own ({@code fallback}), so the service keeps its limits, only per node.
 * Thread-safe.
 */
public final class RedisRateLimiter implements RateLimiter {
  // Returns 0 when allowed, else the microseconds until the next token.
  private static final LuaScript TAKE =
      new LuaScript(
          """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local rate = tonumber(ARGV[1])
      local burst = tonumber(ARGV[2])
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(state[1])
      local at = tonumber(state[2])
      if tokens == nil or at == nil then
        tokens = burst
        at = now
      end
      tokens = math.min(burst, tokens + math.max(0, now - at) / 1000000 * rate)
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
      else
        wait = math.ceil((1 - tokens) / rate * 1000000)
      end
      redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', now))
      redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
      return wait
      """);

  private final RedisLink redis;
  private final RateLimiter fallback;

  public RedisRateLimiter(RedisLink redis, RateLimiter fallback) {
    this.redis = redis;
    this.fallback = fallback;
  }

  @Override
  public Optional<Duration> acquire(String bucket, Limit limit) {
    String[] keys = {redis.key("rl:" + bucket)};
    Optional<Long> waitMicros =
        redis.call(
            c ->
                TAKE.<String, String, Long>run(
                    c,
                    ScriptOutputType.INTEGER,
                    keys,
                    new String[] {
                      Double.toString(limit.perSecond()), Integer.toString(limit.burst())
                    }));
    if (waitMicros.isEmpty()) {
      return fallback.acquire(bucket, limit);
    }
    long wait = waitMicros.get();
    return wait <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait * 1_000));
  }
}
