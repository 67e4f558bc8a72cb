package io.fanshelf.api.demo;

import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.store.FanQuery;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo shop's last weeks, relative to the day the demo starts, so that "who to message today"
 * has something to say: its events are from 2017. For a seeded choice of the beauty shop's fans:
 * views and carts of products that are then restocked or cut in price, a consumable bought every
 * month and due again, shelves opened a week ago, and buyers who stopped coming two months ago.
 * Runs once, right after the demo data is imported (a restart on the same directory keeps what the
 * first start made). Deterministic for a day: the same seed picks the same fans and products. Not
 * thread-safe.
 */
final class DemoOutreach {
  private static final Logger LOG = LoggerFactory.getLogger(DemoOutreach.class);
  static final OwnerId SHOP = OwnerId.of("shop-mei");
  private static final long SEED = 15;

  private final Indexer indexer;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();

  DemoOutreach(Indexer indexer, Clock clock) {
    this.indexer = indexer;
    this.clock = clock;
  }

  /** Adds the recent weeks; nothing when the beauty shop is not in the data. */
  void run() throws Exception {
    if (indexer.store().metadata().owner(SHOP).isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString().replace("-", "");
    Random random = new Random(SEED);
    List<FanId> fans = new ArrayList<>();
    indexer
        .store()
        .fans()
        .find(FanQuery.all(SHOP, FanQuery.MAX_PAGE_SIZE))
        .fans()
        .forEach(p -> fans.add(p.fan().id()));
    Collections.shuffle(fans, random);
    List<Product> inStock = new ArrayList<>();
    List<Product> consumables = new ArrayList<>();
    indexer
        .store()
        .catalog()
        .forEach(
            p -> {
              if (p.inStock() && p.inCategory("美妆")) {
                inStock.add(p);
                if (p.inCategory("美妆>护肤>面膜") || p.inCategory("美妆>护肤>洁面")) {
                  consumables.add(p);
                }
              }
            });
    inStock.sort(java.util.Comparator.comparing(p -> p.id().value()));
    consumables.sort(java.util.Comparator.comparing(p -> p.id().value()));
    if (fans.size() < 80 || inStock.size() < 40 || consumables.isEmpty()) {
      return;
    }
    List<Event> events = new ArrayList<>();
    List<Product> restocked = new ArrayList<>();
    List<Product> cheaper = new ArrayList<>();
    int n = 0;
    // 30 fans looked at a product in the last three weeks, from their shelf (an open, a click on
    // the product, then the view or cart the app reports), so the funnel of the last 30 days runs
    // from open to purchase; it is restocked or cut in price today. A third of them bought another
    // product from the shelf the next day.
    for (FanId fan : fans.subList(0, 30)) {
      Product product = inStock.get(random.nextInt(inStock.size()));
      EventType type = random.nextInt(3) == 0 ? EventType.CART : EventType.VIEW;
      Instant seen = now.minus(hours(24 + random.nextInt(480)));
      events.add(shelfOpen(day, fan, product, seen.minusSeconds(60)));
      events.add(event(day, n++, fan, product, EventType.CLICK, seen.minusSeconds(5)));
      events.add(event(day, n++, fan, product, type, seen));
      if (random.nextInt(3) == 0) {
        Product bought = inStock.get(random.nextInt(inStock.size()));
        Instant next = seen.plus(hours(20));
        events.add(event(day, n++, fan, bought, EventType.CLICK, next.minusSeconds(120)));
        events.add(event(day, n++, fan, bought, EventType.PURCHASE, next));
      }
      // A product two fans looked at changes once (an import file names a product once).
      if (!restocked.contains(product) && !cheaper.contains(product)) {
        (random.nextBoolean() ? restocked : cheaper).add(product);
      }
    }
    // 20 fans buy a face mask or cleanser every month; the last was 33 days ago.
    for (FanId fan : fans.subList(30, 50)) {
      Product product = consumables.get(random.nextInt(consumables.size()));
      for (int ago : new int[] {95, 64, 33}) {
        events.add(
            event(day, n++, fan, product, EventType.PURCHASE, now.minus(Duration.ofDays(ago))));
      }
    }
    // 15 fans opened their shelf six days ago and saw eight products.
    for (FanId fan : fans.subList(50, 65)) {
      Instant opened = now.minus(Duration.ofDays(6)).minus(hours(random.nextInt(12)));
      for (int i = 0; i < 8; i++) {
        Product product = inStock.get(random.nextInt(inStock.size()));
        events.add(
            new Event(
                EventId.of("shelf-imp-demo-" + day + "-" + fan + "-" + i),
                fan,
                product.id(),
                EventType.IMPRESSION,
                opened,
                Optional.of(SHOP),
                Optional.of("demo-shelf"),
                Optional.of("demo"),
                OptionalDouble.empty()));
      }
    }
    // 15 fans bought twice two and three months ago and have not come back.
    for (FanId fan : fans.subList(65, 80)) {
      for (int ago : new int[] {85, 60}) {
        Product product = inStock.get(random.nextInt(inStock.size()));
        events.add(
            event(day, n++, fan, product, EventType.PURCHASE, now.minus(Duration.ofDays(ago))));
      }
    }
    Indexer.Appended appended = indexer.appendEvents(events);
    changeCatalog(restocked, cheaper);
    LOG.info(
        "demo outreach weeks: {} events added ({} already there), {} products restocked, {} cheaper",
        appended.added(),
        appended.duplicates(),
        restocked.size(),
        cheaper.size());
  }

  private static Event event(
      String day, int n, FanId fan, Product product, EventType type, Instant time) {
    return new Event(
        EventId.of("demo-" + day + "-" + n),
        fan,
        product.id(),
        type,
        time,
        Optional.of(SHOP),
        Optional.empty(),
        Optional.of("demo"),
        OptionalDouble.empty());
  }

  /** The page view of a fan's shelf: position 0 of a render, as the shelf records it. */
  private static Event shelfOpen(String day, FanId fan, Product first, Instant time) {
    return new Event(
        EventId.of(
            AttributedStats.SHELF_IMPRESSION_PREFIX + "demo-visit-" + day + "-" + fan + "-0"),
        fan,
        first.id(),
        EventType.IMPRESSION,
        time,
        Optional.of(SHOP),
        Optional.of("shelf:mei-" + fan.value()),
        Optional.of("demo"),
        OptionalDouble.empty());
  }

  private static Duration hours(int hours) {
    return Duration.ofHours(hours);
  }

  /**
   * Two imports: the products as they were (sold out for the restocked ones), then as they are now
   * (back in stock; 15% cheaper): the catalog remembers the change with today's time.
   */
  private void changeCatalog(List<Product> restocked, List<Product> cheaper) throws Exception {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (Product product : restocked) {
      before.add(row(product, product.priceCents(), 0));
      after.add(row(product, product.priceCents(), Math.max(1, product.stock())));
    }
    for (Product product : cheaper) {
      long original = product.priceCents();
      before.add(row(product, original, product.stock()));
      after.add(row(product, Math.round(original * 0.85), product.stock()));
    }
    Path dir = Files.createTempDirectory("fanshelf-demo-outreach-");
    try {
      for (List<String> rows : List.of(before, after)) {
        Path file = dir.resolve("catalog.jsonl");
        Files.write(file, rows, StandardCharsets.UTF_8);
        indexer.importFiles(ImportRequest.none().withCatalog(file), ImportListener.NONE);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private String row(Product product, long priceCents, int stock) throws IOException {
    ObjectNode row = mapper.createObjectNode();
    row.put("id", product.id().value());
    row.put("title", product.title());
    row.put("category", product.categoryKey());
    product.brand().ifPresent(brand -> row.put("brand", brand));
    row.put("price", BigDecimal.valueOf(priceCents, 2));
    row.put("stock", stock);
    ObjectNode attributes = row.putObject("attributes");
    product.attributes().forEach((name, values) -> values.forEach(attributes.putArray(name)::add));
    var tags = row.putArray("tags");
    product.tags().stream().sorted().forEach(tags::add);
    row.put("created_at", product.createdAt().toString());
    product.imageUrl().ifPresent(image -> row.put("image", image));
    row.put("commission", product.commissionRate());
    return mapper.writeValueAsString(row);
  }
}
