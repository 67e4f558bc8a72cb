package io.fanshelf.indexer.aggregate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Label value x category statistics over labelled fans' positive events: for each dimension and
 * each (dimension, value), the undecayed weight and event count per category key and in total. See
 * {@link LabelLift} for what is derived from them. Not thread-safe: {@link EventAggregates} guards
 * it.
 */
final class LabelStatistics {
  private final Interner<String> dimensions = new Interner<>();
  private final Interner<String> values = new Interner<>();
  // dimension -> value -> index in values: lookups without building the joined key string.
  private final Map<String, Map<String, Integer>> valueIndexes = new HashMap<>();
  private final List<Cell> byDimension = new ArrayList<>();
  private final List<Cell> byValue = new ArrayList<>();
  private final Interner<String> categories;
  private final double prior;

  /** Weight and count per category, and in total, for one dimension or one value. */
  private static final class Cell {
    final IntDoubleMap weights;
    final IntDoubleMap events;
    double weight;
    long eventCount;
    // Counts every change, so that a cached top() of a value knows when it went stale.
    long changes;
    // A value's last top() answer, which every labelled fan's recommendation asks for; valid while
    // neither the value nor its dimension changed.
    volatile Top top;

    Cell(IntDoubleMap weights, IntDoubleMap events) {
      this.weights = weights;
      this.events = events;
    }

    /** Counts one event in (sign 1) or takes it out again (sign -1). */
    void add(int[] categoryKeys, double amount, int sign) {
      weight += sign * amount;
      eventCount += sign;
      for (int category : categoryKeys) {
        weights.add(category, sign * amount);
        events.add(category, sign);
      }
      changes++;
    }
  }

  LabelStatistics(Interner<String> categories, double prior) {
    this.categories = categories;
    this.prior = prior;
  }

  /** Counts one positive event of a fan with these labels on a product in these categories. */
  void add(SortedMap<String, SortedSet<String>> labels, int[] categoryKeys, double weight) {
    labels.forEach(
        (dimension, valueIds) -> {
          cell(byDimension, dimensions.intern(dimension)).add(categoryKeys, weight, 1);
          for (String value : valueIds) {
            cell(byValue, valueIndex(dimension, value)).add(categoryKeys, weight, 1);
          }
        });
  }

  /**
   * Moves one positive event, counted so far for a fan with labels {@code before}, to the fan's
   * labels {@code after}: only the dimensions and values that differ change.
   */
  void relabel(
      SortedMap<String, SortedSet<String>> before,
      SortedMap<String, SortedSet<String>> after,
      int[] categoryKeys,
      double weight) {
    countDifference(before, after, categoryKeys, weight, -1);
    countDifference(after, before, categoryKeys, weight, 1);
  }

  /** Adds (sign 1) or takes out (sign -1) the event for what {@code these} has and others not. */
  private void countDifference(
      SortedMap<String, SortedSet<String>> these,
      SortedMap<String, SortedSet<String>> others,
      int[] categoryKeys,
      double weight,
      int sign) {
    these.forEach(
        (dimension, valueIds) -> {
          SortedSet<String> otherValues = others.get(dimension);
          if (otherValues == null) {
            cell(byDimension, dimensions.intern(dimension)).add(categoryKeys, weight, sign);
          }
          for (String value : valueIds) {
            if (otherValues == null || !otherValues.contains(value)) {
              cell(byValue, valueIndex(dimension, value)).add(categoryKeys, weight, sign);
            }
          }
        });
  }

  private int valueIndex(String dimension, String value) {
    return valueIndexes
        .computeIfAbsent(dimension, d -> new HashMap<>())
        .computeIfAbsent(value, v -> values.intern(key(dimension, v)));
  }

  private int findValue(String dimension, String value) {
    Map<String, Integer> ofDimension = valueIndexes.get(dimension);
    Integer index = ofDimension == null ? null : ofDimension.get(value);
    return index == null ? -1 : index;
  }

  /** {@link LabelLift#lift()} of {@link #lift}, without building the record. */
  double liftValue(String dimension, String value, String categoryKey) {
    int category = categories.find(categoryKey);
    Cell d = get(byDimension, dimensions.find(dimension));
    Cell v = get(byValue, findValue(dimension, value));
    return LabelLift.compute(
        v == null || category < 0 ? 0 : v.weights.get(category),
        v == null ? 0 : v.weight,
        d == null || category < 0 ? 0 : d.weights.get(category),
        d == null ? 0 : d.weight,
        prior);
  }

  LabelLift lift(String dimension, String value, String categoryKey) {
    return lift(dimension, value, categoryKey, categories.find(categoryKey));
  }

  private LabelLift lift(String dimension, String value, String categoryKey, int category) {
    Cell d = get(byDimension, dimensions.find(dimension));
    Cell v = get(byValue, findValue(dimension, value));
    double vc = v == null || category < 0 ? 0 : v.weights.get(category);
    double dc = d == null || category < 0 ? 0 : d.weights.get(category);
    double vw = v == null ? 0 : v.weight;
    double dw = d == null ? 0 : d.weight;
    return new LabelLift(
        dimension,
        value,
        categoryKey,
        LabelLift.compute(vc, vw, dc, dw, prior),
        vc,
        vw,
        dc,
        dw,
        v == null || category < 0 ? 0 : Math.round(v.events.get(category)),
        v == null ? 0 : v.eventCount);
  }

  private record Top(
      long dimensionChanges, long valueChanges, int k, long minEvents, List<LabelLift> lifts) {}

  /**
   * The value's categories with at least {@code minEvents} events, highest lift first. Called under
   * the aggregates' read lock by many threads at once: the answer is cached in the value's cell (a
   * benign race: threads that miss together compute the same list).
   */
  List<LabelLift> top(String dimension, String value, int k, long minEvents) {
    Cell v = get(byValue, findValue(dimension, value));
    if (v == null) {
      return List.of();
    }
    Cell d = get(byDimension, dimensions.find(dimension));
    long dimensionChanges = d == null ? 0 : d.changes;
    Top cached = v.top;
    if (cached != null
        && cached.dimensionChanges() == dimensionChanges
        && cached.valueChanges() == v.changes
        && cached.k() == k
        && cached.minEvents() == minEvents) {
      return cached.lifts();
    }
    List<LabelLift> computed = computeTop(v, dimension, value, k, minEvents);
    v.top = new Top(dimensionChanges, v.changes, k, minEvents, computed);
    return computed;
  }

  private List<LabelLift> computeTop(
      Cell v, String dimension, String value, int k, long minEvents) {
    List<LabelLift> lifts = new ArrayList<>();
    v.events.forEach(
        (category, events) -> {
          if (events >= minEvents) {
            lifts.add(lift(dimension, value, categories.get(category), category));
          }
        });
    lifts.sort(
        Comparator.comparingDouble(LabelLift::lift)
            .reversed()
            .thenComparing(LabelLift::categoryKey));
    return List.copyOf(lifts.subList(0, Math.min(k, lifts.size())));
  }

  int values() {
    return values.size();
  }

  private static String key(String dimension, String value) {
    // Dimension ids are lower-case codes, so the unit separator cannot occur inside one.
    return dimension + '\u001f' + value;
  }

  private static Cell cell(List<Cell> cells, int index) {
    if (index == cells.size()) {
      cells.add(new Cell(new IntDoubleMap(), new IntDoubleMap()));
    }
    return cells.get(index);
  }

  private static Cell get(List<Cell> cells, int index) {
    return index < 0 ? null : cells.get(index);
  }

  /** Writes everything but the category keys, which belong to the aggregates' own interner. */
  void write(SnapshotOutput out) throws IOException {
    dimensions.write(out, dimension -> dimension);
    values.write(out, value -> value);
    writeCells(out, byDimension);
    writeCells(out, byValue);
  }

  private static void writeCells(SnapshotOutput out, List<Cell> cells) throws IOException {
    out.writeInt(cells.size());
    for (Cell cell : cells) {
      cell.weights.write(out);
      cell.events.write(out);
      out.writeDouble(cell.weight);
      out.writeLong(cell.eventCount);
    }
  }

  /** Fills this empty instance with what {@link #write} wrote. */
  void read(SnapshotInput in) throws IOException {
    dimensions.read(in, dimension -> dimension);
    values.read(in, value -> value);
    for (int i = 0; i < values.size(); i++) {
      String joined = values.get(i);
      int separator = joined.indexOf('\u001f');
      if (separator < 0) {
        throw new SnapshotRefusedException("corrupt: a label value without its dimension");
      }
      valueIndexes
          .computeIfAbsent(joined.substring(0, separator), d -> new HashMap<>())
          .put(joined.substring(separator + 1), i);
    }
    readCells(in, byDimension);
    readCells(in, byValue);
    if (byDimension.size() > dimensions.size() || byValue.size() > values.size()) {
      throw new SnapshotRefusedException("corrupt: more label cells than labels");
    }
  }

  private static void readCells(SnapshotInput in, List<Cell> cells) throws IOException {
    int n = in.readCount(1);
    for (int i = 0; i < n; i++) {
      Cell cell = new Cell(IntDoubleMap.read(in), IntDoubleMap.read(in));
      cell.weight = in.readDouble();
      cell.eventCount = in.readLong();
      cells.add(cell);
    }
  }
}
