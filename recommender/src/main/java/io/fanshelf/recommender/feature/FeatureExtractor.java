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
import io.fanshelf.recommender.ranking.FeatureVectors;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

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
    Vectors vectors = vectors(candidates);
    float[][] whole = new float[candidates.size()][];
    for (int i = 0; i < whole.length; i++) {
      whole[i] = vectors.vector(i);
    }
    return whole;
  }

  /**
   * The candidates' vectors, each feature computed when a ranker first asks for it: a cascade's
   * base reads a few features of every candidate and its trees the rest of a few hundred.
   */
  public Vectors vectors(List<Candidates.Candidate> candidates) {
    return new Vectors(candidates);
  }

  /** The vectors of {@link #vectors}; not thread-safe, like the extractor. */
  public final class Vectors implements FeatureVectors {
    private final List<Candidates.Candidate> candidates;
    private final double[] amongFans;
    private final double[] trends;
    private final float[][] vectors;
    // per candidate, a bit per slot set so far (every bit once whole); Feature has under 64
    private final long[] filled;
    // the vector of vectorOnce, filled again by each call
    private final float[] once = new float[Feature.count()];

    private Vectors(List<Candidates.Candidate> candidates) {
      this.candidates = candidates;
      int n = candidates.size();
      int[] keys = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = signals.keys().key(candidates.get(i).ordinal());
      }
      this.amongFans = new double[n];
      this.trends = new double[n];
      ownerSignals.read(keys, amongFans, trends);
      this.vectors = new float[n][];
      this.filled = new long[n];
    }

    @Override
    public int size() {
      return vectors.length;
    }

    @Override
    public float[] vector(int i, int[] slots) {
      if (vectors[i] == null) {
        vectors[i] = new float[Feature.count()];
      }
      if (filled[i] != ALL_SLOTS) {
        for (int slot : slots) {
          if ((filled[i] & (1L << slot)) == 0) {
            vectors[i][slot] = feature(i, slot);
            filled[i] |= 1L << slot;
          }
        }
      }
      return vectors[i];
    }

    @Override
    public float[] vectorOnce(int i, int[] slots) {
      if (vectors[i] != null) {
        return vector(i, slots);
      }
      for (int slot : slots) {
        once[slot] = feature(i, slot);
      }
      return once;
    }

    /** Candidate {@code i}'s feature in {@code slot}. */
    private float feature(int i, int slot) {
      Candidates.Candidate candidate = candidates.get(i);
      return value(FEATURES[slot], candidate.ordinal(), candidate, amongFans[i], trends[i]);
    }

    @Override
    public float[] vector(int i) {
      return vector(i, EVERY_SLOT);
    }
  }

  /**
   * Fills {@code out} for product {@code ordinal}; {@code candidate} gives the source scores and
   * may be null for a product no source proposed (an impression in training).
   */
  public void extract(int ordinal, Candidates.Candidate candidate, float[] out) {
    EventAggregates.OwnerProductSignals owner = ownerSignals.signals(signals.keys().key(ordinal));
    fill(ordinal, candidate, owner.popularityAmongFans(), owner.trend(), out);
  }

  private void fill(
      int ordinal, Candidates.Candidate candidate, double amongFans, double trend, float[] out) {
    for (Feature feature : FEATURES) {
      out[feature.slot()] = value(feature, ordinal, candidate, amongFans, trend);
    }
  }

  private static final Feature[] FEATURES = Feature.values();

  static {
    if (FEATURES.length > Long.SIZE) {
      throw new IllegalStateException("Vectors keeps a bit per feature in a long");
    }
  }

  private static final int[] EVERY_SLOT = IntStream.range(0, FEATURES.length).toArray();

  private static final long ALL_SLOTS = FEATURES.length == 64 ? -1L : (1L << FEATURES.length) - 1;

  /**
   * One feature of product {@code ordinal}, the one definition of each. Reads no product object:
   * every per-product input comes from the snapshot's arrays.
   */
  private float value(
      Feature feature,
      int ordinal,
      Candidates.Candidate candidate,
      double amongFans,
      double trend) {
    CatalogSnapshot catalog = signals.catalog();
    double value =
        switch (feature) {
          case LABEL_RULE_MATCH -> evidence.labelRuleMatch(ordinal);
          case LABEL_LIFT -> labelLift(catalog.leafCategory(ordinal));
          case CATEGORY_AFFINITY ->
              shareByCategory == null ? 0 : shareByCategory[catalog.leafCategory(ordinal)];
          case TOP_CATEGORY_AFFINITY ->
              shareByCategory == null ? 0 : shareByCategory[catalog.topCategory(ordinal)];
          case BRAND_AFFINITY -> {
            int brand = catalog.brand(ordinal);
            yield shareByBrand == null || brand < 0 ? 0 : shareByBrand[brand];
          }
          case CO_VISIT -> evidence.coVisit(ordinal);
          case LOG_POPULARITY -> signals.leaders().logPopularity(ordinal);
          case LOG_POPULARITY_ALL_TIME -> signals.leaders().logAllTimeWeight(ordinal);
          case LOG_REACH -> signals.leaders().logReach(ordinal);
          case LOG_OWNER_POPULARITY -> logOnePlus(amongFans);
          case TREND -> trend;
          case LOG_AGE_DAYS -> logOnePlus(Math.max(0, catalog.ageHours(ordinal, fan.now()) / 24.0));
          case PRICE_VS_USUAL -> priceVsUsual(catalog.priceCents(ordinal));
          case LOG_FAN_EVENTS -> logFanEvents;
          case LOG_DAYS_SINCE_LAST_EVENT -> logDaysSinceLastEvent;
          case LOG_FAN_PRODUCT_EVENTS -> {
            FanContext.ProductHistory seen = history.get(ordinal);
            yield seen == null ? 0 : Math.log1p(seen.events());
          }
          case BOUGHT_BEFORE -> {
            FanContext.ProductHistory seen = history.get(ordinal);
            yield seen != null && seen.lastPurchase().isPresent() ? 1 : 0;
          }
          case HAS_LABELS -> labels.isEmpty() ? 0 : 1;
          case ALS_SCORE -> evidence.factorScore(ordinal);
          case ITEM_CF_SCORE -> evidence.itemScore(ordinal);
          case LAST_ITEM_CF -> evidence.lastItemScore(ordinal);
          case USER_KNN_SCORE -> evidence.fanScore(ordinal);
          case SOURCE_LABEL_MATCH,
              SOURCE_LABEL_AFFINITY,
              SOURCE_CO_VISIT,
              SOURCE_AFFINITY,
              SOURCE_OWNER_POPULAR,
              SOURCE_POPULAR,
              SOURCE_NEW_ARRIVALS,
              SOURCE_NEED,
              SOURCE_RECENTLY_VIEWED,
              SOURCE_ALS,
              SOURCE_ITEM_CF,
              SOURCE_USER_KNN ->
              candidate == null ? 0 : candidate.sourceScore(SOURCE_OF[feature.slot()]);
        };
    return (float) value;
  }

  /** The candidate source whose score each source feature holds, by slot; -1 for the others. */
  private static final int[] SOURCE_OF = sourceOfSlot();

  private static int[] sourceOfSlot() {
    int[] sourceOf = new int[Feature.count()];
    Arrays.fill(sourceOf, -1);
    for (int source = 0; source < CandidateSources.ALL.size(); source++) {
      sourceOf[Feature.ofSource(source).slot()] = source;
    }
    return sourceOf;
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
