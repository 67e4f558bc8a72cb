package io.fanshelf.benchmarks;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.RecommendRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes a generated platform in the documented import formats: products in 20 departments x 50
 * categories with a skin_type attribute, fans spread over owners (half of them labelled), and
 * events where each fan mostly buys in a few favourite categories and product popularity is skewed,
 * so co-occurrence and affinities have structure. Deterministic for a seed.
 */
final class SyntheticShop {
  static final int DEPARTMENTS = 20;
  static final int CATEGORIES_PER_DEPARTMENT = 50;
  static final int OWNERS = 10;
  static final String[] SKIN = {"dry", "combination", "oily", "sensitive"};
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private SyntheticShop() {}

  /** The for-you request of generated fan {@code fan}, as its owner's shelf asks for it. */
  static RecommendRequest forYou(int fan, Instant now) {
    return RecommendRequest.forYou(
        OwnerId.of("owner" + (fan % OWNERS)), FanId.of("fan" + fan), 20, now);
  }

  static void write(Path dir, int products, int fans, int events, long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    Files.writeString(dir.resolve("taxonomy.json"), taxonomy());
    try (BufferedWriter out = writer(dir.resolve("owners.csv"))) {
      out.write("id,name,locale\n");
      for (int o = 0; o < OWNERS; o++) {
        out.write("owner" + o + ",Shop " + o + "," + (o % 2 == 0 ? "zh-CN" : "en") + "\n");
      }
    }
    try (BufferedWriter out = writer(dir.resolve("catalog.csv"))) {
      out.write("id,title,category,brand,price,stock,attributes,created_at\n");
      for (int p = 0; p < products; p++) {
        int category = p % (DEPARTMENTS * CATEGORIES_PER_DEPARTMENT);
        out.write(
            "p"
                + p
                + ",Product "
                + p
                + " 商品"
                + (p % 997)
                + ",Dept"
                + category / CATEGORIES_PER_DEPARTMENT
                + ">Cat"
                + category
                + ",Brand"
                + (p % 400)
                + ","
                + (1 + random.nextInt(500))
                + ".90,"
                + (random.nextInt(20) == 0 ? 0 : 100)
                + ",skin_type="
                + SKIN[p % SKIN.length]
                + ","
                + START.minusSeconds(86_400L * random.nextInt(400))
                + "\n");
      }
    }
    try (BufferedWriter fansOut = writer(dir.resolve("fans.csv"));
        BufferedWriter labels = writer(dir.resolve("labels.csv"))) {
      fansOut.write("owner_id,fan_id\n");
      labels.write("owner_id,fan_id,skin_type\n");
      for (int f = 0; f < fans; f++) {
        String owner = "owner" + (f % OWNERS);
        fansOut.write(owner + ",fan" + f + "\n");
        if (f % 2 == 0) {
          labels.write(owner + ",fan" + f + "," + SKIN[random.nextInt(SKIN.length)] + "\n");
        }
      }
    }
    int categories = DEPARTMENTS * CATEGORIES_PER_DEPARTMENT;
    String[] types = {"view", "view", "view", "click", "cart", "purchase"};
    try (BufferedWriter out = writer(dir.resolve("events.csv"))) {
      out.write("id,fan,product,type,time\n");
      for (int e = 0; e < events; e++) {
        int fan = random.nextInt(fans);
        // Each fan favours three categories; popularity within a category is skewed.
        Random taste = new Random(fan * 31L + seed);
        int category =
            random.nextInt(4) < 3 ? taste.nextInt(categories) : random.nextInt(categories);
        double u = random.nextDouble();
        int withinCategory = (int) (u * u * Math.max(1, products / categories));
        int product = withinCategory * categories + category;
        if (product >= products) {
          product = category;
        }
        out.write(
            "e"
                + e
                + ",fan"
                + fan
                + ",p"
                + product
                + ","
                + types[random.nextInt(types.length)]
                + ","
                + START.plusSeconds(e * 6L)
                + "\n");
      }
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static String taxonomy() {
    StringBuilder values = new StringBuilder();
    for (String skin : SKIN) {
      if (!values.isEmpty()) {
        values.append(',');
      }
      values
          .append("{\"id\":\"")
          .append(skin)
          .append("\",\"names\":{\"zh-CN\":\"")
          .append(skin)
          .append("\",\"en\":\"")
          .append(skin)
          .append("\"},\"match\":{\"attribute\":\"skin_type\",\"value\":\"")
          .append(skin)
          .append("\"}}");
    }
    return "{\"version\":1,\"dimensions\":[{\"id\":\"skin_type\",\"domain\":\"beauty\","
        + "\"cardinality\":\"one\",\"visibility\":\"displayable\",\"names\":{\"zh-CN\":\"肤质\","
        + "\"en\":\"Skin type\"},\"values\":["
        + values
        + "]}]}";
  }
}
