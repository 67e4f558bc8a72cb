package io.fanshelf.recommender.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The logistic fit: a planted signal is recovered, no signal gives no weight, too little: none. */
class PurchaseModelTest {

  /** Rows of (1, signal, noise) labelled by a known logistic model of the signal. */
  private record Sample(List<double[]> rows, boolean[] bought) {
    static Sample of(int n, double intercept, double signalWeight, long seed) {
      Random random = new Random(seed);
      List<double[]> rows = new ArrayList<>();
      boolean[] bought = new boolean[n];
      for (int i = 0; i < n; i++) {
        double signal = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
        double noise = Math.log1p(random.nextInt(10));
        rows.add(new double[] {1, signal, noise});
        double p = 1 / (1 + Math.exp(-(intercept + signalWeight * signal)));
        bought[i] = random.nextDouble() < p;
      }
      return new Sample(rows, bought);
    }
  }

  @Test
  void aPlantedSignalIsRecovered() {
    Sample sample = Sample.of(20_000, -1, 2.5, 1);
    PurchaseModel model = PurchaseModel.fit(sample.rows(), sample.bought()).orElseThrow();
    assertEquals(-1, model.weight(0), 0.1);
    assertEquals(2.5, model.weight(1), 0.25);
    assertEquals(0, model.weight(2), 0.05, "the noise column");
    assertEquals(1 / (1 + Math.exp(-1.5)), model.probability(new double[] {1, 1, 0}), 0.03);
  }

  @Test
  void noSignalGivesNoLift() {
    Sample sample = Sample.of(5_000, -0.5, 0, 2);
    PurchaseModel model = PurchaseModel.fit(sample.rows(), sample.bought()).orElseThrow();
    double base = model.probability(new double[] {1, 0, 1});
    double signalled = model.probability(new double[] {1, 1, 1});
    assertEquals(1 / (1 + Math.exp(0.5)), base, 0.03);
    assertEquals(base, signalled, 0.05, "the signal column says nothing about buying");
  }

  @Test
  void tooFewBuyersOrRowsGiveNoFit() {
    assertTrue(PurchaseModel.fit(List.of(), new boolean[0]).isEmpty());
    // Two columns at least (intercept and noise) need 20 buyers and 20 non-buyers: 30 rows cannot.
    Sample few = Sample.of(30, 0, 1, 3);
    assertTrue(PurchaseModel.fit(few.rows(), few.bought()).isEmpty());
    // Enough rows, but hardly anyone bought.
    Sample rare = Sample.of(2_000, -6, 0, 4);
    assertTrue(PurchaseModel.fit(rare.rows(), rare.bought()).isEmpty());
  }

  @Test
  void aColumnThatHardlyEverFiresIsNotFitted() {
    Sample sample = Sample.of(3_000, -0.5, 1, 5);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < sample.rows().size(); i++) {
      double[] row = sample.rows().get(i);
      rows.add(new double[] {row[0], row[1], row[2], i < PurchaseModel.MIN_NON_ZERO - 1 ? 1 : 0});
    }
    PurchaseModel model = PurchaseModel.fit(rows, sample.bought()).orElseThrow();
    assertTrue(model.fitted(1));
    assertFalse(model.fitted(3));
    assertEquals(0, model.weight(3));
  }

  @Test
  void rowsAndLabelsMustAgree() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PurchaseModel.fit(List.of(new double[] {1, 0}), new boolean[2]));
    assertThrows(
        IllegalArgumentException.class,
        () -> PurchaseModel.fit(List.of(new double[] {0, 1}), new boolean[1]));
  }
}
