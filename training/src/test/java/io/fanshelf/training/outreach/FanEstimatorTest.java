package io.fanshelf.training.outreach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FanEstimatorTest {
  static final LocalDate DAY = LocalDate.of(2017, 6, 1);
  static final long D = DAY.toEpochDay();
  static final Instant JOINED = DAY.minusDays(200).atStartOfDay(ZoneOffset.UTC).toInstant();

  static Fan fan(String id) {
    return fan(id, JOINED);
  }

  static Fan fan(String id, Instant joined) {
    return new Fan(OwnerId.of("shop"), FanId.of(id), Optional.empty(), joined);
  }

  /** A purchase at noon (UTC) of the day {@code offset} days from {@link #DAY}. */
  static Event purchase(List<Event> events, String fan, long offset) {
    Instant at = DAY.plusDays(offset).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43_200);
    Event event = Event.of(fan + "-" + events.size(), fan, "p1", EventType.PURCHASE, at);
    events.add(event);
    return event;
  }

  /** The data set's first day, 200 days before the day: a view, so nobody bought on it. */
  static List<Event> dataset() {
    List<Event> events = new ArrayList<>();
    events.add(Event.of("start", "nobody", "p1", EventType.VIEW, JOINED.plusSeconds(3_600)));
    return events;
  }

  @Test
  void historyOnlyEstimatorsReadNothingOnOrAfterTheDayAndOraclesDo() {
    List<Event> events = dataset();
    for (int week = 1; week <= 20; week += 2) {
      purchase(events, "a", -7L * week);
    }
    purchase(events, "b", -3);
    purchase(events, "b", -40);
    List<Fan> fans = List.of(fan("a"), fan("b"), fan("c"));
    Purchases before = Purchases.of(events);
    purchase(events, "b", 0);
    purchase(events, "b", 3);
    purchase(events, "c", 35); // week 5: counted by every oracle
    Purchases after = Purchases.of(events);
    for (FanEstimator estimator : FanEstimator.ceiling()) {
      double[] without = estimator.score(fans, D, 7, before);
      double[] with = estimator.score(fans, D, 7, after);
      if (estimator.oracle()) {
        assertFalse(Arrays.equals(without, with), estimator.name());
      } else {
        assertArrayEquals(without, with, 0, estimator.name());
      }
    }
  }

  @Test
  void weekShareRanksByWeeksWithAPurchaseAndShrinksAShortHistory() {
    List<Event> events = dataset();
    for (int week = 1; week <= 4; week++) {
      purchase(events, "a", -7L * week);
      purchase(events, "a", -7L * week + 1); // a second day in the same week counts once
    }
    purchase(events, "b", -10);
    purchase(events, "b", -60); // 9 weeks before: outside weeks-8
    Instant lateJoin = DAY.minusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant();
    purchase(events, "d", -6);
    purchase(events, "d", -13);
    List<Fan> fans = List.of(fan("a"), fan("b"), fan("c"), fan("d", lateJoin));
    double[] scores = new FanEstimator.WeekShare(8).score(fans, D, 7, Purchases.of(events));

    double[] bought = {4, 1, 0, 2};
    double[] observed = {8, 8, 8, 2};
    BetaPrior prior = BetaPrior.fit(bought, observed);
    assertArrayEquals(prior.posteriorMeans(bought, observed), scores, 1e-12);
    assertTrue(scores[0] > scores[1] && scores[1] > scores[2], Arrays.toString(scores));
    // d bought in both weeks observed; two weeks are weak evidence, so d is pulled to the mean
    assertTrue(scores[3] < 1 && scores[3] > prior.mean(), Arrays.toString(scores));
  }

  @Test
  void betaPriorStrengthComesFromTheSpreadBeyondBinomialNoise() {
    assertEquals(new BetaPrior(0.5, 0), BetaPrior.fit(new double[] {0, 10}, new double[] {10, 10}));
    assertEquals(
        new BetaPrior(0.5, BetaPrior.NO_SPREAD),
        BetaPrior.fit(new double[] {5, 5}, new double[] {10, 10}));
    // shares 0.2 and 0.6 over 10: v = 0.04, rho = (0.04 * 10 / 0.24 - 1) / 9 = 2/27
    BetaPrior prior = BetaPrior.fit(new double[] {2, 6, 0}, new double[] {10, 10, 0});
    assertEquals(0.4, prior.mean(), 1e-12);
    assertEquals(27.0 / 2 - 1, prior.strength(), 1e-9);
    assertArrayEquals(
        new double[] {(2 + 12.5 * 0.4) / 22.5, 0.4},
        prior.posteriorMeans(new double[] {2, 0}, new double[] {10, 0}),
        1e-12);
  }

  @Test
  void gammaPoissonChanceGrowsWithPurchaseDaysAndFollowsTheNegativeBinomial() {
    double[] counts = {0, 2, 6, 12};
    double[] exposures = {60, 60, 60, 60};
    GammaPrior prior = GammaPrior.fit(counts, exposures);
    double[] chances = prior.chances(counts, exposures, 7);
    for (int i = 1; i < chances.length; i++) {
      assertTrue(chances[i] > chances[i - 1], Arrays.toString(chances));
    }
    double b = prior.rate() + 60;
    assertEquals(1 - Math.pow(b / (b + 7), prior.shape() + 6), chances[2], 1e-12);
    // the prior's mean rate is the pooled rate
    assertEquals(20.0 / 240, prior.shape() / prior.rate(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new GammaPrior(0, 1));
  }

  @Test
  void rhythmDuePutsAFanWhoseGapIsEndingAboveOneWhoJustBought() {
    List<Event> events = dataset();
    for (int i = 0; i < 8; i++) {
      purchase(events, "due", -13 - 14L * i); // every 14 days, the last 13 days ago
      purchase(events, "fresh", -1 - 14L * i); // the same rhythm, the last yesterday
    }
    List<Fan> fans = List.of(fan("due"), fan("fresh"));
    Purchases purchases = Purchases.of(events);
    double[] gamma = new FanEstimator.GammaPoisson(52).score(fans, D, 7, purchases);
    assertEquals(gamma[0], gamma[1], 1e-12);
    double[] rhythm = new FanEstimator.RhythmDue(52).score(fans, D, 7, purchases);
    // due: all 7 gaps of 14 days end within 13..19 days; fresh: none ends within 1..7 days
    assertEquals((7 + gamma[0]) / 8, rhythm[0], 1e-12);
    assertEquals(gamma[1] / 8, rhythm[1], 1e-12);
  }

  @Test
  void oraclesCountTheWeeksOfTheWholeData() {
    List<Event> events = dataset();
    for (int week = -27; week <= 2; week += 2) {
      purchase(events, "odd", 7L * week); // odd-numbered weeks only, before and after the day
    }
    purchase(events, "odd", 200); // the data set ends in week 28
    purchase(events, "target", 2);
    List<Fan> fans = List.of(fan("odd"), fan("target"));
    Purchases purchases = Purchases.of(events);
    // weeks -29 (the first observed: day -200) to 28: 58 weeks, 57 without week 0
    double[] all = new FanEstimator.OracleWeeks(true).score(fans, D, 7, purchases);
    assertArrayEquals(new double[] {16.0 / 58, 1.0 / 58}, all, 1e-12);
    double[] others = new FanEstimator.OracleWeeks(false).score(fans, D, 7, purchases);
    assertArrayEquals(new double[] {16.0 / 57, 0}, others, 1e-12);
    double[] odd = new FanEstimator.OracleWeeks(false, true, 0).score(fans, D, 7, purchases);
    assertEquals(15.0 / 29, odd[0], 1e-12); // 15 of the 29 odd weeks in -29..28 (not 28)
    double[] near = new FanEstimator.OracleWeeks(false, false, 13).score(fans, D, 7, purchases);
    assertEquals(8.0 / 26, near[0], 1e-12); // weeks -13, -11, ..., -1, 1 of -13..13 less 0
    assertThrows(IllegalArgumentException.class, () -> new FanEstimator.OracleWeeks(true, true, 0));
  }
}
