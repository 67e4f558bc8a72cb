package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small zh-CN beauty and home data set, the same content as the files under {@code
 * src/test/resources/fixtures/beauty-home/} (checked by {@code BeautyHomeFixtureFilesTest}), built
 * in Java so that store tests do not depend on the importers.
 *
 * <p>Three owners: 莉莉美妆小铺 ({@link #LILY}, beauty and tea), 木木家居生活馆 ({@link #MU}, home) and Anna's
 * Picks ({@link #ANNA}, English). {@link #SHARED_FAN} is a fan of both Lily and Mu, and each labels
 * them differently. Labels are what {@code labels.csv} sets, with {@link #LABELS_ACTOR} as their
 * actor. Everything here is immutable; every method returns fresh lists.
 */
public final class BeautyHomeFixture {
  public static final OwnerId LILY = OwnerId.of("shop-lily");
  public static final OwnerId MU = OwnerId.of("shop-mu");
  public static final OwnerId ANNA = OwnerId.of("shop-anna");

  /** Fan of Lily (oily skin, price-sensitive) and of Mu (颜值, not price-sensitive). */
  public static final FanId SHARED_FAN = FanId.of("fan-0001");

  /** The actor of the labels imported from labels.csv. */
  public static final String LABELS_ACTOR = "labels.csv";

  private BeautyHomeFixture() {}

  // ---------------------------------------------------------------- taxonomy.json

  /** Version 1 of the platform taxonomy: skin type, home style and a private price sensitivity. */
  public static Taxonomy taxonomy() {
    return new Taxonomy(1, List.of(skinType(), homeStyle(), priceSensitivity()));
  }

  static Dimension skinType() {
    return new Dimension(
        "skin_type",
        "beauty",
        Cardinality.ONE,
        Visibility.DISPLAYABLE,
        new LocalizedName("肤质", "Skin type"),
        List.of(
            attributeValue("dry", "干皮", "Dry skin"),
            attributeValue("combination", "混合皮", "Combination skin"),
            attributeValue("oily", "油皮", "Oily skin"),
            attributeValue("sensitive", "敏感肌", "Sensitive skin")));
  }

  private static DimensionValue attributeValue(String id, String zh, String en) {
    return new DimensionValue(
        id,
        new LocalizedName(zh, en),
        Optional.of(new MatchRule.Attribute("skin_type", id)),
        false);
  }

  static Dimension homeStyle() {
    return new Dimension(
        "home_style",
        "home",
        Cardinality.MANY,
        Visibility.DISPLAYABLE,
        new LocalizedName("家居风格", "Home style"),
        List.of(
            new DimensionValue(
                "value",
                new LocalizedName("性价比", "Good value"),
                Optional.of(new MatchRule.Tag("value")),
                false),
            new DimensionValue(
                "looks",
                new LocalizedName("颜值", "Good looks"),
                Optional.of(
                    new MatchRule.AnyOf(
                        List.of(new MatchRule.Tag("looks"), new MatchRule.Category("家居>装饰")))),
                false)));
  }

  static Dimension priceSensitivity() {
    return new Dimension(
        "price_sensitivity",
        "general",
        Cardinality.ONE,
        Visibility.PRIVATE,
        new LocalizedName("价格敏感度", "Price sensitivity"),
        List.of(
            new DimensionValue(
                "high",
                new LocalizedName("价格敏感", "Price-sensitive"),
                Optional.of(new MatchRule.PriceBand(OptionalLong.empty(), OptionalLong.of(5000))),
                false),
            new DimensionValue(
                "medium",
                new LocalizedName("适中", "Moderate"),
                Optional.of(new MatchRule.PriceBand(OptionalLong.of(5000), OptionalLong.of(20000))),
                false),
            new DimensionValue(
                "low",
                new LocalizedName("不敏感", "Not price-sensitive"),
                Optional.of(new MatchRule.PriceBand(OptionalLong.of(20000), OptionalLong.empty())),
                false)));
  }

  // ---------------------------------------------------------------- catalog.jsonl

  /** The 21 products of catalog.jsonl, in file order. */
  public static List<Product> products() {
    return List.of(
        product(
            "bh-001",
            "清爽控油洁面乳 油皮适用",
            "美妆>护肤>洁面",
            "清研",
            "59.90",
            120,
            "skin_type=oily|combination;volume=120ml",
            "new",
            "2026-10-20T10:00:00+08:00",
            "/pictures/bh-001.svg",
            0.15),
        product(
            "bh-002",
            "深层保湿面霜 干皮救星",
            "美妆>护肤>面霜",
            "润初",
            "129.00",
            45,
            "skin_type=dry;volume=50ml",
            "gift",
            "2026-09-05T09:30:00+08:00",
            "/pictures/bh-002.svg",
            0.2),
        product(
            "bh-003",
            "舒缓修护精华 敏感肌可用",
            "美妆>护肤>精华",
            "润初",
            "199.00",
            30,
            "skin_type=sensitive|dry",
            null,
            "2026-10-01T11:00:00+08:00",
            null,
            0.18),
        product(
            "bh-004",
            "平衡水油爽肤水 混合皮",
            "美妆>护肤>爽肤水",
            "清研",
            "89.00",
            60,
            "skin_type=combination",
            "value",
            "2026-09-18T14:20:00+08:00",
            "/pictures/bh-004.svg",
            0.12),
        product(
            "bh-005",
            "轻薄防晒乳 SPF50",
            "美妆>护肤>防晒",
            "晴川",
            "99.00",
            0,
            "skin_type=oily|combination|dry|sensitive;spf=50",
            "new",
            "2026-10-25T08:00:00+08:00",
            "/pictures/bh-005.svg",
            0.1),
        product(
            "bh-006",
            "丝绒哑光口红",
            "美妆>彩妆>口红",
            "绯色",
            "159.00",
            80,
            "color=正红",
            "gift;looks",
            "2026-09-28T19:00:00+08:00",
            "/pictures/bh-006.svg",
            0.25),
        product(
            "bh-007",
            "持妆粉底液 油皮亲妈",
            "美妆>彩妆>粉底",
            "绯色",
            "200.00",
            25,
            "skin_type=oily",
            null,
            "2026-10-08T10:30:00+08:00",
            null,
            0.2),
        product(
            "bh-008",
            "无硅油洗发水 控油蓬松",
            "美妆>护发>洗发水",
            "沐泉",
            "49.90",
            200,
            "hair_type=oily",
            "value",
            "2026-09-10T16:00:00+08:00",
            "/pictures/bh-008.svg",
            0.08),
        product(
            "bh-009",
            "烟酰胺美白身体乳",
            "美妆>身体护理>身体乳",
            "沐泉",
            "69.00",
            90,
            "skin_type=dry",
            null,
            "2026-10-12T09:00:00+08:00",
            "/pictures/bh-009.svg",
            0.12),
        product(
            "bh-010",
            "Hyaluronic Acid Hydrating Serum",
            "美妆>护肤>精华",
            "Purely",
            "320.00",
            15,
            "skin_type=dry|sensitive;volume=30ml",
            "import",
            "2026-10-15T12:00:00+08:00",
            "/pictures/bh-010.svg",
            0.1),
        product(
            "bh-011",
            "玫瑰花茶 调理气色",
            "食品>茶饮>花茶",
            "花间集",
            "39.90",
            300,
            "origin=山东平阴",
            "养生",
            "2026-10-03T08:00:00+08:00",
            "/pictures/bh-011.svg",
            0.3),
        product(
            "bh-012",
            "菊花枸杞花茶 清热去火",
            "食品>茶饮>花茶",
            "花间集",
            "29.90",
            150,
            "origin=浙江桐乡",
            "养生;value",
            "2026-10-04T08:00:00+08:00",
            "/pictures/bh-012.svg",
            0.3),
        product(
            "bh-013",
            "洛神花茶 酸甜开胃",
            "食品>茶饮>花茶",
            null,
            "50.00",
            0,
            null,
            null,
            "2026-10-05T08:00:00+08:00",
            null,
            0.0),
        product(
            "bh-014",
            "西湖龙井绿茶 明前",
            "食品>茶饮>绿茶",
            "狮峰",
            "268.00",
            40,
            "origin=杭州",
            "gift",
            "2026-09-20T10:00:00+08:00",
            "/pictures/bh-014.svg",
            0.15),
        product(
            "bh-015",
            "Organic Green Tea Bags",
            "食品>茶饮>绿茶",
            "Leafy",
            "45.00",
            500,
            null,
            "import",
            "2026-10-18T15:00:00+08:00",
            "/pictures/bh-015.svg",
            0.1),
        product(
            "bh-016",
            "桌面收纳盒 三层抽屉",
            "家居>收纳",
            "简居",
            "29.90",
            400,
            "material=PP",
            "value",
            "2026-09-12T10:00:00+08:00",
            "/pictures/bh-016.svg",
            0.1),
        product(
            "bh-017",
            "北欧风陶瓷花瓶",
            "家居>装饰>花瓶",
            "木子",
            "89.00",
            70,
            "material=陶瓷;style=北欧",
            null,
            "2026-10-22T20:00:00+08:00",
            "/pictures/bh-017.svg",
            0.2),
        product(
            "bh-018",
            "无火香薰 卧室持久",
            "家居>香薰",
            "木子",
            "79.00",
            110,
            "scent=白茶",
            "looks;gift",
            "2026-10-10T21:00:00+08:00",
            "/images/bh-018.jpg",
            0.2),
        product(
            "bh-019",
            "Stainless Steel Vacuum Bottle 500ml",
            "家居>厨房>水杯",
            "Keepwarm",
            "49.99",
            260,
            "volume=500ml;material=不锈钢",
            "value",
            "2026-09-25T09:00:00+08:00",
            "/pictures/bh-019.svg",
            0.1),
        product(
            "bh-020",
            "纯棉四件套 1.8m床",
            "家居>床品",
            "简居",
            "299.00",
            0,
            "material=纯棉",
            "looks",
            "2026-10-28T10:00:00+08:00",
            "/pictures/bh-020.svg",
            0.15),
        product(
            "bh-021",
            "大容量洗衣液 3kg",
            "家居>清洁",
            "净朗",
            "39.90",
            500,
            "volume=3kg",
            "value",
            "2026-09-01T08:00:00+08:00",
            null,
            0.05));
  }

  public static Product product(String id) {
    return products().stream()
        .filter(p -> p.id().value().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no product " + id + " in the fixture"));
  }

  /** The ids of the 花茶 (flower tea) products. */
  public static Set<ProductId> flowerTeas() {
    return Set.of(ProductId.of("bh-011"), ProductId.of("bh-012"), ProductId.of("bh-013"));
  }

  /**
   * A product in the notation of catalog.csv: category joined with {@code >}, attributes as {@code
   * name=v1|v2;name=v}, tags as {@code a;b}, price in yuan; null for an absent optional field.
   */
  public static Product product(
      String id,
      String title,
      String category,
      String brand,
      String price,
      int stock,
      String attributes,
      String tags,
      String createdAt,
      String image,
      double commission) {
    Map<String, List<String>> attributeMap = new LinkedHashMap<>();
    if (attributes != null) {
      for (String pair : attributes.split(";")) {
        String[] nameAndValues = pair.split("=", 2);
        attributeMap.put(nameAndValues[0], List.of(nameAndValues[1].split("\\|")));
      }
    }
    return new Product(
        ProductId.of(id),
        title,
        List.of(category.split(">")),
        Optional.ofNullable(brand),
        cents(price),
        stock,
        attributeMap,
        tags == null ? Set.of() : Set.of(tags.split(";")),
        time(createdAt),
        Optional.ofNullable(image),
        commission);
  }

  /** A price in yuan with at most two decimals, in cents. */
  public static long cents(String price) {
    return new BigDecimal(price).movePointRight(2).longValueExact();
  }

  public static Instant time(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  // ---------------------------------------------------------------- owners.csv

  public static List<Owner> owners() {
    return List.of(
        new Owner(LILY, "莉莉美妆小铺", Locale.SIMPLIFIED_CHINESE, Optional.of(Set.of("美妆", "食品>茶饮"))),
        new Owner(MU, "木木家居生活馆", Locale.SIMPLIFIED_CHINESE, Optional.of(Set.of("家居"))),
        new Owner(ANNA, "Anna's Picks", Locale.US, Optional.empty()));
  }

  // ---------------------------------------------------------------- fans.csv

  /** The memberships of fans.csv, in file order. */
  public static List<Fan> fans() {
    return List.of(
        fan(LILY, "fan-0001", "王小美 同事", "2026-09-01T10:00:00+08:00"),
        fan(LILY, "fan-0002", "李姐", "2026-09-02T11:30:00+08:00"),
        fan(LILY, "fan-0003", null, "2026-09-03T09:15:00+08:00"),
        fan(LILY, "fan-0004", "Coco", "2026-09-05T20:00:00+08:00"),
        fan(LILY, "fan-0005", "张阿姨", "2026-09-08T08:45:00+08:00"),
        fan(LILY, "fan-0006", null, "2026-09-10T13:00:00+08:00"),
        fan(MU, "fan-0001", "小美", "2026-09-15T18:00:00+08:00"),
        fan(MU, "fan-0003", "陈先生", "2026-09-16T19:20:00+08:00"),
        fan(MU, "fan-0008", null, "2026-09-18T07:00:00+08:00"),
        fan(MU, "fan-0009", "刘女士", "2026-09-20T12:00:00+08:00"),
        fan(ANNA, "fan-0010", "Emma", "2026-09-21T09:00:00Z"),
        fan(ANNA, "fan-0002", null, "2026-09-22T09:00:00Z"));
  }

  private static Fan fan(OwnerId owner, String fan, String nickname, String joinedAt) {
    return new Fan(owner, FanId.of(fan), Optional.ofNullable(nickname), time(joinedAt));
  }

  // ---------------------------------------------------------------- labels.csv

  /**
   * The labels of labels.csv, one per non-empty dimension cell, values resolved to their ids.
   * Lily's fan-0007 is not in fans.csv: the labels add them. Lily's fan-0006, Mu's fan-0008 and
   * Anna's fans are unlabelled.
   */
  public static List<Label> labels() {
    List<Label> labels = new ArrayList<>();
    row(labels, LILY, "fan-0001", "oily", null, "high", 1.0, null, "2026-10-02T20:15:00+08:00");
    row(labels, LILY, "fan-0002", "dry", null, "medium", 0.8, null, "2026-10-02T20:16:00+08:00");
    row(
        labels,
        LILY,
        "fan-0003",
        "sensitive",
        null,
        null,
        1.0,
        LabelSource.OWNER,
        "2026-10-03T09:00:00+08:00");
    row(
        labels,
        LILY,
        "fan-0004",
        "combination",
        "value",
        "high",
        1.0,
        null,
        "2026-10-03T09:05:00+08:00");
    row(
        labels,
        LILY,
        "fan-0005",
        "oily",
        null,
        "low",
        0.6,
        LabelSource.SUGGESTED,
        "2026-10-04T10:00:00+08:00");
    row(labels, LILY, "fan-0007", "dry", null, null, 1.0, null, "2026-10-05T21:30:00+08:00");
    row(labels, MU, "fan-0001", null, "looks", "low", 1.0, null, "2026-10-06T15:00:00+08:00");
    row(
        labels,
        MU,
        "fan-0003",
        null,
        "value;looks",
        "high",
        0.9,
        LabelSource.OWNER,
        "2026-10-06T15:05:00+08:00");
    row(labels, MU, "fan-0009", null, "value", null, 1.0, null, "2026-10-06T15:10:00+08:00");
    return labels;
  }

  private static void row(
      List<Label> labels,
      OwnerId owner,
      String fan,
      String skinType,
      String homeStyle,
      String priceSensitivity,
      double confidence,
      LabelSource source,
      String labelledAt) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("skin_type", skinType);
    cells.put("home_style", homeStyle);
    cells.put("price_sensitivity", priceSensitivity);
    cells.forEach(
        (dimension, cell) -> {
          if (cell != null) {
            labels.add(
                new Label(
                    owner,
                    FanId.of(fan),
                    dimension,
                    Arrays.asList(cell.split(";")),
                    source == null ? LabelSource.IMPORT : source,
                    confidence,
                    time(labelledAt),
                    LABELS_ACTOR));
          }
        });
  }

  /**
   * What a fan store holds after {@code upsertFans(fans())} then {@code setLabels(labels())}, keyed
   * by owner, then ordered by fan id.
   */
  public static Map<OwnerId, List<FanProfile>> profiles() {
    Map<OwnerId, TreeMap<FanId, Fan>> fans = new TreeMap<>();
    for (Fan fan : fans()) {
      fans.computeIfAbsent(fan.owner(), o -> new TreeMap<>()).put(fan.id(), fan);
    }
    Map<OwnerId, TreeMap<FanId, Map<String, Label>>> labels = new TreeMap<>();
    for (Label label : labels()) {
      fans.computeIfAbsent(label.owner(), o -> new TreeMap<>())
          .putIfAbsent(
              label.fan(), new Fan(label.owner(), label.fan(), Optional.empty(), label.time()));
      labels
          .computeIfAbsent(label.owner(), o -> new TreeMap<>())
          .computeIfAbsent(label.fan(), f -> new TreeMap<>())
          .put(label.dimension(), label);
    }
    Map<OwnerId, List<FanProfile>> profiles = new TreeMap<>();
    fans.forEach(
        (owner, byId) ->
            byId.forEach(
                (id, fan) ->
                    profiles
                        .computeIfAbsent(owner, o -> new ArrayList<>())
                        .add(
                            new FanProfile(
                                fan,
                                labels
                                    .getOrDefault(owner, new TreeMap<>())
                                    .getOrDefault(id, Map.of())))));
    return profiles;
  }

  /** Every fan id that appears in fans.csv or labels.csv, sorted. */
  public static Set<FanId> allFanIds() {
    Set<FanId> ids = new TreeSet<>();
    fans().forEach(f -> ids.add(f.id()));
    labels().forEach(l -> ids.add(l.fan()));
    return ids;
  }

  // ---------------------------------------------------------------- events.jsonl

  /** The 24 events of events.jsonl, in file order (oldest first per fan). */
  public static List<Event> events() {
    return List.of(
        event("e-0001", "fan-0001", "bh-001", "view", "2026-10-20T12:00:00+08:00")
            .owner(LILY)
            .page("shelf-lily-0001")
            .source("wechat-mini")
            .build(),
        event("e-0002", "fan-0001", "bh-001", "cart", "2026-10-20T12:03:00+08:00")
            .owner(LILY)
            .page("shelf-lily-0001")
            .source("wechat-mini")
            .build(),
        event("e-0003", "fan-0001", "bh-001", "purchase", "2026-10-20T12:05:00+08:00")
            .owner(LILY)
            .source("wechat-mini")
            .value(2)
            .build(),
        event("e-0004", "fan-0001", "bh-007", "view", "2026-10-21T21:00:00+08:00").build(),
        event("e-0005", "fan-0001", "bh-017", "view", "2026-10-23T08:30:00+08:00")
            .owner(MU)
            .page("shelf-mu-0001")
            .build(),
        event("e-0006", "fan-0002", "bh-002", "view", "2026-10-02T10:00:00+08:00").build(),
        event("e-0007", "fan-0002", "bh-002", "favorite", "2026-10-02T10:02:00+08:00").build(),
        event("e-0008", "fan-0002", "bh-010", "click", "2026-10-16T09:00:00+08:00")
            .owner(LILY)
            .page("shelf-lily-0002")
            .build(),
        event("e-0009", "fan-0002", "bh-002", "rating", "2026-10-18T20:00:00+08:00")
            .value(5)
            .build(),
        event("e-0010", "fan-0003", "bh-003", "impression", "2026-10-03T12:00:00+08:00")
            .owner(LILY)
            .page("shelf-lily-0003")
            .build(),
        event("e-0011", "fan-0003", "bh-003", "click", "2026-10-03T12:00:30+08:00")
            .owner(LILY)
            .page("shelf-lily-0003")
            .build(),
        event("e-0012", "fan-0003", "bh-016", "purchase", "2026-10-07T13:00:00+08:00")
            .owner(MU)
            .value(1)
            .build(),
        event("e-0013", "fan-0004", "bh-011", "view", "2026-10-04T09:00:00+08:00").build(),
        event("e-0014", "fan-0004", "bh-012", "view", "2026-10-04T09:01:00+08:00").build(),
        event("e-0015", "fan-0004", "bh-012", "purchase", "2026-10-04T09:10:00+08:00")
            .value(3)
            .build(),
        event("e-0016", "fan-0004", "bh-011", "share", "2026-10-05T18:00:00+08:00")
            .source("wechat")
            .build(),
        event("e-0017", "fan-0005", "bh-008", "view", "2026-10-05T07:30:00+08:00").build(),
        event("e-0018", "fan-0006", "bh-014", "impression", "2026-10-06T11:00:00+08:00")
            .owner(LILY)
            .build(),
        event("e-0019", "fan-0008", "bh-020", "view", "2026-10-28T22:00:00+08:00").build(),
        event("e-0020", "fan-0009", "bh-019", "cart", "2026-10-01T19:00:00+08:00").build(),
        event("e-0021", "fan-0009", "bh-019", "purchase", "2026-10-01T19:05:00+08:00")
            .owner(MU)
            .build(),
        event("e-0022", "fan-0010", "bh-015", "view", "2026-10-19T08:00:00Z")
            .source("app-ios")
            .build(),
        event("e-0023", "fan-0010", "bh-015", "rating", "2026-10-25T08:00:00Z").value(3).build(),
        event("e-0024", "fan-0011", "bh-021", "view", "2026-10-26T10:00:00+08:00").build());
  }

  /** An event under construction; {@link #build} validates it. */
  public static EventBuilder event(
      String id, String fan, String product, String type, String time) {
    return new EventBuilder(id, fan, product, type, time);
  }

  /** Builds an {@link Event} with optional attribution. Not thread-safe. */
  public static final class EventBuilder {
    private final String id;
    private final String fan;
    private final String product;
    private final String type;
    private final String time;
    private Optional<OwnerId> owner = Optional.empty();
    private Optional<String> page = Optional.empty();
    private Optional<String> source = Optional.empty();
    private OptionalDouble value = OptionalDouble.empty();

    private EventBuilder(String id, String fan, String product, String type, String time) {
      this.id = id;
      this.fan = fan;
      this.product = product;
      this.type = type;
      this.time = time;
    }

    public EventBuilder owner(OwnerId owner) {
      this.owner = Optional.of(owner);
      return this;
    }

    public EventBuilder page(String page) {
      this.page = Optional.of(page);
      return this;
    }

    public EventBuilder source(String source) {
      this.source = Optional.of(source);
      return this;
    }

    public EventBuilder value(double value) {
      this.value = OptionalDouble.of(value);
      return this;
    }

    public Event build() {
      return new Event(
          EventId.of(id),
          FanId.of(fan),
          ProductId.of(product),
          EventType.parse(type),
          time(time),
          owner,
          page,
          source,
          value);
    }
  }
}
