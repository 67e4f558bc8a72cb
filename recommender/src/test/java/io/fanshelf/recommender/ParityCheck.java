package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares what two recommenders over the same data answer, "up to ties": the same number of items,
 * at every position the same score (within float rounding), the same products in every run of equal
 * scores, and where the product is the same, the same sources, reasons and pin. Only the run of
 * equal scores that reaches the end of a list may hold other products on each side (a tie at the
 * cut). Collects every difference and fails with all of them at once. Not thread-safe.
 */
final class ParityCheck {
  /** Relative: features are floats, so sums taken in another order may differ in the last bit. */
  private static final double TOLERANCE = 1e-6;

  private static final int SHOWN = 25;

  private final String name;
  private final Recommender expected;
  private final Recommender actual;
  private final List<String> differences = new ArrayList<>();
  private int lists;
  private int items;
  private int tiedPositions;
  private final long started = System.nanoTime();

  /**
   * @param expected the reference (Lucene)
   * @param actual the backend under test (Elasticsearch)
   */
  ParityCheck(String name, Recommender expected, Recommender actual) {
    this.name = name;
    this.expected = expected;
    this.actual = actual;
  }

  /** Asks both recommenders and compares the lists and what they say about them. */
  void recommend(RecommendRequest request) throws IOException {
    Recommendations left = expected.recommend(request);
    Recommendations right = actual.recommend(request);
    String what = describe(request);
    if (left.candidates() != right.candidates() || left.fallback() != right.fallback()) {
      differences.add(
          String.format(
              Locale.ROOT,
              "%s: lucene scored %d candidates (fallback %s), elasticsearch %d (fallback %s)",
              what,
              left.candidates(),
              left.fallback(),
              right.candidates(),
              right.fallback()));
    }
    compare(what, left.items(), right.items());
  }

  void compare(String what, List<RecommendedItem> left, List<RecommendedItem> right) {
    lists++;
    items += left.size();
    if (left.size() != right.size()) {
      differences.add(
          what + ": lucene " + ids(left) + ", elasticsearch " + ids(right) + " (lengths differ)");
      return;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!close(left.get(i).score(), right.get(i).score())) {
        differences.add(
            String.format(
                Locale.ROOT,
                "%s: at %d lucene %s (%.9f), elasticsearch %s (%.9f); lucene %s, elasticsearch %s",
                what,
                i + 1,
                left.get(i).product().id(),
                left.get(i).score(),
                right.get(i).product().id(),
                right.get(i).score(),
                ids(left),
                ids(right)));
        return;
      }
    }
    for (int from = 0; from < left.size(); ) {
      int to = from + 1;
      while (to < left.size() && close(left.get(to).score(), left.get(from).score())) {
        to++;
      }
      if (to - from > 1) {
        tiedPositions += to - from;
      }
      Set<Object> leftRun = new HashSet<>(ids(left.subList(from, to)));
      Set<Object> rightRun = new HashSet<>(ids(right.subList(from, to)));
      if (to < left.size() && !leftRun.equals(rightRun)) {
        differences.add(
            what
                + ": tied at "
                + (from + 1)
                + "-"
                + to
                + " lucene "
                + leftRun
                + " elasticsearch "
                + rightRun);
      }
      from = to;
    }
    for (int i = 0; i < left.size(); i++) {
      RecommendedItem l = left.get(i);
      RecommendedItem r = right.get(i);
      if (l.product().id().equals(r.product().id())
          && !(l.product().equals(r.product())
              && l.sources().equals(r.sources())
              && l.reasons().equals(r.reasons())
              && l.pinned() == r.pinned())) {
        differences.add(
            what
                + ": "
                + l.product().id()
                + " at "
                + (i + 1)
                + " differs: lucene "
                + l
                + ", elasticsearch "
                + r);
      }
    }
  }

  /**
   * Fails with every difference found; also fails if fewer than {@code minLists} lists or {@code
   * minItems} items were compared, so a check that compared (almost) nothing cannot pass.
   */
  void assertSame(int minLists, int minItems) {
    System.out.printf(
        Locale.ROOT,
        "parity %s: %d lists, %d items compared, %d positions in ties, %d differences (%.1f s)%n",
        name,
        lists,
        items,
        tiedPositions,
        differences.size(),
        (System.nanoTime() - started) / 1e9);
    if (!differences.isEmpty()) {
      fail(
          differences.size()
              + " of "
              + lists
              + " lists differ between Lucene and Elasticsearch ("
              + name
              + "):\n"
              + differences.stream().limit(SHOWN).collect(Collectors.joining("\n")));
    }
    assertTrue(lists >= minLists, () -> "only " + lists + " lists compared, expected " + minLists);
    assertTrue(items >= minItems, () -> "only " + items + " items compared, expected " + minItems);
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static List<Object> ids(List<RecommendedItem> items) {
    return items.stream().map(i -> (Object) i.product().id().value()).toList();
  }

  private static String describe(RecommendRequest r) {
    return r.owner()
        + "/"
        + r.fan()
        + " "
        + r.section().wireName()
        + r.need().map(n -> " need '" + n + "'").orElse("")
        + (r.categoryPrefixes().isEmpty() ? "" : " in " + r.categoryPrefixes())
        + (r.minPriceCents().isPresent() || r.maxPriceCents().isPresent()
            ? " price " + r.minPriceCents() + ".." + r.maxPriceCents()
            : "");
  }
}
