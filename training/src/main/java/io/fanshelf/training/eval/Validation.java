package io.fanshelf.training.eval;

import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.training.collaborative.Interactions;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Partition;
import io.fanshelf.training.dataset.Snapshot;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * A validation window cut from a training period, on which settings and model families are
 * compared: its own snapshot (what was known at the window's start), the fans to predict, the
 * popularity order that follows every list, and the interactions collaborative models fit on. The
 * test period is never part of it. Immutable; thread-safe.
 */
public final class Validation {
  /** At most this many fans are scored per setting (evenly spaced by fan id): bounds tuning. */
  public static final int MAX_FANS = 3_000;

  private final Snapshot snapshot;
  private final Partition partition;
  private final List<FanCase> cases;
  private final Order popular;
  private final boolean allowRepeats;
  private final Interactions interactions;

  public Validation(
      Snapshot snapshot, Partition partition, FeedbackPolicy targets, boolean allowRepeats) {
    this.snapshot = snapshot;
    this.partition = partition;
    this.allowRepeats = allowRepeats;
    this.cases = partition.sampled(MAX_FANS).cases();
    this.popular = Baselines.popularity(snapshot, partition.known(), targets);
    CatalogSnapshot catalog = snapshot.signals().catalog();
    this.interactions =
        Interactions.of(
            snapshot.data().log().events(),
            partition.known(),
            snapshot.data().feedback(),
            id -> catalog.ordinal(id).isPresent());
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public Partition partition() {
    return partition;
  }

  /** The fans scored. */
  public List<FanCase> cases() {
    return cases;
  }

  public Order popular() {
    return popular;
  }

  /** The positive feedback of the window's known events (what models fit on to be validated). */
  public Interactions interactions() {
    return interactions;
  }

  /** Mean NDCG@10 of a list model over the validation fans. */
  public double ndcg(ListModel model) {
    return ndcg(model::head);
  }

  /** Mean NDCG@10 of per-fan heads (then popularity) over the validation fans. */
  public double ndcg(Function<FanCase, int[]> heads) {
    return cases.parallelStream()
        .mapToDouble(fan -> ndcg(fan, heads.apply(fan)))
        .average()
        .orElse(0);
  }

  /** NDCG@10 of one fan's head followed by the popularity order. */
  public double ndcg(FanCase fan, int[] head) {
    CatalogSnapshot catalog = snapshot.signals().catalog();
    BitSet excluded = allowRepeats ? new BitSet() : Evaluator.ordinals(catalog, fan.seen());
    BitSet relevant = Evaluator.ordinals(catalog, fan.relevant());
    int[] top = new FullRanking(head, popular, excluded).top(10);
    boolean[] hits = new boolean[top.length];
    for (int i = 0; i < top.length; i++) {
      hits[i] = relevant.get(top[i]);
    }
    return Metrics.ndcg(hits, 10, fan.relevant().size());
  }
}
