package io.fanshelf.recommender;

import io.fanshelf.indexer.aggregate.IntDoubleMap;
import io.fanshelf.indexer.aggregate.KeyedScores;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.recommender.collaborative.BoundCollaborative;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.recommender.collaborative.FanNeighbourModel;
import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import io.fanshelf.recommender.collaborative.RowScores;
import io.fanshelf.recommender.collaborative.TopK;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one request works out about the fan once, for the candidate sources, the features and the
 * reasons alike, so that a feature and the reason built from it cannot disagree: the co-visit
 * scores of the fan's recent products, the fan's label values with their match rules, and the
 * collaborative models' scores for the fan's current history (ALS folded in, item-to-item sums, fan
 * neighbours). The collaborative parts are computed on first use. Not thread-safe: one per request.
 */
public final class FanEvidence {
  /** How many of the fan's latest positive products co-visit starts from. */
  public static final int RECENT_ITEMS = 10;

  private final FanContext fan;
  private final Signals signals;
  private final BoundCollaborative models;
  private final List<ProductId> recent;
  private final KeyedScores[] recentNeighbours;
  private final int[] recentKeys;
  private final IntDoubleMap coVisit = IntDoubleMap.forScores();
  private final List<LabelRule> rules = new ArrayList<>();
  private double[] factorVector;
  private RowScores itemScores;
  private RowScores lastItemScores;
  private RowScores fanScores;
  private final Map<ItemIndex, FanItems> histories = new IdentityHashMap<>(4);

  /**
   * A label value of the fan with a taxonomy match rule, and the catalog products the rule matches.
   */
  public record LabelRule(Label label, Dimension dimension, DimensionValue value, BitSet matching) {
    /** The label's confidence: how much a match counts. */
    public double weight() {
      return label.confidence();
    }
  }

  private FanEvidence(FanContext fan, Signals signals, BoundCollaborative models) {
    this.fan = fan;
    this.signals = signals;
    this.models = models;
    for (Label label : fan.labels()) {
      Optional<Dimension> dimension = signals.taxonomy().dimension(label.dimension());
      if (dimension.isEmpty()) {
        continue;
      }
      for (String valueId : label.values()) {
        Optional<DimensionValue> value = dimension.get().value(valueId);
        if (value.isPresent() && value.get().match().isPresent()) {
          rules.add(
              new LabelRule(
                  label,
                  dimension.get(),
                  value.get(),
                  signals.catalog().matching(value.get().match().get())));
        }
      }
    }
    // one pass over the neighbour lists of the recent products: the sum per candidate without a
    // pair lookup per (candidate, recent product)
    this.recent = fan.recentPositiveProducts(signals.feedback(), RECENT_ITEMS);
    this.recentNeighbours = new KeyedScores[recent.size()];
    this.recentKeys = new int[recent.size()];
    int neighbours = signals.aggregates().options().neighbours();
    for (int i = 0; i < recent.size(); i++) {
      int key = signals.aggregates().productKey(recent.get(i));
      recentKeys[i] = key;
      recentNeighbours[i] = signals.aggregates().coOccurring(key, neighbours);
      double recency = recency(i);
      KeyedScores list = recentNeighbours[i];
      for (int n = 0; n < list.size(); n++) {
        if (list.key(n) != key) {
          int ordinal = signals.keys().ordinal(list.key(n));
          if (ordinal >= 0) {
            coVisit.add(ordinal, list.score(n) / recency);
          }
        }
      }
    }
  }

  /**
   * Gives the collaborative sums' arrays back to their models for the next request; nothing is read
   * from this evidence after. Evidence kept for longer (training's candidate lists) is simply not
   * released.
   */
  public void release() {
    if (itemScores != null) {
      itemScores.release();
    }
    if (lastItemScores != null) {
      lastItemScores.release();
    }
    if (fanScores != null) {
      fanScores.release();
    }
  }

  /** The evidence of {@code fan} at its moment, with the collaborative models bound to catalog. */
  public static FanEvidence of(FanContext fan, Signals signals, BoundCollaborative models) {
    return new FanEvidence(fan, signals, models);
  }

  private static double recency(int position) {
    return 1 + 0.3 * position;
  }

  public FanContext fan() {
    return fan;
  }

  public Signals signals() {
    return signals;
  }

  /** The fan's latest positive products, newest first, without repeats. */
  public List<ProductId> recent() {
    return recent;
  }

  /** The co-visit score of a product: its co-occurrence with the recent products. */
  public double coVisit(int ordinal) {
    return coVisit.get(ordinal);
  }

  /** The products with the highest co-visit scores, best first. */
  public int[] coVisitTop(int k) {
    return top(coVisit, k);
  }

  /**
   * The recent product contributing most to {@code ordinal}'s co-visit score (its index in {@link
   * #recent()}), for a reason such as "because you bought ..."; empty when none does.
   */
  public OptionalInt coVisitSource(int ordinal) {
    int key = signals.keys().key(ordinal);
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < recentNeighbours.length; i++) {
      KeyedScores list = recentNeighbours[i];
      for (int n = 0; n < list.size(); n++) {
        if (list.key(n) == key && list.key(n) != recentKeys[i]) {
          double score = list.score(n) / recency(i);
          if (score > bestScore) {
            best = i;
            bestScore = score;
          }
        }
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }

  /** The fan's label values that have match rules. */
  public List<LabelRule> labelRules() {
    return rules;
  }

  /** The summed confidence of the fan's label rules that {@code ordinal} meets. */
  public double labelRuleMatch(int ordinal) {
    double sum = 0;
    for (LabelRule rule : rules) {
      if (rule.matching().get(ordinal)) {
        sum += rule.weight();
      }
    }
    return sum;
  }

  /** The implicit-ALS score of a product for the fan; 0 without the model or a history. */
  public double factorScore(int ordinal) {
    FactorModel model = models.models().factors().orElse(null);
    if (model == null) {
      return 0;
    }
    int row = models.factors().row(ordinal);
    return row < 0 ? 0 : model.score(factorVector(model), row);
  }

  /** The products with the highest ALS scores for the fan, best first. */
  public int[] factorTop(int k) {
    FactorModel model = models.models().factors().orElse(null);
    if (model == null || history(model.items()).isEmpty()) {
      return new int[0];
    }
    BoundCollaborative.Binding binding = models.factors();
    int[] rows = model.topRows(factorVector(model), k, row -> binding.ordinal(row) >= 0);
    int[] ordinals = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      ordinals[i] = binding.ordinal(rows[i]);
    }
    return ordinals;
  }

  /** The item-to-item model's score of a product: the sum over the fan's products. */
  public double itemScore(int ordinal) {
    return itemScores().get(ordinal);
  }

  public int[] itemTop(int k) {
    return itemScores().top(k);
  }

  /** The item-to-item weight from the fan's latest positive product to this one. */
  public double lastItemScore(int ordinal) {
    if (lastItemScores == null) {
      ItemNeighbourModel model = models.models().items().orElse(null);
      int row = model == null || recent.isEmpty() ? -1 : model.items().row(recent.getFirst());
      if (row < 0) {
        lastItemScores = RowScores.none();
      } else {
        // a sum over one product: its weights, in the same kind of sink as the fan's whole sum
        lastItemScores = new RowScores(models.items(), model.items().scratch());
        model.scores(new FanItems(new int[] {row}, new float[] {1f}), lastItemScores);
      }
    }
    return lastItemScores.get(ordinal);
  }

  /** The fan-kNN score of a product: the similarity-weighted votes of the nearest fans. */
  public double fanScore(int ordinal) {
    return fanScores().get(ordinal);
  }

  public int[] fanTop(int k) {
    return fanScores().top(k);
  }

  private double[] factorVector(FactorModel model) {
    if (factorVector == null) {
      factorVector = model.foldIn(history(model.items()));
    }
    return factorVector;
  }

  private RowScores itemScores() {
    if (itemScores == null) {
      ItemNeighbourModel model = models.models().items().orElse(null);
      if (model == null) {
        itemScores = RowScores.none();
      } else {
        itemScores = new RowScores(models.items(), model.items().scratch());
        model.scores(history(model.items()), itemScores);
      }
    }
    return itemScores;
  }

  private RowScores fanScores() {
    if (fanScores == null) {
      FanNeighbourModel model = models.models().fans().orElse(null);
      if (model == null) {
        fanScores = RowScores.none();
      } else {
        fanScores = new RowScores(models.fans(), model.items().scratch());
        model.scores(fan.fan(), history(model.items()), fanScores);
      }
    }
    return fanScores;
  }

  /** The fan's history as a model's rows, worked out once per model's product list. */
  private FanItems history(ItemIndex items) {
    return histories.computeIfAbsent(
        items, index -> FanItems.of(fan.history(), signals.feedback(), index));
  }

  /** The keys with the largest values, best first, ties by key. */
  private static int[] top(IntDoubleMap scores, int k) {
    int size = scores.size();
    if (size == 0 || k <= 0) {
      return new int[0];
    }
    // the heap breaks ties by the smaller index, here the key: no order of the map's layout leaks
    TopK.Heap heap = new TopK.Heap(Math.min(k, size));
    scores.forEach(heap::offer);
    return heap.best();
  }
}
