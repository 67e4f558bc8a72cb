package io.fanshelf.training.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a generated data set in FanShelf's import formats, with structure a ranker can learn: each
 * fan buys mostly from two favourite categories (within a category, popular products more often),
 * labelled parents buy baby products (the {@code kids=yes} match rule), the {@code age=young} label
 * leans to one department (learned lift), and a share of events are views and impressions. Seeded:
 * the same options give the same files. For tests and the {@code bench} command.
 *
 * <p>{@code scripts/synthetic-ceiling.py} computes the best ranking possible under this model (the
 * label lift's ceiling): it repeats the shares and exponents below, so change both together.
 *
 * @param products catalog size, at least 20
 * @param fans fans, at least 10
 * @param events events, at least 10
 * @param seed the seed
 */
public record SyntheticData(int products, int fans, long events, long seed) {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(365);
  static final int DEPARTMENTS = 5;

  public SyntheticData {
    if (products < 20 || fans < 10 || events < 10) {
      throw new IllegalArgumentException(
          "need at least 20 products, 10 fans and 10 events, got "
              + products
              + ", "
              + fans
              + ", "
              + events);
    }
  }

  private int categories() {
    return Math.max(DEPARTMENTS * 2, products / 40);
  }

  private String category(int product) {
    int c = product % categories();
    return "dept-" + (c % DEPARTMENTS) + ">cat-" + c;
  }

  /** Writes taxonomy.json, owners.csv, catalog.csv, fans.csv, labels.csv and events.csv. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("taxonomy.json"), TAXONOMY);
    Files.writeString(
        dir.resolve("owners.csv"),
        "id,name,locale,assortment\nshop-a,Shop A,en,\nshop-b,Shop B,zh-CN,\n");
    try (BufferedWriter out = writer(dir.resolve("catalog.csv"))) {
      out.write("id,title,category,price,stock,attributes,created_at\n");
      for (int p = 0; p < products; p++) {
        out.write(
            "p"
                + p
                + ",Product "
                + p
                + ","
                + category(p)
                + ","
                + (1 + p % 97)
                + ".50,100,,2024-12-31T00:00:00Z\n");
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] kids = new boolean[fans];
    boolean[] young = new boolean[fans];
    try (BufferedWriter fanFile = writer(dir.resolve("fans.csv"));
        BufferedWriter labels = writer(dir.resolve("labels.csv"))) {
      fanFile.write("owner_id,fan_id,joined_at\n");
      labels.write("owner_id,fan_id,kids,age,labelled_at\n");
      for (int f = 0; f < fans; f++) {
        String owner = f % 2 == 0 ? "shop-a" : "shop-b";
        fanFile.write(owner + ",f" + f + ",2024-12-31T00:00:00Z\n");
        kids[f] = random.nextDouble() < 0.3;
        young[f] = random.nextDouble() < 0.5;
        if (random.nextDouble() < 0.5) {
          labels.write(
              owner
                  + ",f"
                  + f
                  + ","
                  + (kids[f] ? "yes" : "no")
                  + ","
                  + (young[f] ? "young" : "old")
                  + ",2024-12-31T00:00:00Z\n");
        }
      }
    }
    int cats = categories();
    int perCategory = Math.max(1, products / cats);
    try (BufferedWriter out = writer(dir.resolve("events.csv"))) {
      out.write("id,fan,product,type,time,value\n");
      for (long e = 0; e < events; e++) {
        int f = (int) Math.min(fans - 1, (long) (fans * Math.pow(random.nextDouble(), 1.6)));
        SplittableRandom taste = new SplittableRandom(seed * 31 + f);
        int favourite = taste.nextInt(cats);
        int second = taste.nextInt(cats);
        double u = random.nextDouble();
        int category;
        if (kids[f] && u < 0.25) {
          category = 0; // dept-0>cat-0: the kids rule
        } else if (young[f] && u < 0.4) {
          category = DEPARTMENTS * random.nextInt(Math.max(1, cats / DEPARTMENTS)) + 1; // dept-1
        } else if (u < 0.8) {
          category = random.nextDouble() < 0.6 ? favourite : second;
        } else {
          category = random.nextInt(cats);
        }
        int rank =
            (int)
                Math.min(
                    perCategory - 1, (long) (perCategory * Math.pow(random.nextDouble(), 2.5)));
        int product = Math.min(products - 1, category % cats + rank * cats);
        double t = random.nextDouble();
        Instant time = START.plusSeconds((long) (SPAN.toSeconds() * t));
        double kind = random.nextDouble();
        String type = kind < 0.7 ? "purchase" : kind < 0.9 ? "view" : "impression";
        out.write("e" + e + ",f" + f + ",p" + product + "," + type + "," + time + ",1\n");
      }
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static final String TAXONOMY =
      """
      {"version": 1, "dimensions": [
        {"id": "kids", "domain": "demo", "cardinality": "one", "visibility": "displayable",
         "names": {"zh-CN": "孩子", "en": "Kids"},
         "values": [
           {"id": "yes", "names": {"zh-CN": "有孩子", "en": "Has kids"},
            "match": {"any": [{"category": "dept-0>cat-0"}]}},
           {"id": "no", "names": {"zh-CN": "没有孩子", "en": "No kids"}}]},
        {"id": "age", "domain": "demo", "cardinality": "one", "visibility": "private",
         "names": {"zh-CN": "年龄", "en": "Age"},
         "values": [
           {"id": "young", "names": {"zh-CN": "年轻", "en": "Young"}},
           {"id": "old", "names": {"zh-CN": "年长", "en": "Older"}}]}]}
      """;
}
