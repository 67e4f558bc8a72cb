package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Item-to-item co-occurrence from each fan's time-ordered sequence of positive events.
 *
 * <p>Two positive events of one fan pair when at most {@code window} positions apart in the fan's
 * sequence (ordered by time, then product id, then weight) and at most {@code maxGap} apart in
 * time, and their products differ. A pair adds {@code sqrt(w1 * w2)} to C(a, b) and C(b, a). The
 * set of pairs depends only on the events, not on their arrival order: a late event is inserted at
 * its place in the fan's remembered history, pairs with its neighbours, and each newer event that
 * now has it in its window loses the pair with the event pushed out of that window. Each fan's
 * latest {@code historySize} positive events are remembered; a late event with fewer than {@code
 * window} of them older than itself, once older ones were forgotten, is left out of co-occurrence.
 *
 * <p>Each item keeps a list of neighbours; when it reaches twice {@code neighbours} entries it is
 * pruned back to the {@code neighbours} entries with the highest C(a, b) / sqrt(W(b)), W being the
 * item's undecayed positive weight. Not thread-safe: {@link EventAggregates} guards it.
 */
final class CoOccurrence {
  private static final double EPSILON = 1e-9;

  private final int window;
  private final long maxGapMillis;
  private final int neighbours;
  private final int historySize;
  private final IntToDoubleFunction weightOf;
  private final IntFunction<ProductId> idOf;
  private History[] histories = new History[64];
  private Neighbours[] lists = new Neighbours[64];
  private long entries;
  private long unpaired;

  /** A fan's latest positive events, oldest first. */
  private static final class History {
    int[] products = new int[4];
    long[] times = new long[4];
    double[] weights = new double[4];
    int size;
    boolean truncated;
  }

  /** One item's neighbours and their C values. */
  private static final class Neighbours {
    int[] ids = new int[4];
    double[] counts = new double[4];
    int size;
  }

  CoOccurrence(
      AggregateOptions options, IntToDoubleFunction weightOf, IntFunction<ProductId> idOf) {
    this.window = options.coWindow();
    this.maxGapMillis = options.coMaxGap().toMillis();
    this.neighbours = options.neighbours();
    this.historySize = options.fanHistorySize();
    this.weightOf = weightOf;
    this.idOf = idOf;
  }

  void add(int fan, int product, long time, double weight) {
    if (fan >= histories.length) {
      histories = Arrays.copyOf(histories, Math.max(fan + 1, histories.length * 2));
    }
    History h = histories[fan] == null ? (histories[fan] = new History()) : histories[fan];
    int at = h.size;
    while (at > 0 && sortsAfter(h, at - 1, product, time, weight)) {
      at--;
    }
    if (h.truncated && at < window) {
      unpaired++;
      return;
    }
    for (int older = Math.max(0, at - window); older < at; older++) {
      pair(product, time, weight, h, older, 1);
    }
    for (int newer = at; newer < Math.min(h.size, at + window); newer++) {
      pair(product, time, weight, h, newer, 1);
      if (newer - window >= 0) {
        pair(h.products[newer], h.times[newer], h.weights[newer], h, newer - window, -1);
      }
    }
    insert(h, at, product, time, weight);
  }

  private boolean sortsAfter(History h, int index, int product, long time, double weight) {
    if (h.times[index] != time) {
      return h.times[index] > time;
    }
    if (h.products[index] != product) {
      return idOf.apply(h.products[index]).compareTo(idOf.apply(product)) > 0;
    }
    return h.weights[index] > weight;
  }

  private void pair(int product, long time, double weight, History h, int index, int sign) {
    int other = h.products[index];
    if (other == product || Math.abs(time - h.times[index]) > maxGapMillis) {
      return;
    }
    double amount = sign * Math.sqrt(weight * h.weights[index]);
    bump(product, other, amount);
    bump(other, product, amount);
  }

  private void insert(History h, int at, int product, long time, double weight) {
    if (h.size == h.products.length) {
      int length = Math.min(historySize + 1, h.size * 2);
      h.products = Arrays.copyOf(h.products, length);
      h.times = Arrays.copyOf(h.times, length);
      h.weights = Arrays.copyOf(h.weights, length);
    }
    int moved = h.size - at;
    System.arraycopy(h.products, at, h.products, at + 1, moved);
    System.arraycopy(h.times, at, h.times, at + 1, moved);
    System.arraycopy(h.weights, at, h.weights, at + 1, moved);
    h.products[at] = product;
    h.times[at] = time;
    h.weights[at] = weight;
    h.size++;
    if (h.size > historySize) {
      h.size--;
      System.arraycopy(h.products, 1, h.products, 0, h.size);
      System.arraycopy(h.times, 1, h.times, 0, h.size);
      System.arraycopy(h.weights, 1, h.weights, 0, h.size);
      h.truncated = true;
    }
  }

  private void bump(int item, int other, double amount) {
    if (item >= lists.length) {
      lists = Arrays.copyOf(lists, Math.max(item + 1, lists.length * 2));
    }
    Neighbours n = lists[item];
    int index = n == null ? -1 : indexOf(n, other);
    if (index >= 0) {
      n.counts[index] += amount;
      if (n.counts[index] <= EPSILON) {
        n.size--;
        n.ids[index] = n.ids[n.size];
        n.counts[index] = n.counts[n.size];
        entries--;
      }
      return;
    }
    if (amount <= 0) {
      return; // the pair was pruned away already; nothing to take back
    }
    if (n == null) {
      n = lists[item] = new Neighbours();
    }
    if (n.size == n.ids.length) {
      n.ids = Arrays.copyOf(n.ids, Math.min(2 * neighbours, n.size * 2));
      n.counts = Arrays.copyOf(n.counts, n.ids.length);
    }
    n.ids[n.size] = other;
    n.counts[n.size++] = amount;
    entries++;
    if (n.size == 2 * neighbours) {
      entries -= n.size - neighbours;
      keepBest(n, neighbours, id -> 1 / Math.sqrt(weightOf.applyAsDouble(id)));
    }
  }

  private static int indexOf(Neighbours n, int other) {
    for (int i = 0; i < n.size; i++) {
      if (n.ids[i] == other) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reorders n so its first {@code keep} entries are the best by count * scale(id); drops the rest.
   */
  private void keepBest(Neighbours n, int keep, IntToDoubleFunction scale) {
    int[] order = best(n, keep, scale);
    int[] ids = new int[n.ids.length];
    double[] counts = new double[n.ids.length];
    for (int i = 0; i < order.length; i++) {
      ids[i] = n.ids[order[i]];
      counts[i] = n.counts[order[i]];
    }
    n.ids = ids;
    n.counts = counts;
    n.size = order.length;
  }

  /**
   * Indexes of n's k best entries, best first by count * scale(id), ties by product id. A heap of
   * the k best so far (the worst of them on top) over primitive indexes: queries ask for a few of
   * up to twice {@code neighbours} entries on every recommendation.
   */
  private int[] best(Neighbours n, int k, IntToDoubleFunction scale) {
    double[] scores = new double[n.size];
    for (int i = 0; i < n.size; i++) {
      scores[i] = n.counts[i] * scale.applyAsDouble(n.ids[i]);
    }
    int[] heap = new int[Math.min(k, n.size)];
    int size = 0;
    for (int i = 0; i < n.size; i++) {
      if (size < heap.length) {
        heap[size] = i;
        siftUp(heap, size++, n, scores);
      } else if (before(n, scores, i, heap[0])) {
        heap[0] = i;
        siftDown(heap, size, n, scores);
      }
    }
    int[] order = new int[size];
    for (int last = size - 1; last >= 0; last--) {
      order[last] = heap[0];
      heap[0] = heap[last];
      siftDown(heap, last, n, scores);
    }
    return order;
  }

  private boolean before(Neighbours n, double[] scores, int a, int b) {
    if (scores[a] != scores[b]) {
      return scores[a] > scores[b];
    }
    return idOf.apply(n.ids[a]).compareTo(idOf.apply(n.ids[b])) < 0;
  }

  private void siftUp(int[] heap, int at, Neighbours n, double[] scores) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!before(n, scores, heap[parent], heap[at])) {
        return;
      }
      swap(heap, parent, at);
      at = parent;
    }
  }

  private void siftDown(int[] heap, int size, Neighbours n, double[] scores) {
    int at = 0;
    while (true) {
      int worst = at;
      for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
        if (before(n, scores, heap[worst], heap[child])) {
          worst = child;
        }
      }
      if (worst == at) {
        return;
      }
      swap(heap, worst, at);
      at = worst;
    }
  }

  private static void swap(int[] heap, int a, int b) {
    int held = heap[a];
    heap[a] = heap[b];
    heap[b] = held;
  }

  /** The k strongest neighbours of a: C(a, b) / sqrt(W(a) * W(b)), best first. */
  List<ScoredItem> top(int item, int k) {
    KeyedScores best = topKeys(item, k);
    List<ScoredItem> result = new ArrayList<>(best.size());
    for (int i = 0; i < best.size(); i++) {
      result.add(new ScoredItem(idOf.apply(best.key(i)), best.score(i)));
    }
    return result;
  }

  /** {@link #top} by product key, without resolving the keys to ids. */
  KeyedScores topKeys(int item, int k) {
    Neighbours n = item >= 0 && item < lists.length ? lists[item] : null;
    if (n == null) {
      return KeyedScores.NONE;
    }
    double norm = Math.sqrt(weightOf.applyAsDouble(item));
    IntToDoubleFunction scale = other -> 1 / (norm * Math.sqrt(weightOf.applyAsDouble(other)));
    int[] order = best(n, k, scale);
    int[] keys = new int[order.length];
    double[] scores = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      keys[i] = n.ids[order[i]];
      scores[i] = n.counts[order[i]] * scale.applyAsDouble(keys[i]);
    }
    return new KeyedScores(keys, scores);
  }

  /** max(C(a, b), C(b, a)) / sqrt(W(a) * W(b)); the two differ only after pruning. */
  double score(int a, int b) {
    double count = Math.max(count(a, b), count(b, a));
    return count > 0 ? count / Math.sqrt(weightOf.applyAsDouble(a) * weightOf.applyAsDouble(b)) : 0;
  }

  private double count(int item, int other) {
    Neighbours n = item < lists.length ? lists[item] : null;
    int index = n == null ? -1 : indexOf(n, other);
    return index < 0 ? 0 : n.counts[index];
  }

  long entries() {
    return entries;
  }

  long unpaired() {
    return unpaired;
  }

  void write(SnapshotOutput out) throws IOException {
    out.writeLong(entries);
    out.writeLong(unpaired);
    out.writeInt(histories.length);
    for (History h : histories) {
      out.writeBoolean(h != null);
      if (h != null) {
        out.writeInt(h.size);
        out.writeInts(h.products, h.size);
        out.writeLongs(h.times, h.size);
        out.writeDoubles(h.weights, h.size);
        out.writeBoolean(h.truncated);
      }
    }
    out.writeInt(lists.length);
    for (Neighbours n : lists) {
      out.writeBoolean(n != null);
      if (n != null) {
        out.writeInt(n.size);
        out.writeInts(n.ids, n.size);
        out.writeDoubles(n.counts, n.size);
      }
    }
  }

  /** Fills this empty instance with what {@link #write} wrote. */
  void read(SnapshotInput in) throws IOException {
    entries = in.readLong();
    unpaired = in.readLong();
    histories = new History[Math.max(1, in.readCount(1))];
    for (int i = 0; i < histories.length; i++) {
      if (in.readBoolean()) {
        History h = new History();
        h.size = in.readInt();
        h.products = in.readInts(4);
        h.times = in.readLongs(h.products.length);
        h.weights = in.readDoubles(h.products.length);
        h.truncated = in.readBoolean();
        if (h.times.length != h.products.length
            || h.weights.length != h.products.length
            || h.products.length > Math.max(4, historySize + 1)
            || h.size < 0
            || h.size > Math.min(h.products.length, historySize)) {
          throw new SnapshotRefusedException("corrupt: a fan history of " + h.products.length);
        }
        histories[i] = h;
      }
    }
    lists = new Neighbours[Math.max(1, in.readCount(1))];
    for (int i = 0; i < lists.length; i++) {
      if (in.readBoolean()) {
        Neighbours n = new Neighbours();
        n.size = in.readInt();
        n.ids = in.readInts(4);
        n.counts = in.readDoubles(n.ids.length);
        if (n.counts.length != n.ids.length
            || n.ids.length > Math.max(4, 2 * neighbours)
            || n.size < 0
            || n.size > n.ids.length) {
          throw new SnapshotRefusedException("corrupt: a neighbour list of " + n.ids.length);
        }
        lists[i] = n;
      }
    }
  }
}
