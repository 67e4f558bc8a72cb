package io.fanshelf.training.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.collaborative.CollaborativeModel;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.recommender.collaborative.TopK;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every collaborative model meets: fitted to planted taste groups, it ranks a fan's
 * own group first, for fans it was fitted on and for a newcomer scored from three products; the
 * same data and options give the same model.
 */
class CollaborativeModelsTest {
  private static final List<CollaborativeOptions> ALL =
      List.of(
          new AlsOptions(16, 10, 0.01, 0.1, 1, 0.1, 3, 7),
          new EaseOptions(20, 1_000, 50),
          ItemKnnOptions.cosine(30, 5),
          ItemKnnOptions.rp3beta(30, 0.75, 0.3),
          new FanKnnOptions(20, 1, 100, 1_000));

  private static double[] scores(CollaborativeModel model, FanId fan, FanItems history) {
    double[] scores = new double[model.items().size()];
    model.scores(fan, history, (row, score) -> scores[row] += score);
    return scores;
  }

  /** The share of the top 10 (products the fan has not bought) that are in {@code group}. */
  private static double ownGroupShare(
      Interactions data, CollaborativeModel model, FanId fan, FanItems history, int group) {
    double[] scores = scores(model, fan, history);
    for (int row : history.rows()) {
      scores[row] = Double.NEGATIVE_INFINITY;
    }
    int[] top = TopK.indices(scores, 10);
    long own =
        Arrays.stream(top)
            .filter(r -> PlantedTastes.group(PlantedTastes.product(data, r)) == group)
            .count();
    return own / 10.0;
  }

  @Test
  void everyModelRanksThePlantedTasteFirst() {
    Interactions data = PlantedTastes.interactions(1);
    for (CollaborativeOptions options : ALL) {
      CollaborativeModel model = options.fit(data);
      assertEquals(options.algorithm(), model.algorithm());
      double fitted = 0;
      for (int u = 0; u < 20; u++) {
        FanId fan = data.fans().get(u);
        int group = Integer.parseInt(fan.value().substring(1)) % PlantedTastes.GROUPS;
        fitted += ownGroupShare(data, model, fan, data.fan(u), group);
      }
      assertTrue(fitted / 20 >= 0.9, options.algorithm() + ": own group share " + fitted / 20);
      for (int group = 0; group < PlantedTastes.GROUPS; group++) {
        double share =
            ownGroupShare(
                data, model, FanId.of("newcomer"), PlantedTastes.newcomer(data, group), group);
        assertTrue(
            share >= 0.8, options.algorithm() + " newcomer in group " + group + ": " + share);
      }
    }
  }

  @Test
  void theSameDataAndOptionsGiveTheSameModel() {
    for (CollaborativeOptions options : ALL) {
      Interactions data = PlantedTastes.interactions(2);
      FanItems history = data.fan(3);
      assertTrue(
          Arrays.equals(
              scores(options.fit(data), FanId.of("x"), history),
              scores(options.fit(PlantedTastes.interactions(2)), FanId.of("x"), history)),
          options.algorithm());
      assertEquals(
          options, CollaborativeOptions.of(options.algorithm(), options.hyperParameters()));
    }
  }

  @Test
  void foldInMovesAFanTowardWhatTheyJustBought() {
    Interactions data = PlantedTastes.interactions(3);
    FactorModel als = (FactorModel) ALL.getFirst().fit(data);
    FanItems before = PlantedTastes.newcomer(data, 0);
    int target = data.items().row(io.fanshelf.indexer.model.ProductId.of("p60"));
    double[] vector = als.foldIn(before);
    int[] more = Arrays.copyOf(before.rows(), 4);
    more[3] = data.items().row(io.fanshelf.indexer.model.ProductId.of("p55"));
    Arrays.sort(more);
    double[] after = als.foldIn(new FanItems(more, new float[] {1, 1, 1, 1}));
    assertFalse(Arrays.equals(vector, after), "one more event changes the fan's vector");
    assertTrue(
        als.score(after, target) > als.score(vector, target),
        "a group-2 product rises after one group-2 purchase");
    assertEquals(0, Arrays.stream(als.foldIn(FanItems.EMPTY)).filter(v -> v != 0).count());
  }

  @Test
  void blockScoringFindsTheSameTopAsScoringOneByOne() {
    Interactions data = PlantedTastes.interactions(4);
    FactorModel als = (FactorModel) ALL.getFirst().fit(data);
    double[] fan = als.foldIn(data.fan(5));
    double[] scores = new double[data.itemCount()];
    for (int row = 0; row < scores.length; row++) {
      scores[row] = row % 7 == 0 ? Double.NEGATIVE_INFINITY : als.score(fan, row);
    }
    // the one-byte scan only narrows the field: the products it keeps are scored exactly
    for (int k : new int[] {1, 15, 40}) {
      assertArrayEquals(
          TopK.indices(scores, k), als.topRows(fan, k, row -> row % 7 != 0), "top " + k);
    }
  }

  @Test
  void theByteScanFindsTheExactTopOfALargeCatalogWithTies() {
    assertExactTopOfALargeCatalog(false);
  }

  /**
   * Product vectors of very different lengths, as popular and rare products get from a fit: the
   * scan stops early once no shorter vector can reach the top, and must still find the exact top.
   */
  @Test
  void theByteScanStopsEarlyOnlyWhereNoProductLeftCanReachTheTop() {
    assertExactTopOfALargeCatalog(true);
  }

  private static void assertExactTopOfALargeCatalog(boolean skewedLengths) {
    int n = 20_000;
    int k = 48;
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    float[] factors = new float[n * k];
    for (int row = 0; row < n; row++) {
      double length = skewedLengths ? Math.exp(2 * random.nextGaussian()) : 1;
      for (int f = 0; f < k; f++) {
        factors[row * k + f] = (float) (random.nextGaussian() * length);
      }
    }
    // every tenth product a copy of the one before: equal scores, ranked by row
    for (int row = 10; row < n; row += 10) {
      System.arraycopy(factors, (row - 1) * k, factors, row * k, k);
    }
    java.util.List<io.fanshelf.indexer.model.ProductId> ids = new java.util.ArrayList<>();
    for (int row = 0; row < n; row++) {
      ids.add(io.fanshelf.indexer.model.ProductId.of("p" + row));
    }
    FactorModel model =
        new FactorModel(
            new io.fanshelf.recommender.collaborative.ItemIndex(ids),
            k,
            factors,
            new double[k * k],
            0.01,
            0.1,
            1);
    for (int trial = 0; trial < 20; trial++) {
      double[] fan = new double[k];
      for (int f = 0; f < k; f++) {
        fan[f] = random.nextGaussian() * (trial + 1);
      }
      double[] scores = new double[n];
      for (int row = 0; row < n; row++) {
        scores[row] = row % 3 == 0 ? Double.NEGATIVE_INFINITY : model.score(fan, row);
      }
      assertArrayEquals(
          TopK.indices(scores, 200), model.topRows(fan, 200, row -> row % 3 != 0), "fan " + trial);
    }
  }

  @Test
  void badOptionsAreNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new AlsOptions(0, 10, 0.01, 0.1, 1, 0.1, 3, 1));
    assertEquals("factors must be between 1 and 1024, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EaseOptions(0, 100, 10));
    assertEquals("regularization must be > 0, got 0.0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new ItemKnnOptions("jaccard", 10, 0, 1, 0));
    assertEquals("similarity must be item-knn or rp3beta, got jaccard", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CollaborativeOptions.of("svd", java.util.Map.of()));
    assertTrue(e.getMessage().contains("ials, ease"), e.getMessage());
  }
}
