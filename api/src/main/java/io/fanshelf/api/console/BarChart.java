package io.fanshelf.api.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for inline SVG: bars with their values written above them, a value axis with
 * round ticks and grid lines, and date labels under every fifth bar. The server lays it out, so the
 * page needs no script and no charting library. Immutable.
 *
 * @param bars the bars, left to right
 * @param ticks the value axis's ticks, bottom up
 * @param max the value at the top of the axis
 */
public record BarChart(List<Bar> bars, List<Tick> ticks, long max) {
  public static final int WIDTH = 720;
  public static final int HEIGHT = 240;
  public static final int LEFT = 44;
  public static final int RIGHT = 20;
  public static final int TOP = 18;
  public static final int BOTTOM = 26;

  /** Where bars stand, in SVG units. */
  public static final int BASELINE = HEIGHT - BOTTOM;

  /**
   * One bar.
   *
   * @param x left edge
   * @param y top edge
   * @param width width
   * @param height height
   * @param centre the middle, for the labels above and below
   * @param label the full date, for the tooltip
   * @param axisLabel the date under the bar, or empty
   * @param value the value
   */
  public record Bar(
      double x,
      double y,
      double width,
      double height,
      double centre,
      String label,
      String axisLabel,
      long value) {}

  /** A value on the axis and its height in SVG units. */
  public record Tick(long value, double y) {}

  /** One value per day; {@code labels} and {@code axisLabels} run beside {@code values}. */
  public static BarChart of(List<String> labels, List<String> axisLabels, List<Long> values) {
    long largest = values.stream().mapToLong(Long::longValue).max().orElse(0);
    long step = niceStep(largest);
    long max = Math.max(step, ((largest + step - 1) / step) * step);
    double plot = BASELINE - TOP;
    List<Tick> ticks = new ArrayList<>();
    for (long value = 0; value <= max; value += step) {
      ticks.add(new Tick(value, BASELINE - plot * value / max));
    }
    double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, values.size());
    double width = Math.max(1, slot * 0.7);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      long value = values.get(i);
      double height = plot * value / max;
      double x = LEFT + i * slot + (slot - width) / 2;
      bars.add(
          new Bar(
              x,
              BASELINE - height,
              width,
              height,
              x + width / 2,
              labels.get(i),
              axisLabels.get(i),
              value));
    }
    return new BarChart(bars, ticks, max);
  }

  /** A step of 1, 2 or 5 times a power of ten that splits the range into at most five ticks. */
  static long niceStep(long largest) {
    if (largest <= 5) {
      return 1;
    }
    long step = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (largest <= step * factor * 5) {
          return step * factor;
        }
      }
      step *= 10;
    }
  }
}
