package io.fanshelf.sparkals;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.training.registry.FactorFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fits implicit ALS on Spark MLlib and hands the product vectors over as a {@link FactorModel}.
 *
 * <p>The matrix is the in-JVM training's ({@code Interactions}): each event weighted by the
 * feedback policy, a (fan, product) pair's weights summed and capped at 1, products in id order.
 * Unlike the training CLI it does not drop events on products the catalog no longer has (it reads
 * no catalog); serving ignores products it cannot sell.
 *
 * <p>The mapping between the two losses: Spark solves, per fan, {@code (Y^T Y + sum_j alpha r_j y_j
 * y_j^T + regParam n_u I) x = sum_j (1 + alpha r_j) y_j} (Hu, Koren and Volinsky 2008 with ALS-WR's
 * penalty scaled by the fan's count n_u of positive pairs). Divided by alpha this is FactorModel's
 * confidence loss with {@code unobservedWeight = 1 / alpha}, {@code regularization = regParam /
 * alpha}, {@code frequencyExponent = 1} and the pair weights r_j as the fan's history weights,
 * whose solution is the same x: so serving's fold-in gives a fan the vector Spark gave them, from
 * their history as it is now. Stateless.
 */
public final class SparkAls {
  private SparkAls() {}

  /** What one fit gives: FanShelf's model, and Spark's with its fan numbering (for checks). */
  record Fit(FactorModel factors, ALSModel spark, Dataset<Row> fanRows) {}

  public static void main(String[] args) throws Exception {
    SparkAlsOptions options;
    try {
      options = SparkAlsOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // spark-submit sets the master; a plain `java -cp` run gets every local core
    SparkSession.Builder builder = SparkSession.builder().appName("fanshelf-spark-als");
    if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    try (SparkSession spark = builder.getOrCreate()) {
      System.out.println(run(spark, options));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /** Fits and writes the factor file; returns the summary line. */
  static String run(SparkSession spark, SparkAlsOptions options) throws java.io.IOException {
    long started = System.nanoTime();
    Fit fit = fit(spark, options, FeedbackPolicy.defaults());
    FactorFile.write(fit.factors(), Path.of(options.out()));
    return String.format(
        "wrote %s: %d products x %d factors, fitted in %.1f s",
        options.out(),
        fit.factors().items().size(),
        fit.factors().factors(),
        (System.nanoTime() - started) / 1e9);
  }

  static Fit fit(SparkSession spark, SparkAlsOptions options, FeedbackPolicy policy) {
    Dataset<Row> pairs = pairs(spark, options.events(), policy).cache();
    List<ProductId> products = new ArrayList<>();
    for (Row row : pairs.select("product").distinct().collectAsList()) {
      products.add(ProductId.of(row.getString(0)));
    }
    products.sort(null);
    if (products.isEmpty()) {
      throw new IllegalArgumentException(
          "--events " + options.events() + " holds no positive feedback to learn from");
    }
    ItemIndex items = new ItemIndex(products);
    List<Row> itemRows = new ArrayList<>(products.size());
    for (int i = 0; i < products.size(); i++) {
      itemRows.add(RowFactory.create(products.get(i).value(), i));
    }
    Dataset<Row> itemIndex =
        spark.createDataFrame(
            itemRows,
            new StructType()
                .add("product", DataTypes.StringType, false)
                .add("itemRow", DataTypes.IntegerType, false));
    Dataset<Row> fanRows =
        spark
            .createDataFrame(
                pairs
                    .select("fan")
                    .distinct()
                    .javaRDD()
                    .zipWithIndex()
                    .map(pair -> RowFactory.create(pair._1().getString(0), (int) (long) pair._2())),
                new StructType()
                    .add("fan", DataTypes.StringType, false)
                    .add("fanRow", DataTypes.IntegerType, false))
            .cache();
    Dataset<Row> ratings =
        pairs
            .join(fanRows, "fan")
            .join(org.apache.spark.sql.functions.broadcast(itemIndex), "product");
    ALSModel model =
        new ALS()
            .setImplicitPrefs(true)
            .setRank(options.factors())
            .setMaxIter(options.iterations())
            .setRegParam(options.regParam())
            .setAlpha(options.alpha())
            .setSeed(options.seed())
            .setUserCol("fanRow")
            .setItemCol("itemRow")
            .setRatingCol("weight")
            .fit(ratings);
    int k = options.factors();
    float[] itemFactors = new float[products.size() * k];
    for (Row row : model.itemFactors().collectAsList()) {
      int item = row.getInt(0);
      List<Object> vector = row.getList(1);
      for (int f = 0; f < k; f++) {
        itemFactors[item * k + f] = ((Number) vector.get(f)).floatValue();
      }
    }
    pairs.unpersist();
    FactorModel factors =
        new FactorModel(
            items,
            k,
            itemFactors,
            FactorModel.gramian(itemFactors, products.size(), k),
            options.regParam() / options.alpha(),
            1 / options.alpha(),
            1.0,
            true);
    return new Fit(factors, model, fanRows);
  }

  /**
   * The positive (fan, product, weight) pairs of the event files: each event's policy weight,
   * summed per pair and capped at 1, as {@code Interactions} builds them.
   */
  static Dataset<Row> pairs(SparkSession spark, String events, FeedbackPolicy policy) {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("fan", DataTypes.StringType)
            .add("product", DataTypes.StringType)
            .add("type", DataTypes.StringType)
            .add("time", DataTypes.StringType)
            .add("value", DataTypes.DoubleType);
    Dataset<Row> read =
        spark.read().option("header", true).option("mode", "FAILFAST").schema(schema).csv(events);
    Column weight = lit(0.0);
    for (EventType type : EventType.values()) {
      double w = policy.weight(type, java.util.OptionalDouble.of(Double.MAX_VALUE));
      if (w <= 0) {
        continue;
      }
      Column matches = col("type").equalTo(type.wireName());
      Double minimum = policy.minimumValues().get(type);
      if (minimum != null) {
        matches = matches.and(col("value").geq(minimum));
      }
      weight = when(matches, w).otherwise(weight);
    }
    return read.filter(col("fan").isNotNull().and(col("product").isNotNull()))
        .withColumn("w", weight)
        .filter(col("w").gt(0))
        .groupBy("fan", "product")
        .agg(least(sum("w"), lit(1.0)).cast(DataTypes.FloatType).as("weight"));
  }
}
