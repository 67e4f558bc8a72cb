package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A fan of the generated beauty and home shop: her true skin type, home styles and price
 * sensitivity, which of them the owner has labelled, and how much a product appeals to her. The
 * appeal is what {@link BeautyDemoShop} draws her views from, so behaviour follows the truth and
 * the labels, where present, say the same. Immutable.
 *
 * @param beautyShare the share of her sessions spent on beauty rather than home goods
 */
record ShopFan(
    FanId id,
    String nickname,
    Instant joinedAt,
    Instant labelledAt,
    String skinType,
    List<String> styles,
    String priceSensitivity,
    double beautyShare,
    boolean skinLabelled,
    boolean styleLabelled,
    boolean priceLabelled) {

  private static final List<String> NAMES =
      List.of(
          "小雨", "糖糖", "阿楠", "晴天", "可可", "小鹿", "橙子", "Lily", "木木", "安安", "小美", "芒果", "桃子", "小鱼",
          "Coco", "阿青", "豆豆", "一一", "七七", "念念", "Mia", "小雪", "团子", "阿杏");
  private static final List<String> REMARKS =
      List.of("", "", "", "·老客", "·同事", "·小区邻居", "·宝妈群", "·大学同学", "·朋友介绍");

  private static final Instant JOINED_FROM = Instant.parse("2016-01-01T02:00:00Z");
  private static final long JOINED_SPAN_DAYS = 360;
  private static final Instant LABELLED_FROM = Instant.parse("2017-01-02T02:00:00Z");

  static ShopFan generate(FanId id, Random random) {
    String nickname =
        NAMES.get(random.nextInt(NAMES.size())) + REMARKS.get(random.nextInt(REMARKS.size()));
    Instant joined = JOINED_FROM.plusSeconds(86_400 * random.nextLong(JOINED_SPAN_DAYS));
    Instant labelled =
        LABELLED_FROM.plusSeconds(86_400 * random.nextInt(20) + random.nextInt(36_000));
    String skin = pick(random, List.of("dry", "combination", "oily", "sensitive"), 30, 30, 25, 15);
    List<String> styles =
        switch (pick(random, List.of("value", "looks", "both"), 50, 35, 15)) {
          case "value" -> List.of("value");
          case "looks" -> List.of("looks");
          default -> List.of("value", "looks");
        };
    String price = pick(random, List.of("high", "medium", "low"), 40, 40, 20);
    double beautyShare = 0.5 + 0.4 * random.nextDouble();
    // One fan in eight is new to the owner and has no label yet.
    boolean unknown = random.nextInt(8) == 0;
    return new ShopFan(
        id,
        nickname,
        joined,
        labelled,
        skin,
        styles,
        price,
        beautyShare,
        !unknown && random.nextDouble() < 0.8,
        !unknown && random.nextDouble() < 0.6,
        !unknown && random.nextDouble() < 0.6);
  }

  /** The labels.csv cells skin_type, home_style, price_sensitivity; empty where not labelled. */
  List<String> labelCells() {
    return List.of(
        skinLabelled ? skinType : "",
        styleLabelled ? String.join(";", styles) : "",
        priceLabelled ? priceSensitivity : "");
  }

  /**
   * How much a product draws her eye, relative to others: skincare made for her skin type far more
   * than skincare made for another, home goods in her style more, prices in her band more, times
   * the product's own appeal (some products are hits).
   */
  double interest(Product product) {
    double interest = appeal(product);
    List<String> skins = product.attributes().get(BeautyTaxonomy.SKIN_ATTRIBUTE);
    if (skins != null) {
      interest *= skins.contains(skinType) ? 6 : 0.25;
    }
    List<String> productStyles = product.attributes().get(BeautyTaxonomy.STYLE_ATTRIBUTE);
    if (productStyles != null) {
      interest *= productStyles.stream().anyMatch(styles::contains) ? 4 : 0.4;
    }
    return interest * (priceBand(product).equals(priceSensitivity) ? 2.5 : 0.7);
  }

  /** The chance that a product in her cart is bought: lower when it costs more than she likes. */
  double buyChance(Product product) {
    String band = priceBand(product);
    if (priceSensitivity.equals("high") && band.equals("low")) {
      return 0.2;
    }
    return band.equals(priceSensitivity) ? 0.7 : 0.5;
  }

  /** The price-sensitivity value whose price band holds the product's price. */
  static String priceBand(Product product) {
    long price = product.priceCents();
    if (price < BeautyTaxonomy.PRICE_LOW_BELOW) {
      return "high";
    }
    return price < BeautyTaxonomy.PRICE_HIGH_FROM ? "medium" : "low";
  }

  /** 0.3 to 3.3, fixed per product id (String.hashCode is specified), a few products far above. */
  private static double appeal(Product product) {
    double u = ((product.id().value().hashCode() * 0x9E3779B1) >>> 8) / (double) (1 << 24);
    return 0.3 + 3 * u * u * u;
  }

  private static String pick(Random random, List<String> values, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values.get(i);
      }
    }
    throw new IllegalStateException("weights do not cover " + r);
  }
}
