package io.fanshelf.api.online;

import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Times the shared aggregates snapshot's trip through Redis (issue 18, item 2), not a test: an
 * aggregates snapshot file written to Redis in chunks by {@link RedisSnapshots} and read back,
 * three rounds, with Redis' used memory after them. Command and results: docs/benchmarks.md, "The
 * shared aggregates snapshot through Redis".
 *
 * <p>Arguments: snapshot file [redis URL, default redis://127.0.0.1:6379/0]. Uses its own key
 * prefix and deletes its keys at the end.
 */
public final class SharedSnapshotBench {
  private SharedSnapshotBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String url = args.length > 1 ? args[1] : RedisTestSupport.URL;
    String prefix = "fsbench-shared-snapshot:";
    RedisLink link = new RedisLink(url, prefix, Duration.ofSeconds(2));
    RedisSnapshots snapshots = new RedisSnapshots(link, "aggregates");
    try {
      for (int round = 1; round <= 3; round++) {
        long started = System.nanoTime();
        boolean written = snapshots.write(file, "1-0", "bench", "node-bench");
        long writtenAt = System.nanoTime();
        Path into = Files.createTempFile("shared-snapshot", ".fsagg");
        try {
          snapshots.read(into, "bench", "1-0");
          System.out.printf(
              "round %d: %d bytes written (%s) in %d ms, %d bytes read in %d ms%n",
              round,
              Files.size(file),
              written,
              (writtenAt - started) / 1_000_000,
              Files.size(into),
              (System.nanoTime() - writtenAt) / 1_000_000);
        } finally {
          Files.delete(into);
        }
      }
      System.out.println(
          link.call(c -> c.info("memory"))
              .orElse("")
              .lines()
              .filter(line -> line.startsWith("used_memory_human"))
              .toList());
    } finally {
      RedisTestSupport.clean(link, prefix);
    }
  }
}
