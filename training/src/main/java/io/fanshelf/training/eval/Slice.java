package io.fanshelf.training.eval;

import io.fanshelf.training.dataset.FanCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Groups of test fans that metrics are reported for. A fan is in {@code all} and in each slice
 * whose rule it meets; {@code new}, {@code light} and {@code warm} split by the fan's positive
 * events before the test moment.
 */
public enum Slice {
  /** Every test fan. */
  ALL,
  /** No positive event before the test moment: what the shop knows is the labels, if any. */
  NEW,
  /** 1 to 5 positive events before. */
  LIGHT,
  /** More than 5 positive events before. */
  WARM,
  /** The owner had labelled the fan. */
  LABELLED,
  /** The owner had not labelled the fan. */
  UNLABELLED,
  /** Labelled with no positive event before: where labels are all there is. */
  LABELLED_NEW,
  /** Labelled with at most 5 positive events before: where labels should help most. */
  LABELLED_LIGHT,
  /** Fans the cold-start protocol cut to their first events. */
  COLD_START,
  /** Labelled fans among those. */
  LABELLED_COLD_START;

  /** The name used in reports: lower case with dashes, e.g. {@code labelled-light}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The slices a fan belongs to, {@code all} first. */
  public static List<Slice> of(FanCase fan) {
    List<Slice> slices = new ArrayList<>();
    slices.add(ALL);
    int events = fan.trainingEvents();
    if (events == 0) {
      slices.add(NEW);
    } else if (events >= 1 && events <= 5) {
      slices.add(LIGHT);
    } else if (events > 5) {
      slices.add(WARM);
    }
    slices.add(fan.labelled() ? LABELLED : UNLABELLED);
    if (fan.labelled() && events == 0) {
      slices.add(LABELLED_NEW);
    }
    if (fan.labelled() && events <= 5) {
      slices.add(LABELLED_LIGHT);
    }
    if (fan.cut()) {
      slices.add(COLD_START);
      if (fan.labelled()) {
        slices.add(LABELLED_COLD_START);
      }
    }
    return slices;
  }
}
