package io.fanshelf.recommender.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Keeps the top of a ranked list varied: each {@link Cap} allows at most {@code max} items of one
 * category within the first {@code window} positions. Each position takes the best ranked item that
 * every cap still covering it allows; when none is left, the tightest caps give way first (a short
 * list of one category still fills the page), and once no cap can be met the rest follows in rank
 * order. One click on a lipstick can so lift lipsticks, but not fill the first screen with them.
 * Stateless.
 */
public final class Diversity {
  private Diversity() {}

  /**
   * At most {@code max} items of one category in the first {@code window} positions; 0 is no cap.
   */
  public record Cap(int max, int window) {
    public Cap {
      if (max < 0 || window < 1) {
        throw new IllegalArgumentException(
            "a cap needs max >= 0 and window >= 1, got " + max + " and " + window);
      }
    }
  }

  /** The caps of {@code options}: leaf categories in the first screen and in the top. */
  public static List<Cap> caps(RuleOptions options) {
    return List.of(
        new Cap(options.topMaxPerCategory(), options.topWindow()),
        new Cap(options.maxPerCategory(), options.diversityWindow()));
  }

  public static <T> List<T> apply(List<T> ranked, ToIntFunction<T> category, List<Cap> caps) {
    List<Cap> active =
        caps.stream()
            .filter(cap -> cap.max() > 0)
            .sorted(Comparator.comparingInt(Cap::window))
            .toList();
    int reach = active.stream().mapToInt(Cap::window).max().orElse(0);
    if (reach == 0) {
      return ranked;
    }
    // per cap, how many of each category it has counted so far
    List<Map<Integer, Integer>> counts = new ArrayList<>();
    active.forEach(cap -> counts.add(new HashMap<>()));
    LinkedList<T> left = new LinkedList<>(ranked);
    List<T> out = new ArrayList<>(ranked.size());
    while (out.size() < reach && !left.isEmpty()) {
      T next = null;
      for (int loosest = 0; next == null && loosest < active.size(); loosest++) {
        next = takeFirstAllowed(left, category, active, counts, out.size(), loosest);
      }
      if (next == null) {
        break;
      }
      int c = category.applyAsInt(next);
      for (int i = 0; i < active.size(); i++) {
        if (out.size() < active.get(i).window()) {
          counts.get(i).merge(c, 1, Integer::sum);
        }
      }
      out.add(next);
    }
    out.addAll(left);
    return out;
  }

  /**
   * Removes and returns the first item of {@code left} that the caps from {@code from} on allow at
   * {@code position}, or null.
   */
  private static <T> T takeFirstAllowed(
      LinkedList<T> left,
      ToIntFunction<T> category,
      List<Cap> caps,
      List<Map<Integer, Integer>> counts,
      int position,
      int from) {
    ListIterator<T> it = left.listIterator();
    while (it.hasNext()) {
      T item = it.next();
      int c = category.applyAsInt(item);
      boolean allowed = true;
      for (int i = from; i < caps.size() && allowed; i++) {
        Cap cap = caps.get(i);
        allowed = position >= cap.window() || counts.get(i).getOrDefault(c, 0) < cap.max();
      }
      if (allowed) {
        it.remove();
        return item;
      }
    }
    return null;
  }
}
