package io.fanshelf.sparkals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.training.registry.FactorFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's ALS in local mode on a small planted shop: two groups of fans, each with its products.
 */
class SparkAlsTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("SparkAlsTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void foldInGivesSparksFanVectorsAndRanksTheFansGroupFirst(@TempDir Path dir) throws Exception {
    // fans a00..a29 buy or view 4 of the products A00..A09, fans b00..b29 4 of B00..B09
    SparkAlsTest.Shop shop = Shop.planted(30, 10, 4, 7);
    Path events = dir.resolve("events.csv");
    Files.writeString(events, shop.csv());
    SparkAlsOptions options =
        SparkAlsOptions.parse(
            "--events",
            events.toString(),
            "--out",
            dir.resolve("f").toString(),
            "--factors",
            "4",
            "--iterations",
            "15",
            "--reg-param",
            "0.01",
            "--alpha",
            "40");
    SparkAls.Fit fit = SparkAls.fit(spark, options, FeedbackPolicy.defaults());
    FactorFile.write(fit.factors(), dir.resolve("spark.factors"));
    FactorModel model = FactorFile.read(dir.resolve("spark.factors"));
    assertTrue(model.confidence());
    // the impression-only product and the rating below 4 are not positive feedback
    assertEquals(20, model.items().size());
    assertTrue(model.items().row(ProductId.of("NOISE")) < 0);

    Map<String, Integer> fanRow = new HashMap<>();
    for (Row row : fit.fanRows().collectAsList()) {
      fanRow.put(row.getString(0), row.getInt(1));
    }
    Map<Integer, float[]> sparkFans = new HashMap<>();
    for (Row row : fit.spark().userFactors().collectAsList()) {
      List<Object> v = row.getList(1);
      float[] vector = new float[v.size()];
      for (int f = 0; f < vector.length; f++) {
        vector[f] = ((Number) v.get(f)).floatValue();
      }
      sparkFans.put(row.getInt(0), vector);
    }
    int wrong = 0;
    for (var fan : shop.history.entrySet()) {
      FanItems history = shop.items(fan.getValue(), model);
      double[] folded = model.foldIn(history);
      float[] expected = sparkFans.get(fanRow.get(fan.getKey()));
      double difference = 0;
      double length = 0;
      for (int f = 0; f < folded.length; f++) {
        difference += (folded[f] - expected[f]) * (folded[f] - expected[f]);
        length += expected[f] * expected[f];
      }
      // Spark's vectors are floats from its last sweep; the fold-in solves the same system again
      assertTrue(
          Math.sqrt(difference) <= 0.02 * Math.sqrt(length),
          fan.getKey()
              + ": folded "
              + java.util.Arrays.toString(folded)
              + ", Spark "
              + java.util.Arrays.toString(expected));
      int[] top = model.topRows(folded, 3, row -> !history.contains(row));
      char group = Character.toUpperCase(fan.getKey().charAt(0));
      for (int row : top) {
        if (model.items().id(row).value().charAt(0) != group) {
          wrong++;
        }
      }
    }
    assertEquals(0, wrong, "products of the other group among the fans' top 3");

    // a new fan with two A products gets A products first, without a refit
    FanItems newcomer =
        new FanItems(
            new int[] {
              model.items().row(ProductId.of("A00")), model.items().row(ProductId.of("A01"))
            },
            new float[] {1f, 0.2f});
    for (int row : model.topRows(model.foldIn(newcomer), 5, row -> !newcomer.contains(row))) {
      assertEquals('A', model.items().id(row).value().charAt(0));
    }
  }

  @Test
  void runWritesTheFactorFile(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, Shop.planted(8, 4, 3, 3).csv());
    Path out = dir.resolve("out/spark.factors");
    String summary =
        SparkAls.run(
            spark,
            SparkAlsOptions.parse(
                "--events", events.toString(), "--out", out.toString(), "--factors", "3"));
    assertTrue(summary.startsWith("wrote " + out + ": 8 products x 3 factors"), summary);
    FactorModel model = FactorFile.read(out);
    assertEquals(3, model.factors());
    assertEquals(8, model.items().size());
  }

  @Test
  void noPositiveFeedbackIsAnErrorNamingTheOption(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("events.csv");
    Files.writeString(
        events, "id,fan,product,type,time,value\ne1,f,p,impression,2026-01-01T00:00:00Z,\n");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                SparkAls.fit(
                    spark,
                    SparkAlsOptions.parse("--events", events.toString(), "--out", "x"),
                    FeedbackPolicy.defaults()));
    assertTrue(e.getMessage().startsWith("--events "), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"));
  }

  /** A shop of two groups: fans' histories and the CSV the job reads. */
  record Shop(Map<String, Map<String, Float>> history, String noise) {
    static Shop planted(int fansPerGroup, int productsPerGroup, int perFan, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      Map<String, Map<String, Float>> history = new TreeMap<>();
      for (char group : new char[] {'a', 'b'}) {
        for (int u = 0; u < fansPerGroup; u++) {
          Map<String, Float> items = new TreeMap<>();
          while (items.size() < perFan) {
            String product =
                String.format(
                    "%c%02d", Character.toUpperCase(group), random.nextInt(productsPerGroup));
            items.put(product, random.nextInt(3) == 0 ? 1f : 0.2f);
          }
          history.put(String.format("%c%02d", group, u), items);
        }
      }
      return new Shop(history, "NOISE");
    }

    String csv() {
      StringBuilder text = new StringBuilder("id,fan,product,type,time,value\n");
      int id = 0;
      for (var fan : history.entrySet()) {
        for (var item : fan.getValue().entrySet()) {
          String type = item.getValue() == 1f ? "purchase" : "view";
          text.append("e")
              .append(id++)
              .append(',')
              .append(fan.getKey())
              .append(',')
              .append(item.getKey())
              .append(',')
              .append(type)
              .append(",2026-01-01T00:00:00Z,\n");
        }
        text.append("e")
            .append(id++)
            .append(',')
            .append(fan.getKey())
            .append(",NOISE,impression,2026-01-01T00:00:00Z,\n");
        text.append("e")
            .append(id++)
            .append(',')
            .append(fan.getKey())
            .append(",NOISE,rating,2026-01-01T00:00:00Z,3\n");
      }
      return text.toString();
    }

    FanItems items(Map<String, Float> fan, FactorModel model) {
      List<int[]> rows = new ArrayList<>();
      TreeMap<Integer, Float> sorted = new TreeMap<>();
      fan.forEach(
          (product, weight) -> sorted.put(model.items().row(ProductId.of(product)), weight));
      int[] r = new int[sorted.size()];
      float[] w = new float[sorted.size()];
      int i = 0;
      for (var e : sorted.entrySet()) {
        r[i] = e.getKey();
        w[i++] = e.getValue();
      }
      rows.clear();
      return new FanItems(r, w);
    }
  }
}
