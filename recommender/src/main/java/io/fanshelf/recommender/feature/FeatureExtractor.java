package io.fanshelf.recommender.feature;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.FanAffinity;
import io.fanshelf.indexer.aggregate.IntDoubleMap;
import io.fanshelf.indexer.aggregate.KeyedScores;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.OrdinalHistory;
import io.fanshelf.recommender.Signals;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.Candidates;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Computes the feature vector ({@link FeatureSchema}) of a candidate for one fan. Create one per
 * (fan, moment) with {@link #forFan}: it precomputes what every candidate shares. Not thread-safe
 * (it caches per category); cheap to create.
 */
public final class FeatureExtractor {
  /** How many of the fan's recent positive items the co-visit feature looks at. */
  static final int RECENT_ITEMS = 10;

  private final FanContext fan;
  private final Signals signals;
  private final List<RuleWeight> rules = new ArrayList<>();
  private final List<Label> labels;
  // Everything read per candidate is keyed by catalog ordinal (or category ordinal), in arrays or
  // primitive maps: an ordinal is at hand, where a product id's text would be one more cache miss.
  private final IntDoubleMap coVisitScores = new IntDoubleMap();
  private final OrdinalHistory history;
  private final EventAggregates.OwnerView ownerSignals;
  // by category ordinal, filled on first use (computedLift says which)
  private final double[] liftByCategory;
  private final BitSet computedLift;
  // the fan's share of each category and brand by their catalog ordinals; null without affinity
  private final double[] shareByCategory;
  private final double[] shareByBrand;
  private final Optional<FanAffinity> affinity;
  private final double logFanEvents;

  private record RuleWeight(BitSet matching, double weight) {}

  private FeatureExtractor(FanContext fan, Signals signals) {
    this.fan = fan;
    this.signals = signals;
    this.labels = fan.labels();
    for (Label label : labels) {
      Optional<Dimension> dimension = signals.taxonomy().dimension(label.dimension());
      for (String valueId : label.values()) {
        Optional<MatchRule> rule =
            dimension.flatMap(d -> d.value(valueId)).flatMap(DimensionValue::match);
        rule.ifPresent(
            r -> rules.add(new RuleWeight(signals.catalog().matching(r), label.confidence())));
      }
    }
    // One pass over the neighbour lists of the recent items, instead of a pair lookup per
    // candidate and recent item: the same sum, without the quadratic probing.
    List<ProductId> recent = fan.recentPositiveProducts(signals.feedback(), RECENT_ITEMS);
    int neighbours = signals.aggregates().options().neighbours();
    for (int i = 0; i < recent.size(); i++) {
      double recency = 1 + 0.3 * i;
      int key = signals.aggregates().productKey(recent.get(i));
      KeyedScores list = signals.aggregates().coOccurring(key, neighbours);
      for (int n = 0; n < list.size(); n++) {
        if (list.key(n) != key) {
          int ordinal = signals.keys().ordinal(list.key(n));
          if (ordinal >= 0) {
            coVisitScores.add(ordinal, list.score(n) / recency);
          }
        }
      }
    }
    Map<Integer, FanContext.ProductHistory> byOrdinal = new HashMap<>();
    fan.productHistory(signals.feedback())
        .forEach(
            (product, seen) ->
                signals.catalog().ordinal(product).ifPresent(ord -> byOrdinal.put(ord, seen)));
    this.history = OrdinalHistory.of(byOrdinal);
    this.ownerSignals = signals.aggregates().ownerView(fan.owner(), fan.now());
    int categories = signals.catalog().categoryCount();
    this.liftByCategory = labels.isEmpty() ? null : new double[categories];
    this.computedLift = labels.isEmpty() ? null : new BitSet(categories);
    this.affinity = fan.affinity();
    CatalogSnapshot catalog = signals.catalog();
    this.shareByCategory =
        affinity
            .map(
                a ->
                    sharesByOrdinal(
                        a.categories().keySet(),
                        catalog.categoryCount(),
                        catalog::categoryOrdinal,
                        a::categoryShare))
            .orElse(null);
    this.shareByBrand =
        affinity
            .map(
                a ->
                    sharesByOrdinal(
                        a.brands().keySet(),
                        catalog.brandCount(),
                        catalog::brandOrdinal,
                        a::brandShare))
            .orElse(null);
    this.logFanEvents = Math.log1p(affinity.map(FanAffinity::positiveEvents).orElse(0L));
  }

  /**
   * The fan's share of each of {@code count} catalog ordinals (categories or brands), from the
   * names the fan's affinity has; ordinals the fan never touched stay 0.
   */
  private static double[] sharesByOrdinal(
      Set<String> names,
      int count,
      Function<String, OptionalInt> ordinalOf,
      ToDoubleFunction<String> shareOf) {
    double[] shares = new double[count];
    for (String name : names) {
      OptionalInt ordinal = ordinalOf.apply(name);
      if (ordinal.isPresent()) {
        shares[ordinal.getAsInt()] = shareOf.applyAsDouble(name);
      }
    }
    return shares;
  }

  public static FeatureExtractor forFan(FanContext fan, Signals signals) {
    return new FeatureExtractor(fan, signals);
  }

  /**
   * The fan's history per catalog ordinal, as the features read it (the rules read the same map);
   * products no longer in the catalog are left out.
   */
  public OrdinalHistory historyByOrdinal() {
    return history;
  }

  /**
   * New vectors for the candidates, in their order. The owner's signals of all of them are read in
   * one go ({@link EventAggregates.OwnerView#read}).
   */
  public float[][] extract(List<Candidates.Candidate> candidates) {
    int[] keys = new int[candidates.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = signals.keys().key(candidates.get(i).ordinal());
    }
    double[] amongFans = new double[keys.length];
    double[] trends = new double[keys.length];
    ownerSignals.read(keys, amongFans, trends);
    float[][] vectors = new float[keys.length][FeatureSchema.size()];
    for (int i = 0; i < keys.length; i++) {
      Candidates.Candidate candidate = candidates.get(i);
      fill(candidate.ordinal(), candidate, amongFans[i], trends[i], vectors[i]);
    }
    return vectors;
  }

  /**
   * Fills {@code out} for product {@code ordinal}; {@code candidate} gives the source scores and
   * may be null for a product no source proposed (full-catalog evaluation).
   */
  public void extract(int ordinal, Candidates.Candidate candidate, float[] out) {
    EventAggregates.OwnerProductSignals owner = ownerSignals.signals(signals.keys().key(ordinal));
    fill(ordinal, candidate, owner.popularityAmongFans(), owner.trend(), out);
  }

  /** Reads no product object: every per-product input comes from the snapshot's arrays. */
  private void fill(
      int ordinal, Candidates.Candidate candidate, double amongFans, double trend, float[] out) {
    CatalogSnapshot catalog = signals.catalog();
    int leaf = catalog.leafCategory(ordinal);
    int brand = catalog.brand(ordinal);
    int f = 0;
    out[f++] = (float) labelRuleMatch(ordinal);
    out[f++] = (float) labelLift(leaf);
    out[f++] = shareByCategory == null ? 0f : (float) shareByCategory[leaf];
    out[f++] = shareByCategory == null ? 0f : (float) shareByCategory[catalog.topCategory(ordinal)];
    out[f++] = shareByBrand == null || brand < 0 ? 0f : (float) shareByBrand[brand];
    out[f++] = (float) coVisitScores.get(ordinal);
    out[f++] = (float) signals.leaders().logPopularity(ordinal);
    out[f++] = (float) logOnePlus(amongFans);
    out[f++] = (float) trend;
    out[f++] = (float) logOnePlus(Math.max(0, catalog.ageHours(ordinal, fan.now()) / 24.0));
    out[f++] = (float) priceVsUsual(catalog.priceCents(ordinal));
    out[f++] = (float) logFanEvents;
    FanContext.ProductHistory seen = history.get(ordinal);
    out[f++] = seen == null ? 0f : (float) Math.log1p(seen.events());
    out[f++] = seen != null && seen.lastPurchase().isPresent() ? 1f : 0f;
    out[f++] = labels.isEmpty() ? 0f : 1f;
    for (int source = 0; source < CandidateSources.ALL.size(); source++) {
      out[FeatureSchema.sourceSlot(source)] =
          candidate == null ? 0f : candidate.sourceScore(source);
    }
  }

  /**
   * ln(1 + x) for x >= 0 by the intrinsic Math.log: Math.log1p is computed in Java (fdlibm) and was
   * a tenth of the feature time. The two differ by about 1e-16 at most (where 1 + x rounds), far
   * below what a model weight tells apart.
   */
  private static double logOnePlus(double x) {
    return Math.log(1 + x);
  }

  private double labelRuleMatch(int ordinal) {
    double sum = 0;
    for (RuleWeight rule : rules) {
      if (rule.matching().get(ordinal)) {
        sum += rule.weight();
      }
    }
    return sum;
  }

  private double labelLift(int category) {
    if (labels.isEmpty()) {
      return 0;
    }
    if (!computedLift.get(category)) {
      String categoryKey = signals.catalog().categoryKey(category);
      double sum = 0;
      int count = 0;
      for (Label label : labels) {
        for (String value : label.values()) {
          double lift = signals.aggregates().liftValue(label.dimension(), value, categoryKey);
          sum += Math.log(Math.max(lift, 1e-6)) * label.confidence();
          count++;
        }
      }
      liftByCategory[category] = count == 0 ? 0 : sum / count;
      computedLift.set(category);
    }
    return liftByCategory[category];
  }

  private double priceVsUsual(long priceCents) {
    if (affinity.isEmpty() || affinity.get().typicalPriceCents().isEmpty() || priceCents <= 0) {
      return 0;
    }
    long usual = affinity.get().typicalPriceCents().getAsLong();
    return usual <= 0 ? 0 : Math.log((double) priceCents / usual);
  }
}
