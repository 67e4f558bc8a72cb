package io.fanshelf.indexer.aggregate;

import static io.fanshelf.indexer.aggregate.Fixture.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelLiftTest {
  private static final double EPS = 1e-12;
  private static final String CREAM = "美妆>护肤>面霜";
  private final Fixture fixture = new Fixture();
  private final ProductId cream = fixture.product("cream", CREAM, "Lily", 10_000);
  private final ProductId lipstick = fixture.product("lipstick", "美妆>彩妆", "Rose", 8_000);
  private int minute;

  /**
   * f1 oily; f2 dry; f3 oily for shop-a and dry for shop-b; f4 unlabelled. Purchases: f1 3 creams
   * and 1 lipstick, f2 1 cream and 3 lipsticks, f3 1 cream, f4 5 creams.
   */
  private EventAggregates build(AggregateOptions options) {
    fixture.member("shop-a", "f1", "skin_type", "oily");
    fixture.member("shop-a", "f2", "skin_type", "dry");
    fixture.member("shop-a", "f3", "skin_type", "oily");
    fixture.member("shop-b", "f3", "skin_type", "dry");
    fixture.member("shop-a", "f4");
    EventAggregates aggregates = fixture.aggregates(options);
    buy(aggregates, "f1", cream, 3);
    buy(aggregates, "f1", lipstick, 1);
    buy(aggregates, "f2", cream, 1);
    buy(aggregates, "f2", lipstick, 3);
    buy(aggregates, "f3", cream, 1);
    buy(aggregates, "f4", cream, 5);
    aggregates.add(fixture.event("f1", lipstick, EventType.IMPRESSION, minutes(minute)));
    return aggregates;
  }

  private void buy(EventAggregates aggregates, String fan, ProductId product, int times) {
    for (int i = 0; i < times; i++) {
      aggregates.add(fixture.event(fan, product, EventType.PURCHASE, minutes(minute++)));
    }
  }

  @Test
  void liftIsSmoothedTowardOne() {
    EventAggregates aggregates = build(AggregateOptions.defaults().withLiftPrior(10));

    // skin_type: W = 4 + 4 + 1 = 9 (f3 counts once), W(cream) = 3 + 1 + 1 = 5, P = 5/9.
    // oily (f1, f3): W = 5, W(cream) = 4; P(cream | oily) = (4 + 10 * 5/9) / (5 + 10).
    LabelLift oily = aggregates.lift("skin_type", "oily", CREAM);
    assertEquals(86.0 / 75, oily.lift(), EPS);
    assertEquals(4, oily.valueCategoryWeight(), EPS);
    assertEquals(5, oily.valueWeight(), EPS);
    assertEquals(5, oily.dimensionCategoryWeight(), EPS);
    assertEquals(9, oily.dimensionWeight(), EPS);
    assertEquals(4, oily.valueCategoryEvents());
    assertEquals(5, oily.valueEvents());
    // dry (f2, f3): W = 5, W(cream) = 2
    assertEquals(68.0 / 75, aggregates.lift("skin_type", "dry", CREAM).lift(), EPS);
    for (String value : List.of("oily", "dry", "combination")) {
      for (String category : List.of(CREAM, "美妆", "美妆>彩妆", "家居")) {
        assertEquals(
            aggregates.lift("skin_type", value, category).lift(),
            aggregates.liftValue("skin_type", value, category),
            EPS,
            value + " " + category);
      }
    }
    assertEquals(1, aggregates.liftValue("age", "25-34", CREAM));
  }

  @Test
  void withoutAPriorLiftIsTheRawRatio() {
    EventAggregates aggregates = build(AggregateOptions.defaults().withLiftPrior(0));
    assertEquals((4.0 / 5) / (5.0 / 9), aggregates.lift("skin_type", "oily", CREAM).lift(), EPS);
    assertEquals((1.0 / 5) / (4.0 / 9), aggregates.lift("skin_type", "oily", "美妆>彩妆").lift(), EPS);
  }

  @Test
  void noEvidenceMeansLiftOne() {
    EventAggregates aggregates = build(AggregateOptions.defaults());
    assertEquals(1, aggregates.lift("skin_type", "oily", "家居").lift());
    assertEquals(1, aggregates.lift("skin_type", "combination", CREAM).lift(), EPS);
    assertEquals(0, aggregates.lift("skin_type", "combination", CREAM).valueEvents());
    assertEquals(1, aggregates.lift("age", "25-34", CREAM).lift());
    assertEquals(List.of(), aggregates.topLifts("age", "25-34", 5, 0));
  }

  @Test
  void topLiftsRankCategoriesOfEveryLevelWithEnoughSupport() {
    EventAggregates aggregates = build(AggregateOptions.defaults());
    List<LabelLift> top = aggregates.topLifts("skin_type", "oily", 10, 1);
    assertEquals(
        List.of("美妆>护肤", CREAM, "美妆", "美妆>彩妆"), top.stream().map(LabelLift::categoryKey).toList());
    assertEquals(86.0 / 75, top.get(0).lift(), EPS);
    assertEquals(1, top.get(2).lift(), EPS);
    // lipstick: W(d) = 4, W(oily) = 1 -> (1 + 10 * 4/9) / 15 / (4/9)
    assertEquals(49.0 / 60, top.get(3).lift(), EPS);
    assertEquals(3, aggregates.topLifts("skin_type", "oily", 10, 2).size());
    assertEquals(1, aggregates.topLifts("skin_type", "oily", 1, 1).size());
  }

  @Test
  void topLiftsFollowNewEventsOfTheValueAndOfTheRestOfItsDimension() {
    EventAggregates aggregates = build(AggregateOptions.defaults().withLiftPrior(0));
    LabelLift before = aggregates.topLifts("skin_type", "oily", 10, 1).get(1);
    assertEquals(CREAM, before.categoryKey());
    assertEquals((4.0 / 5) / (5.0 / 9), before.lift(), EPS);

    buy(aggregates, "f2", lipstick, 1); // a dry fan: only the dimension's totals move
    assertEquals(
        (4.0 / 5) / (5.0 / 10), aggregates.topLifts("skin_type", "oily", 10, 1).get(1).lift(), EPS);

    buy(aggregates, "f1", cream, 1); // the value itself
    assertEquals(
        (5.0 / 6) / (6.0 / 11), aggregates.topLifts("skin_type", "oily", 10, 1).get(1).lift(), EPS);
  }
}
