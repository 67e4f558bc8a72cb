package io.fanshelf.recommender.feature;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.FanAffinity;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.OrdinalHistory;
import io.fanshelf.recommender.Signals;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.Candidates;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.time.Duration;
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
 * Computes the feature vector ({@link Feature}) of a candidate for one fan: the one implementation
 * serving and training share. Create one per request with {@link #of}: it precomputes what every
 * candidate shares; co-visit, label rules and collaborative scores come from the request's {@link
 * FanEvidence}, which the sources and reasons read too. Not thread-safe (it caches per category);
 * cheap to create.
 */
public final class FeatureExtractor {
  private final FanEvidence evidence;
  private final FanContext fan;
  private final Signals signals;
  private final List<Label> labels;
  // Everything read per candidate is keyed by catalog ordinal (or category ordinal), in arrays or
  // primitive maps: an ordinal is at hand, where a product id's text would be one more cache miss.
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
  private final double logDaysSinceLastEvent;

  private FeatureExtractor(FanEvidence evidence) {
    this.evidence = evidence;
    this.fan = evidence.fan();
    this.signals = evidence.signals();
    this.labels = fan.labels();
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
    List<Event> events = fan.history();
    this.logDaysSinceLastEvent =
        events.isEmpty()
            ? 0
            : Math.log1p(
                Math.max(0, Duration.between(events.getFirst().time(), fan.now()).toMinutes())
                    / 1440.0);
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

  public static FeatureExtractor of(FanEvidence evidence) {
    return new FeatureExtractor(evidence);
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
    float[][] vectors = new float[keys.length][Feature.count()];
    for (int i = 0; i < keys.length; i++) {
      Candidates.Candidate candidate = candidates.get(i);
      fill(candidate.ordinal(), candidate, amongFans[i], trends[i], vectors[i]);
    }
    return vectors;
  }

  /**
   * Fills {@code out} for product {@code ordinal}; {@code candidate} gives the source scores and
   * may be null for a product no source proposed (an impression in training).
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
    FanContext.ProductHistory seen = history.get(ordinal);
    set(out, Feature.LABEL_RULE_MATCH, evidence.labelRuleMatch(ordinal));
    set(out, Feature.LABEL_LIFT, labelLift(leaf));
    set(out, Feature.CATEGORY_AFFINITY, shareByCategory == null ? 0 : shareByCategory[leaf]);
    set(
        out,
        Feature.TOP_CATEGORY_AFFINITY,
        shareByCategory == null ? 0 : shareByCategory[catalog.topCategory(ordinal)]);
    set(out, Feature.BRAND_AFFINITY, shareByBrand == null || brand < 0 ? 0 : shareByBrand[brand]);
    set(out, Feature.CO_VISIT, evidence.coVisit(ordinal));
    set(out, Feature.LOG_POPULARITY, signals.leaders().logPopularity(ordinal));
    set(out, Feature.LOG_POPULARITY_ALL_TIME, signals.leaders().logAllTimeWeight(ordinal));
    set(out, Feature.LOG_REACH, signals.leaders().logReach(ordinal));
    set(out, Feature.LOG_OWNER_POPULARITY, logOnePlus(amongFans));
    set(out, Feature.TREND, trend);
    set(
        out,
        Feature.LOG_AGE_DAYS,
        logOnePlus(Math.max(0, catalog.ageHours(ordinal, fan.now()) / 24.0)));
    set(out, Feature.PRICE_VS_USUAL, priceVsUsual(catalog.priceCents(ordinal)));
    set(out, Feature.LOG_FAN_EVENTS, logFanEvents);
    set(out, Feature.LOG_DAYS_SINCE_LAST_EVENT, logDaysSinceLastEvent);
    set(out, Feature.LOG_FAN_PRODUCT_EVENTS, seen == null ? 0 : Math.log1p(seen.events()));
    set(out, Feature.BOUGHT_BEFORE, seen != null && seen.lastPurchase().isPresent() ? 1 : 0);
    set(out, Feature.HAS_LABELS, labels.isEmpty() ? 0 : 1);
    set(out, Feature.ALS_SCORE, evidence.factorScore(ordinal));
    set(out, Feature.ITEM_CF_SCORE, evidence.itemScore(ordinal));
    set(out, Feature.LAST_ITEM_CF, evidence.lastItemScore(ordinal));
    set(out, Feature.USER_KNN_SCORE, evidence.fanScore(ordinal));
    for (int source = 0; source < CandidateSources.ALL.size(); source++) {
      out[Feature.ofSource(source).slot()] = candidate == null ? 0f : candidate.sourceScore(source);
    }
  }

  private static void set(float[] out, Feature feature, double value) {
    out[feature.slot()] = (float) value;
  }

  /**
   * ln(1 + x) for x >= 0 by the intrinsic Math.log: Math.log1p is computed in Java (fdlibm) and was
   * a tenth of the feature time. The two differ by about 1e-16 at most (where 1 + x rounds), far
   * below what a model weight tells apart.
   */
  private static double logOnePlus(double x) {
    return Math.log(1 + x);
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
