package io.fanshelf.api.funnel;

import static io.fanshelf.api.TestEvents.event;

import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkStore;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Times the funnel on a shop shaped like the 100,000-fan bench shop, with attribution: one owner,
 * {@code fans} fans, a year of shelf visits (an open; 60% click; a third of clicks cart, half of
 * carts buy, the purchase carrying no owner so the click window attributes it) plus {@code
 * platformEvents} unattributed views, as the event log's start-up pass meets them. Prints the
 * counting rate, the heap the ledger holds, and the time of one funnel over 30 and 366 days, for
 * all fans and for a quarter of them (the segment's fan ids given; collecting them from the fan
 * store is FanFilterBenchmark's part). A load generator in the api test sources, not run by {@code
 * mvn verify}:
 *
 * <pre>
 * java -Xmx2g -cp api/target/test-classes:api/target/classes:$(cat api/target/test-classpath.txt) \
 *   io.fanshelf.api.funnel.FunnelBench 100000 1000000 5000000
 * </pre>
 */
public final class FunnelBench {
  private FunnelBench() {}

  public static void main(String[] args) throws IOException {
    int fans = Integer.parseInt(args[0]);
    int visits = Integer.parseInt(args[1]);
    int platformEvents = Integer.parseInt(args[2]);
    OwnerId owner = OwnerId.of("owner0");
    Instant end = Instant.parse("2026-12-01T00:00:00Z");
    Instant start = end.minus(Duration.ofDays(365));
    Product product =
        new Product(
            ProductId.of("p"),
            "p",
            List.of("c"),
            Optional.empty(),
            9_900,
            10,
            Map.of(),
            Set.of(),
            start,
            Optional.empty(),
            0.15);
    FunnelLedger ledger = new FunnelLedger(id -> Optional.of(product), Duration.ofDays(7));
    Random random = new Random(42);
    long counted = 0;
    long started = System.nanoTime();
    for (int v = 0; v < visits; v++) {
      FanId fan = FanId.of("fan" + random.nextInt(fans));
      ProductId item = ProductId.of("p" + random.nextInt(10_000));
      Instant at = start.plusSeconds(random.nextLong(365L * 24 * 3600));
      ledger.count(event("shelf-imp-v" + v + "-0", fan, item, EventType.IMPRESSION, at, owner));
      counted++;
      if (random.nextDouble() < 0.6) {
        ledger.count(event("c" + v, fan, item, EventType.CLICK, at.plusSeconds(20), owner));
        counted++;
        if (random.nextDouble() < 0.33) {
          ledger.count(event("k" + v, fan, item, EventType.CART, at.plusSeconds(60), null));
          counted++;
          if (random.nextBoolean()) {
            ledger.count(event("b" + v, fan, item, EventType.PURCHASE, at.plusSeconds(90), null));
            counted++;
          }
        }
      }
    }
    for (int e = 0; e < platformEvents; e++) {
      ledger.count(
          event(
              "x" + e,
              FanId.of("fan" + random.nextInt(fans)),
              ProductId.of("p" + random.nextInt(10_000)),
              EventType.VIEW,
              start.plusSeconds(random.nextLong(365L * 24 * 3600)),
              null));
      counted++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "counted %,d events (%,d visits, %,d platform views) in %.1f s: %,.0f events/s%n",
        counted, visits, platformEvents, seconds, counted / seconds);
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "heap in use after GC: %,d MB (the ledger and nothing else of note)%n",
        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    timeSnapshot(ledger);

    FunnelService service =
        new FunnelService(ledger, NO_LINKS, null, null, Clock.fixed(end, ZoneOffset.UTC));
    Set<FanId> quarter = new HashSet<>();
    for (int f = 0; f < fans; f += 4) {
      quarter.add(FanId.of("fan" + f));
    }
    LocalDate last = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(1);
    for (int days : new int[] {30, 366}) {
      FunnelPeriod period = new FunnelPeriod(last.minusDays(days - 1L), last);
      time(service, owner, period, "all fans", f -> true, days);
      time(service, owner, period, "a quarter", quarter::contains, days);
    }
  }

  /**
   * What the ledger's part of the owner statistics snapshot costs: written to a file and read back
   * into a new ledger (a start then counts only the log's tail instead of the whole log).
   */
  private static void timeSnapshot(FunnelLedger ledger) throws IOException {
    Path file = Files.createTempFile("funnel", ".snapshot");
    try {
      long started = System.nanoTime();
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        ledger.writeTo(out);
      }
      long written = System.nanoTime();
      FunnelLedger loaded = new FunnelLedger(id -> Optional.empty(), ledger.window());
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        loaded.readFrom(in);
      }
      System.out.printf(
          "snapshot: %,d MB written in %.1f s, read back in %.1f s%n",
          Files.size(file) >> 20, (written - started) / 1e9, (System.nanoTime() - written) / 1e9);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void time(
      FunnelService service,
      OwnerId owner,
      FunnelPeriod period,
      String who,
      Predicate<FanId> members,
      int days) {
    Funnel funnel = null;
    for (int warm = 0; warm < 5; warm++) {
      funnel = service.funnel(owner, period, Optional.empty(), members);
    }
    int runs = 20;
    long started = System.nanoTime();
    for (int run = 0; run < runs; run++) {
      funnel = service.funnel(owner, period, Optional.empty(), members);
    }
    double ms = (System.nanoTime() - started) / 1e6 / runs;
    System.out.printf(
        "%3d days, %-9s: %7.1f ms per funnel (%,d fans opened, %,d bought)%n",
        days,
        who,
        ms,
        funnel.stage(Funnel.StageName.OPENED).fans(),
        funnel.stage(Funnel.StageName.BOUGHT).fans());
  }

  /** The bench's owner has no share links: the link pass is a list read, not measured here. */
  private static final ShareLinkStore NO_LINKS =
      new ShareLinkStore() {
        @Override
        public List<ShareLink> ensure(OwnerId owner, List<FanId> fans, Optional<String> segment) {
          return List.of();
        }

        @Override
        public Optional<ShareLink> byToken(String token) {
          return Optional.empty();
        }

        @Override
        public List<ShareLink> list(OwnerId owner) {
          return List.of();
        }

        @Override
        public int revoke(OwnerId owner, Predicate<ShareLink> which) {
          return 0;
        }
      };
}
