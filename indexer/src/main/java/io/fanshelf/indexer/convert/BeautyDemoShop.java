package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo's beauty and home shop 小美的美妆家居 ({@code shop-mei}, zh-CN): the taxonomy version
 * that adds skin type, home style and a private price sensitivity ({@link BeautyTaxonomy}), a
 * catalog of a few hundred products ({@link BeautyCatalog}), fans with nicknames and the owner's
 * chat groups, the labels the owner gave them, and a year of views, carts, favourites and purchases
 * that follow each fan's true skin type, styles and price sensitivity. Labels are the truth for the
 * dimensions the owner filled in, so labels and behaviour agree as they would in a shop whose owner
 * knows her fans; some fans have no labels, or only some, and are known by their behaviour alone.
 *
 * <p>Deterministic: the same {@link Options} give byte-identical files ({@link java.util.Random} is
 * specified to the bit). docs/demo-data.md describes the result. Not thread-safe.
 */
public final class BeautyDemoShop {
  public static final OwnerId OWNER = OwnerId.of("shop-mei");
  static final String OWNER_NAME = "小美的美妆家居";

  /** China's wall-clock time, in which the events and dates are written. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * The year of the events: the Complete Journey year, so that a time-based validation window over
   * the whole store (the last fifth of all events) holds both demos' events, not only this one's.
   */
  static final Instant EVENTS_FROM = Instant.parse("2016-12-31T16:00:00Z");

  static final Instant EVENTS_TO = Instant.parse("2017-12-31T16:00:00Z");

  /**
   * From when the owner shares shelves (2017-10-01, China time): from then on a session may start
   * on the fan's shelf, an open and a click on the shelf before each product view, so that the
   * owner's funnel has opens, clicks and the carts and purchases that followed them.
   */
  static final Instant SHELF_FROM = Instant.parse("2017-09-30T16:00:00Z");

  /** The share of sessions since {@link #SHELF_FROM} that start on the owner's shelf. */
  static final double SHELF_SESSIONS = 0.6;

  static final String CATALOG = "catalog.csv";
  static final String FANS = "fans.csv";
  static final String LABELS = "labels.csv";

  /**
   * @param seed the seed of every random choice
   * @param fans how many fans the shop has, 1 to 9,999
   */
  public record Options(long seed, int fans) {
    public Options {
      if (fans < 1 || fans > 9_999) {
        throw new IllegalArgumentException("fans must be between 1 and 9999, got " + fans);
      }
    }

    /** The committed demo: seed 17, 800 fans. */
    public static Options defaults() {
      return new Options(17, 800);
    }
  }

  /** What was written. */
  public record Summary(int products, int fans, int labelledFans, int labels, long events) {}

  private final Options options;

  public BeautyDemoShop(Options options) {
    this.options = options;
  }

  /** The shop as records, before any file is written. */
  record Shop(List<Product> products, List<ShopFan> fans, List<Event> events) {}

  /** Builds the shop in memory. */
  Shop build() {
    Random random = new Random(options.seed());
    List<Product> products = BeautyCatalog.generate(random);
    List<ShopFan> fans = new ArrayList<>();
    for (int i = 1; i <= options.fans(); i++) {
      fans.add(ShopFan.generate(FanId.of(String.format(Locale.ROOT, "fan-%04d", i)), random));
    }
    List<Event> events = new ArrayList<>();
    // Shelf sessions draw from their own stream, so that the views, carts and purchases are the
    // same with or without them.
    Random shelf = new Random(options.seed() + 1);
    for (ShopFan fan : fans) {
      events.addAll(new Behaviour(fan, products, random, shelf).events());
    }
    events.sort(Comparator.comparing(Event::time).thenComparing(e -> e.id().value()));
    return new Shop(products, fans, events);
  }

  /**
   * Writes taxonomy.json, owners.csv, catalog.csv, fans.csv, labels.csv and events.csv.gz into
   * {@code out}, replacing files of those names only once all are written.
   */
  public Summary generate(Path out) throws IOException {
    Shop shop = build();
    try (StagingDir work = StagingDir.in(out)) {
      ImportFiles.writeTaxonomy(work.resolve(ImportFiles.TAXONOMY), BeautyTaxonomy.taxonomy());
      ImportFiles.writeOwners(
          work.resolve(ImportFiles.OWNERS),
          List.of(
              new Owner(
                  OWNER,
                  OWNER_NAME,
                  Locale.SIMPLIFIED_CHINESE,
                  Optional.of(Set.of(BeautyCatalog.ROOT_BEAUTY, BeautyCatalog.ROOT_HOME)))));
      try (CsvWriter csv = CsvWriter.open(work.resolve(CATALOG), CATALOG_HEADER)) {
        for (Product product : shop.products()) {
          csv.row(catalogRow(product));
        }
      }
      // Groups draw from their own stream, so that everything else is the same with or without.
      Random groups = new Random(options.seed() + 2);
      try (CsvWriter csv = CsvWriter.open(work.resolve(FANS), FAN_HEADER)) {
        for (ShopFan fan : shop.fans()) {
          csv.row(
              List.of(
                  OWNER.value(),
                  fan.id().value(),
                  fan.nickname(),
                  ImportFiles.time(fan.joinedAt(), ZONE),
                  String.join(";", groups(fan, groups))));
        }
      }
      int labelled = 0;
      int labels = 0;
      try (CsvWriter csv = CsvWriter.open(work.resolve(LABELS), LABEL_HEADER)) {
        for (ShopFan fan : shop.fans()) {
          List<String> cells = fan.labelCells();
          if (cells.stream().allMatch(String::isEmpty)) {
            continue;
          }
          labelled++;
          labels += (int) cells.stream().filter(c -> !c.isEmpty()).count();
          List<String> row = new ArrayList<>();
          row.add(OWNER.value());
          row.add(fan.id().value());
          row.addAll(cells);
          row.add(ImportFiles.time(fan.labelledAt(), ZONE));
          csv.row(row);
        }
      }
      try (CsvWriter csv = CsvWriter.open(work.resolve(ImportFiles.EVENTS), EVENT_HEADER)) {
        for (Event event : shop.events()) {
          List<String> row = new ArrayList<>(ImportFiles.eventRow(event, ZONE));
          row.add(event.owner().map(OwnerId::value).orElse(""));
          row.add(event.page().orElse(""));
          row.add(event.source().orElse(""));
          csv.row(row);
        }
      }
      work.publish(
          List.of(
              ImportFiles.TAXONOMY, ImportFiles.OWNERS, CATALOG, FANS, LABELS, ImportFiles.EVENTS));
      return new Summary(
          shop.products().size(), shop.fans().size(), labelled, labels, shop.events().size());
    }
  }

  static final List<String> CATALOG_HEADER =
      List.of(
          "id",
          "title",
          "category",
          "brand",
          "price",
          "stock",
          "attributes",
          "image",
          "commission",
          "created_at");

  /** The events file: the converters' columns, then the shelf's attribution. */
  static final List<String> EVENT_HEADER =
      List.of("id", "fan", "product", "type", "time", "value", "owner", "page", "source");

  static final List<String> FAN_HEADER =
      List.of("owner_id", "fan_id", "nickname", "joined_at", "groups");

  /** Fans who joined before this moment were invited to the first 福利群, later ones the second. */
  private static final Instant SECOND_GROUP_FROM = Instant.parse("2016-07-01T00:00:00Z");

  /**
   * The owner's chat groups the fan is in: three in four are in one of the two 福利群 (the first
   * filled up), the 宝妈 of the remark names in the 宝妈交流群, regulars and one in ten others in the VIP
   * group, and some fans who shop for the home in the 家居好物群. Every fan draws the same three
   * numbers, so one fan's groups never shift another's.
   */
  static List<String> groups(ShopFan fan, Random random) {
    boolean inWelfareGroup = random.nextDouble() < 0.75;
    boolean vip = random.nextDouble() < 0.1;
    boolean home = random.nextDouble() < 0.4;
    List<String> groups = new ArrayList<>();
    if (inWelfareGroup) {
      groups.add(fan.joinedAt().isBefore(SECOND_GROUP_FROM) ? "小美福利1群" : "小美福利2群");
    }
    if (fan.nickname().endsWith("·宝妈群")) {
      groups.add("宝妈交流群");
    }
    if (vip || fan.nickname().endsWith("·老客")) {
      groups.add("老客VIP群");
    }
    if (home && fan.beautyShare() < 0.7) {
      groups.add("家居好物群");
    }
    return groups;
  }

  static final List<String> LABEL_HEADER =
      List.of(
          "owner_id",
          "fan_id",
          BeautyTaxonomy.SKIN_TYPE,
          BeautyTaxonomy.HOME_STYLE,
          BeautyTaxonomy.PRICE_SENSITIVITY,
          "labelled_at");

  private static List<String> catalogRow(Product product) {
    return List.of(
        product.id().value(),
        product.title(),
        product.categoryKey(),
        product.brand().orElse(""),
        ImportFiles.price(product.priceCents()),
        Integer.toString(product.stock()),
        ImportFiles.attributes(product.attributes()),
        product.imageUrl().orElse(""),
        String.format(Locale.ROOT, "%.2f", product.commissionRate()),
        ImportFiles.time(product.createdAt(), ZONE));
  }

  /**
   * One fan's year in the shop: sessions of views, some carts, favourites and purchases; since
   * {@link #SHELF_FROM} some sessions start on the owner's shelf (an open, then a click before each
   * view). Carts and purchases carry no owner, as the platform reports them; the funnel attributes
   * them to the owner through the fan's click on the same product just before.
   */
  private static final class Behaviour {
    private final ShopFan fan;
    private final Random random;
    private final Random shelfRandom;
    private final List<Event> shelfEvents = new ArrayList<>();
    private final List<Product> beauty = new ArrayList<>();
    private final List<Product> home = new ArrayList<>();
    private final double[] beautyWeights;
    private final double[] homeWeights;
    private final List<Event> events = new ArrayList<>();

    Behaviour(ShopFan fan, List<Product> products, Random random, Random shelfRandom) {
      this.fan = fan;
      this.random = random;
      this.shelfRandom = shelfRandom;
      for (Product product : products) {
        (product.inCategory(BeautyCatalog.ROOT_BEAUTY) ? beauty : home).add(product);
      }
      beautyWeights = cumulative(beauty);
      homeWeights = cumulative(home);
    }

    List<Event> events() {
      // 2 to 40 sessions a year, most fans a handful, a few regulars many.
      int sessions = Math.min(40, 2 + (int) (-Math.log(1 - random.nextDouble()) * 8));
      long span = EVENTS_TO.getEpochSecond() - EVENTS_FROM.getEpochSecond();
      for (int s = 0; s < sessions; s++) {
        Instant time = EVENTS_FROM.plusSeconds(random.nextLong(span - 3_600));
        boolean inBeauty = random.nextDouble() < fan.beautyShare();
        List<Product> shelf = inBeauty ? beauty : home;
        double[] weights = inBeauty ? beautyWeights : homeWeights;
        int views = 1 + random.nextInt(4);
        boolean onShelf = !time.isBefore(SHELF_FROM) && shelfRandom.nextDouble() < SHELF_SESSIONS;
        Set<ProductId> seen = new java.util.HashSet<>();
        for (int v = 0; v < views; v++) {
          Product product = shelf.get(sample(weights));
          if (!seen.add(product.id())) {
            continue;
          }
          time = time.plusSeconds(20 + random.nextInt(240));
          if (onShelf) {
            if (seen.size() == 1) {
              addShelf("shelf-imp-mei-" + fan.id().value() + "-s" + s + "-0", product, time, -15);
            }
            addShelf(
                "shelf-clk-mei-" + fan.id().value() + "-s" + s + "-" + product.id().value(),
                product,
                time,
                -5);
          }
          add(product, EventType.VIEW, time);
          if (random.nextDouble() < 0.04) {
            add(product, EventType.FAVORITE, time.plusSeconds(5));
          }
          if (random.nextDouble() < 0.25 && product.stock() > 0) {
            add(product, EventType.CART, time.plusSeconds(30));
            if (random.nextDouble() < fan.buyChance(product)) {
              add(product, EventType.PURCHASE, time.plusSeconds(90));
            }
          }
        }
      }
      events.addAll(shelfEvents);
      return events;
    }

    /**
     * An open (impression, id ending in -0) or click on the owner's shelf, {@code offset} seconds
     * before a view. Kept apart so the other events keep their numbering.
     */
    private void addShelf(String id, Product product, Instant view, int offset) {
      shelfEvents.add(
          new Event(
              EventId.of(id),
              fan.id(),
              product.id(),
              id.startsWith("shelf-imp-") ? EventType.IMPRESSION : EventType.CLICK,
              view.plusSeconds(offset),
              Optional.of(OWNER),
              Optional.of("shelf:mei-" + fan.id().value()),
              Optional.of("shelf"),
              OptionalDouble.empty()));
    }

    private void add(Product product, EventType type, Instant time) {
      String id = "mei-" + fan.id().value() + "-" + (events.size() + 1);
      events.add(
          new Event(
              EventId.of(id),
              fan.id(),
              product.id(),
              type,
              time,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              type == EventType.PURCHASE ? OptionalDouble.of(1) : OptionalDouble.empty()));
    }

    private double[] cumulative(List<Product> products) {
      double[] sums = new double[products.size()];
      double total = 0;
      for (int i = 0; i < products.size(); i++) {
        total += fan.interest(products.get(i));
        sums[i] = total;
      }
      return sums;
    }

    private int sample(double[] cumulative) {
      double target = random.nextDouble() * cumulative[cumulative.length - 1];
      int at = java.util.Arrays.binarySearch(cumulative, target);
      return Math.min(cumulative.length - 1, at >= 0 ? at + 1 : -at - 1);
    }
  }
}
