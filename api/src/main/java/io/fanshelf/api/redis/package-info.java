/**
 * The online state several API nodes share through Redis when {@code fanshelf.redis.url} is set:
 * recent activity per fan, a copy of each fan's stored history that recommendations read first
 * ({@link io.fanshelf.api.redis.RedisHistory}), the shelf cache and its invalidation, rate-limit
 * counters, the event stream to the stores (whose backlog, measured by {@link
 * io.fanshelf.api.redis.StreamBacklog}, bounds how far the API may run ahead of them), model
 * publication, and with a shared store the feeds every node counts from, each with a shared
 * snapshot beside it ({@link io.fanshelf.api.redis.RedisSnapshots}): owner statistics ({@link
 * io.fanshelf.api.redis.RedisStatsFeed}) and the aggregates ({@link
 * io.fanshelf.api.redis.SharedAggregates}). Each piece implements the same interface as its
 * in-memory twin (the embedded default; the history's is the store itself), and all of them reach
 * Redis through one {@link io.fanshelf.api.redis.RedisLink}, which lets the node keep serving on
 * its own while Redis is unreachable. Their tests run against a real Redis server.
 */
package io.fanshelf.api.redis;
