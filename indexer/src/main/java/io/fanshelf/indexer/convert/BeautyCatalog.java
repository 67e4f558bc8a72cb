package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The products of the generated beauty and home shop: skincare and foundation made for one skin
 * type (attribute {@code skin_type}, what the skin-type rules match), colour cosmetics for every
 * skin, and home goods in one or both styles (attribute {@code style}: value or looks). Brands are
 * made up; each has a price tier, so a price band says something about the brand. Every product has
 * {@code color} and {@code family} attributes (the family groups the sizes or shades of one
 * product) and a picture that the service draws from its category, colour and brand. Not
 * thread-safe: it draws from the caller's {@link Random}.
 */
final class BeautyCatalog {
  static final String ROOT_BEAUTY = "美妆";
  static final String ROOT_HOME = "家居";

  /** Where the service draws a product's picture. */
  static String pictureUrl(ProductId id) {
    return "/pictures/" + id.value() + ".svg";
  }

  private record Brand(String name, int tier) {}

  /** A kind of product: its category, noun, size and price range in yuan. */
  private record Kind(List<String> path, String noun, String size, int minYuan, int maxYuan) {}

  private static final List<Brand> SKINCARE_BRANDS =
      List.of(
          new Brand("植初", 0),
          new Brand("水漾集", 0),
          new Brand("澄肌", 1),
          new Brand("珂蔓", 1),
          new Brand("雪域之境", 2));
  private static final List<Brand> MAKEUP_BRANDS =
      List.of(new Brand("绯色", 0), new Brand("柒光", 1), new Brand("玖黛", 2));
  private static final List<Brand> HOME_BRANDS =
      List.of(new Brand("青禾家居", 0), new Brand("木棉小屋", 1), new Brand("素野", 1), new Brand("栖物", 2));

  private static final List<Kind> SKINCARE =
      List.of(
          kind("护肤>面霜", "面霜", "50g", 89, 399),
          kind("护肤>精华", "精华液", "30ml", 129, 499),
          kind("护肤>洁面", "洁面乳", "120g", 39, 129),
          kind("护肤>爽肤水", "爽肤水", "200ml", 59, 199),
          kind("护肤>面膜", "面膜", "5片装", 39, 159),
          kind("护肤>防晒", "防晒乳 SPF50+", "50ml", 59, 219));
  private static final Kind FOUNDATION = kind("彩妆>粉底液", "粉底液", "30ml", 89, 369);
  private static final Kind LIPSTICK = kind("彩妆>口红", "丝绒雾面口红", "3.5g", 49, 299);
  private static final Kind EYESHADOW = kind("彩妆>眼影", "九色眼影盘", "12g", 59, 359);
  private static final Kind BLUSH = kind("彩妆>腮红", "腮红", "5g", 39, 199);
  private static final List<Kind> HOME =
      List.of(
          new Kind(List.of(ROOT_HOME, "收纳", "收纳盒"), "收纳盒", "三件套", 19, 129),
          new Kind(List.of(ROOT_HOME, "香薰", "香薰蜡烛"), "香薰蜡烛", "200g", 29, 199),
          new Kind(List.of(ROOT_HOME, "床品", "四件套"), "床品四件套", "1.8m床", 99, 599),
          new Kind(List.of(ROOT_HOME, "餐具", "马克杯"), "陶瓷马克杯", "350ml", 19, 129),
          new Kind(List.of(ROOT_HOME, "灯具", "台灯"), "护眼台灯", "", 59, 399),
          new Kind(List.of(ROOT_HOME, "软装", "抱枕"), "抱枕", "45×45cm", 29, 159));

  /** Skin type id to the words a product made for it carries, and its packaging colour. */
  private static final Map<String, List<String>> SKIN_WORDS =
      Map.of(
          "dry", List.of("玻尿酸深层补水", "神经酰胺滋润", "角鲨烷保湿"),
          "combination", List.of("水油平衡", "绿茶清透", "清润平衡"),
          "oily", List.of("清爽控油", "水杨酸净透", "烟酰胺细致毛孔"),
          "sensitive", List.of("积雪草舒缓", "无香精温和", "B5修护"));

  private static final Map<String, String> SKIN_COLORS =
      Map.of("dry", "天蓝", "combination", "青绿", "oily", "薄荷绿", "sensitive", "樱花粉");
  private static final Map<String, String> FOUNDATION_WORDS =
      Map.of("dry", "水润光泽", "combination", "轻薄透气", "oily", "持妆控油", "sensitive", "温和养肤");
  private static final List<String> SKIN_ORDER = List.of("dry", "combination", "oily", "sensitive");
  private static final List<String> SHADES = List.of("正红色", "豆沙色", "枫叶红", "奶茶色", "珊瑚橘", "樱桃红");
  private static final List<String> PALETTES = List.of("大地色", "蜜桃色", "玫瑰色");
  private static final List<String> BLUSHES = List.of("蜜桃", "杏色", "玫瑰");
  private static final List<String> VALUE_WORDS = List.of("大容量", "加厚耐用", "家用实惠装", "简约基础款");
  private static final List<String> LOOKS_WORDS = List.of("ins风", "北欧简约", "奶油风", "法式复古");
  private static final List<String> HOME_COLORS =
      List.of("奶白", "雾霾蓝", "燕麦色", "薄荷绿", "樱花粉", "墨绿", "浅灰");

  private static final Instant CREATED_FROM = Instant.parse("2016-03-01T02:00:00Z");
  private static final Instant CREATED_TO = Instant.parse("2017-10-31T02:00:00Z");

  private final Random random;
  private final List<Product> products = new ArrayList<>();

  private BeautyCatalog(Random random) {
    this.random = random;
  }

  /** The catalog, in id order sku-0001, sku-0002 ... */
  static List<Product> generate(Random random) {
    BeautyCatalog catalog = new BeautyCatalog(random);
    catalog.skincare();
    catalog.makeup();
    catalog.home();
    return List.copyOf(catalog.products);
  }

  private void skincare() {
    for (Kind kind : SKINCARE) {
      for (String skin : SKIN_ORDER) {
        for (Brand brand : pick(SKINCARE_BRANDS, 4)) {
          String words = pickOne(SKIN_WORDS.get(skin));
          String family = brand.name() + " " + words + kind.noun();
          Map<String, List<String>> attributes = new LinkedHashMap<>();
          attributes.put(BeautyTaxonomy.SKIN_ATTRIBUTE, List.of(skin));
          attributes.put("color", List.of(SKIN_COLORS.get(skin)));
          long price = price(kind, brand.tier());
          add(kind, brand, family + " " + kind.size(), price, attributes, family);
          // A travel size of a quarter of the face creams and serums: the same product family.
          if (kind.minYuan() >= 89 && random.nextInt(4) == 0) {
            add(kind, brand, family + " 旅行装", roundPrice(price * 0.35), attributes, family);
          }
        }
      }
    }
  }

  private void makeup() {
    for (String skin : SKIN_ORDER) {
      for (Brand brand : MAKEUP_BRANDS) {
        String family = brand.name() + " " + FOUNDATION_WORDS.get(skin) + FOUNDATION.noun();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(BeautyTaxonomy.SKIN_ATTRIBUTE, List.of(skin));
        attributes.put("color", List.of("象牙白"));
        add(
            FOUNDATION,
            brand,
            family + " " + FOUNDATION.size(),
            price(FOUNDATION, brand.tier()),
            attributes,
            family);
      }
    }
    for (Brand brand : MAKEUP_BRANDS) {
      String lipstick = brand.name() + " " + LIPSTICK.noun();
      long price = price(LIPSTICK, brand.tier());
      for (int i = 0; i < SHADES.size(); i++) {
        String shade = SHADES.get(i);
        String title = String.format(Locale.ROOT, "%s #%02d %s", lipstick, i + 1, shade);
        add(LIPSTICK, brand, title, price, Map.of("color", List.of(shade)), lipstick);
      }
      for (String palette : PALETTES) {
        String title = brand.name() + " " + palette + EYESHADOW.noun();
        add(
            EYESHADOW,
            brand,
            title,
            price(EYESHADOW, brand.tier()),
            Map.of("color", List.of(palette)),
            title);
      }
      for (String blush : BLUSHES) {
        String title = brand.name() + " " + blush + BLUSH.noun();
        add(
            BLUSH,
            brand,
            title,
            price(BLUSH, brand.tier()),
            Map.of("color", List.of(blush)),
            title);
      }
    }
  }

  private void home() {
    for (Kind kind : HOME) {
      for (Brand brand : HOME_BRANDS) {
        for (int variant = 0; variant < 5; variant++) {
          // Per brand and kind: two value products, one looks, one both (cheap and pretty), one
          // either.
          boolean looks = variant % 2 == 1 || variant == 2 && random.nextBoolean();
          boolean value = !looks || variant == 3;
          List<String> styles = new ArrayList<>();
          if (value) {
            styles.add("value");
          }
          if (looks) {
            styles.add("looks");
          }
          String words = pickOne(looks ? LOOKS_WORDS : VALUE_WORDS);
          String color = pickOne(HOME_COLORS);
          String family = brand.name() + " " + words + kind.noun();
          String title = family + (kind.size().isEmpty() ? "" : " " + kind.size()) + " " + color;
          // Looks cost more than value at the same brand tier.
          int tier = Math.min(2, brand.tier() + (looks && !value ? 1 : 0));
          Map<String, List<String>> attributes = new LinkedHashMap<>();
          attributes.put(BeautyTaxonomy.STYLE_ATTRIBUTE, styles);
          attributes.put("color", List.of(color));
          add(kind, brand, title, price(kind, tier), attributes, family + " " + color);
        }
      }
    }
  }

  private void add(
      Kind kind,
      Brand brand,
      String title,
      long priceCents,
      Map<String, List<String>> attributes,
      String family) {
    ProductId id = ProductId.of(String.format(Locale.ROOT, "sku-%04d", products.size() + 1));
    Map<String, List<String>> all = new LinkedHashMap<>(attributes);
    all.put("family", List.of(family));
    int stock = random.nextInt(25) == 0 ? 0 : 20 + random.nextInt(481);
    double commission = (8 + random.nextInt(13)) / 100.0;
    long span = CREATED_TO.getEpochSecond() - CREATED_FROM.getEpochSecond();
    Instant created = CREATED_FROM.plusSeconds(86_400 * (random.nextLong(span) / 86_400));
    products.add(
        new Product(
            id,
            title,
            kind.path(),
            Optional.of(brand.name()),
            priceCents,
            stock,
            all,
            Set.of(),
            created,
            Optional.of(pictureUrl(id)),
            commission));
  }

  /** A price in the brand tier's third of the kind's range, ending in 9 or 9.9 yuan. */
  private long price(Kind kind, int tier) {
    double third = (kind.maxYuan() - kind.minYuan()) / 3.0;
    double yuan = kind.minYuan() + third * (tier + random.nextDouble());
    return roundPrice(yuan * 100);
  }

  private static long roundPrice(double cents) {
    long tens = Math.max(1, Math.round(cents / 1000.0));
    return tens * 1000 - (tens < 10 ? 10 : 100);
  }

  private <T> T pickOne(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** {@code count} distinct items in list order. */
  private <T> List<T> pick(List<T> list, int count) {
    List<T> shuffled = new ArrayList<>(list);
    java.util.Collections.shuffle(shuffled, random);
    List<T> chosen = shuffled.subList(0, count);
    return list.stream().filter(chosen::contains).toList();
  }

  private static Kind kind(String path, String noun, String size, int minYuan, int maxYuan) {
    List<String> levels = new ArrayList<>();
    levels.add(ROOT_BEAUTY);
    levels.addAll(List.of(path.split(">")));
    return new Kind(levels, noun, size, minYuan, maxYuan);
  }
}
