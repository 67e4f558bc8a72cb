package io.fanshelf.api.console;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class BarChartTest {
  @Test
  void theAxisEndsOnARoundNumberAtOrAboveTheLargestValue() {
    Assertions.assertEquals(1, BarChart.niceStep(0));
    Assertions.assertEquals(1, BarChart.niceStep(5));
    Assertions.assertEquals(2, BarChart.niceStep(7));
    Assertions.assertEquals(20, BarChart.niceStep(87));
    Assertions.assertEquals(500, BarChart.niceStep(1234));
    BarChart chart =
        BarChart.of(List.of("a", "b", "c"), List.of("", "", "c"), List.of(0L, 87L, 40L));
    Assertions.assertEquals(100, chart.max());
    Assertions.assertEquals(
        List.of(0L, 20L, 40L, 60L, 80L, 100L),
        chart.ticks().stream().map(BarChart.Tick::value).toList());
  }

  @Test
  void barsStandOnTheBaselineInProportionToTheirValues() {
    BarChart chart = BarChart.of(List.of("a", "b"), List.of("", ""), List.of(50L, 100L));
    BarChart.Bar half = chart.bars().get(0);
    BarChart.Bar full = chart.bars().get(1);
    Assertions.assertEquals(BarChart.BASELINE, half.y() + half.height(), 1e-9);
    Assertions.assertEquals(BarChart.TOP, full.y(), 1e-9);
    Assertions.assertEquals(full.height() / 2, half.height(), 1e-9);
    Assertions.assertTrue(half.x() + half.width() < full.x(), "bars do not overlap");
  }

  @Test
  void anEmptyMonthStillHasAnAxis() {
    BarChart chart = BarChart.of(List.of("a"), List.of("a"), List.of(0L));
    Assertions.assertEquals(1, chart.max());
    Assertions.assertEquals(0, chart.bars().getFirst().height(), 1e-9);
  }
}
