package io.fanshelf.recommender.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
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
    return arrange(ranked, category, caps, ranked.size(), true).orElseThrow();
  }

  /**
   * The first {@code count} items that {@link #apply} would give for a ranked list that {@code
   * begun} is the start of, or empty when they depend on items past it: when a cap gives way (it
   * might have been met further down) or fewer than {@code count} are left. A page of 20 is so
   * arranged from the best ranked few instead of every candidate.
   */
  public static <T> Optional<List<T>> first(
      List<T> begun, ToIntFunction<T> category, List<Cap> caps, int count) {
    return arrange(begun, category, caps, count, false);
  }

  private static <T> Optional<List<T>> arrange(
      List<T> ranked, ToIntFunction<T> category, List<Cap> caps, int count, boolean whole) {
    List<Cap> active =
        caps.stream()
            .filter(cap -> cap.max() > 0)
            .sorted(Comparator.comparingInt(Cap::window))
            .toList();
    int reach = Math.min(count, active.stream().mapToInt(Cap::window).max().orElse(0));
    if (!whole && ranked.size() < count) {
      return Optional.empty();
    }
    if (reach == 0) {
      return Optional.of(ranked.subList(0, Math.min(count, ranked.size())));
    }
    // per cap, how many of each category it has counted so far
    List<Map<Integer, Integer>> counts = new ArrayList<>();
    active.forEach(cap -> counts.add(new HashMap<>()));
    LinkedList<T> left = new LinkedList<>(ranked);
    List<T> out = new ArrayList<>(ranked.size());
    while (out.size() < reach && !left.isEmpty()) {
      T next = null;
      int tried = 0;
      while (next == null && tried < active.size()) {
        next = takeFirstAllowed(left, category, active, counts, out.size(), tried++);
      }
      if (!whole && (next == null || tried > 1)) {
        // a cap gave way (or none could be met) on this part of the list: the rest might meet it
        return Optional.empty();
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
    for (T item : left) {
      if (out.size() == count) {
        break;
      }
      out.add(item);
    }
    return !whole && out.size() < count ? Optional.empty() : Optional.of(out);
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
