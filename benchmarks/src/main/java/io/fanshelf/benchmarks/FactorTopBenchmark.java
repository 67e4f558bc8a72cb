package io.fanshelf.benchmarks;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.ItemIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The iALS candidate source's scan: {@link FactorModel#topRows}, the 200 products with the highest
 * scores for one fan over the whole catalog, as every recommendation with a published iALS model
 * runs it. Random factors (the scan's cost does not depend on their values), catalogs of 20,000 and
 * 100,000 products, 64 factors (the default). The scan reads {@code products x factors} bytes per
 * request and grows with the catalog, so its cost tells whether the iALS source fits the recommend
 * latency goal (docs/benchmarks.md).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FactorTopBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class FactorTopBenchmark {
  @Param({"20000", "100000"})
  int products;

  @Param("64")
  int factors;

  private FactorModel model;
  private double[][] fans;
  private int next;

  @Setup
  public void setUp() {
    List<ProductId> ids = new ArrayList<>(products);
    for (int i = 0; i < products; i++) {
      ids.add(ProductId.of("p" + i));
    }
    SplittableRandom random = new SplittableRandom(42);
    float[] itemFactors = new float[products * factors];
    for (int i = 0; i < itemFactors.length; i++) {
      itemFactors[i] = (float) random.nextGaussian();
    }
    model =
        new FactorModel(
            new ItemIndex(ids), factors, itemFactors, new double[factors * factors], 0.01, 0.1, 1);
    fans = new double[64][factors];
    for (double[] fan : fans) {
      for (int f = 0; f < factors; f++) {
        fan[f] = random.nextGaussian();
      }
    }
  }

  @Benchmark
  public int[] top200() {
    double[] fan = fans[next++ & 63];
    return model.topRows(fan, 200, row -> true);
  }
}
