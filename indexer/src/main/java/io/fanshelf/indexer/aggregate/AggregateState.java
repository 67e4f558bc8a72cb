package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The aggregates themselves, single-threaded: ids interned to ints, one landmark for forward decay,
 * and the four components. {@link EventAggregates} adds the locking and the public API.
 *
 * <p>Forward decay (Cormode, Shkapenyuk, Srivastava, Xu, ICDE 2009): an event at time t is stored
 * with weight {@code w * g(t)}, {@code g(t) = exp((t - L) / tau)}, {@code tau = halfLife / ln 2},
 * and read at time {@code now} as {@code sum / g(now)}, which equals {@code sum of w * 2^(-(now -
 * t) / halfLife)} whatever the order events arrived in. When an event's exponent would pass {@link
 * #MAX_EXPONENT}, the landmark L moves to that event's time and every stored sum is multiplied by
 * {@code exp((oldL - newL) / tau)}.
 */
final class AggregateState {
  /** e^400 is about 5e173, leaving room for sums of billions of events below Double.MAX_VALUE. */
  static final double MAX_EXPONENT = 400;

  /** e^700 is about 1e304, just below Double.MAX_VALUE. */
  static final double MAX_QUERY_EXPONENT = 700;

  private static final int[] NONE = {};

  private final double popularityTau;
  private final double trendTau;
  private final double affinityTau;
  private final Interner<ProductId> products = new Interner<>();
  private final Interner<FanId> fans = new Interner<>();
  private final Interner<OwnerId> owners = new Interner<>();
  private final Interner<String> categories = new Interner<>();
  private final Interner<String> brands = new Interner<>();
  private final Popularity popularity;
  private final FanProductMax fanProductMax = new FanProductMax();
  private final CoOccurrence coOccurrence;
  private final FanAffinities affinities = new FanAffinities();
  private final LabelStatistics labels;
  private boolean started;
  private long landmark;
  // Counts the landmark's moves (its first setting included): a reading made before one is stale.
  private long landmarkMoves;
  private long positiveEvents;
  private long eventsWithoutProduct;

  AggregateState(AggregateOptions options) {
    popularityTau = tau(options.popularityHalfLife());
    trendTau = tau(options.trendHalfLife());
    affinityTau = tau(options.affinityHalfLife());
    popularity = new Popularity(options.leaderboardSize());
    coOccurrence = new CoOccurrence(options, popularity::total, products::get);
    labels = new LabelStatistics(categories, options.liftPrior());
  }

  private static double tau(Duration halfLife) {
    return halfLife.toMillis() / Math.log(2);
  }

  /** Counts one positive event with its weight (> 0) and the facts resolved for it. */
  void apply(Event event, double weight, Optional<ProductFacts> product, FanFacts fan) {
    apply(event.time().toEpochMilli(), event.fan(), event.product(), weight, product, fan);
  }

  /** The same, for an event given by the only fields the aggregates read. */
  void apply(
      long time,
      FanId fanId,
      ProductId productId,
      double weight,
      Optional<ProductFacts> product,
      FanFacts fan) {
    moveLandmarkIfNeeded(time);
    int productIndex = products.intern(productId);
    int fanIndex = fans.intern(fanId);
    int[] ownerIndexes = new int[fan.owners().size()];
    for (int i = 0; i < ownerIndexes.length; i++) {
      ownerIndexes[i] = owners.intern(fan.owners().get(i));
    }
    popularity.add(
        productIndex,
        ownerIndexes,
        weight,
        weight * growth(time, popularityTau),
        weight * growth(time, trendTau),
        fanProductMax.raise(fanIndex, productIndex, weight));
    coOccurrence.add(fanIndex, productIndex, time, weight);
    int[] categoryIndexes = NONE;
    int brand = -1;
    long price = -1;
    if (product.isPresent()) {
      List<String> keys = product.get().categoryKeys();
      categoryIndexes = new int[keys.size()];
      for (int i = 0; i < categoryIndexes.length; i++) {
        categoryIndexes[i] = categories.intern(keys.get(i));
      }
      brand = product.get().brand().map(brands::intern).orElse(-1);
      price = product.get().priceCents();
      labels.add(fan.labels(), categoryIndexes, weight);
    } else {
      eventsWithoutProduct++;
    }
    affinities.add(fanIndex, categoryIndexes, brand, price, weight * growth(time, affinityTau));
    positiveEvents++;
  }

  /**
   * Moves one positive event of a fan whose labels changed from the labels it was counted under to
   * the fan's new ones; only the label statistics read labels after an event is counted.
   */
  void relabel(FanFacts before, FanFacts after, double weight, Optional<ProductFacts> product) {
    if (product.isEmpty()) {
      return; // counted in no category, so in no label statistic either
    }
    List<String> keys = product.get().categoryKeys();
    int[] categoryIndexes = new int[keys.size()];
    for (int i = 0; i < categoryIndexes.length; i++) {
      categoryIndexes[i] = categories.intern(keys.get(i));
    }
    labels.relabel(before.labels(), after.labels(), categoryIndexes, weight);
  }

  private void moveLandmarkIfNeeded(long time) {
    if (!started) {
      landmark = time;
      started = true;
      landmarkMoves++;
      return;
    }
    double shortest = Math.min(trendTau, Math.min(popularityTau, affinityTau));
    if ((time - landmark) / shortest > MAX_EXPONENT) {
      double shift = landmark - time;
      popularity.rescale(Math.exp(shift / popularityTau), Math.exp(shift / trendTau));
      affinities.rescale(Math.exp(shift / affinityTau));
      landmark = time;
      landmarkMoves++;
    }
  }

  private double growth(long time, double tau) {
    return Math.exp((time - landmark) / tau);
  }

  /**
   * 1 / g(at): turns a stored sum into its value at {@code at}. The exponent is capped at {@link
   * #MAX_QUERY_EXPONENT} so that a query long before the landmark stays finite (and too low).
   */
  private double decayTo(Instant at, double tau) {
    return started
        ? Math.exp(Math.min(MAX_QUERY_EXPONENT, -(at.toEpochMilli() - landmark) / tau))
        : 0;
  }

  KeyedScores popular(int k, Instant at) {
    return popularity.top(k, decayTo(at, popularityTau));
  }

  KeyedScores mostReached(int k) {
    return popularity.topReach(k);
  }

  /** A keyed list with each key's product id, as the id-based readers return it. */
  List<ScoredItem> named(KeyedScores keyed) {
    List<ScoredItem> items = new ArrayList<>(keyed.size());
    for (int i = 0; i < keyed.size(); i++) {
      items.add(new ScoredItem(products.get(keyed.key(i)), keyed.score(i)));
    }
    return items;
  }

  double allTimeWeight(ProductId product) {
    int index = products.find(product);
    return index < 0 ? 0 : popularity.total(index);
  }

  double reach(ProductId product) {
    int index = products.find(product);
    return index < 0 ? 0 : popularity.reach(index);
  }

  double popularity(ProductId product, Instant at) {
    int index = products.find(product);
    return index < 0 ? 0 : popularity.longScore(index) * decayTo(at, popularityTau);
  }

  /** {@link EventAggregates#productTotals} of products [from, to). */
  void productTotals(
      int from,
      int to,
      IntFunction<ProductId> product,
      Instant at,
      double[] popularityAt,
      double[] allTimeWeight,
      double[] reach) {
    double decay = decayTo(at, popularityTau);
    for (int i = from; i < to; i++) {
      int index = products.find(product.apply(i));
      popularityAt[i] = index < 0 ? 0 : popularity.longScore(index) * decay;
      allTimeWeight[i] = index < 0 ? 0 : popularity.total(index);
      reach[i] = index < 0 ? 0 : popularity.reach(index);
    }
  }

  double trend(ProductId product, Instant at) {
    return trend(products.find(product), at);
  }

  private double trend(int index, Instant at) {
    return index < 0 ? 0 : trend(index, decayTo(at, popularityTau), decayTo(at, trendTau));
  }

  /** The short rate over the long rate, with both decay factors ({@link #decayTo}) at hand. */
  private double trend(int index, double popularityDecay, double trendDecay) {
    double longRate = popularity.longScore(index) * popularityDecay / popularityTau;
    double shortRate = popularity.shortScore(index) * trendDecay / trendTau;
    // in exact arithmetic the ratio never exceeds tau_long / tau_short (all weight arriving now);
    // far from the landmark the two decays under- or overflow differently, so hold it to that
    return longRate > 0 ? Math.min(shortRate / longRate, popularityTau / trendTau) : 0;
  }

  KeyedScores popularAmongFansOf(OwnerId owner, int k, Instant at) {
    int index = owners.find(owner);
    return index < 0 ? KeyedScores.NONE : popularity.ownerTop(index, k, decayTo(at, popularityTau));
  }

  double popularityAmongFansOf(OwnerId owner, ProductId product, Instant at) {
    int ownerIndex = owners.find(owner);
    int productIndex = products.find(product);
    return ownerIndex < 0 || productIndex < 0
        ? 0
        : popularity.ownerScore(ownerIndex, productIndex) * decayTo(at, popularityTau);
  }

  int productKey(ProductId product) {
    return products.find(product);
  }

  /** The product key's id; the key came from {@link #productKey} or a keyed list. */
  ProductId productId(int key) {
    return products.get(key);
  }

  /** How many product keys there are: every key is below this. */
  int productKeys() {
    return products.size();
  }

  /**
   * What reading one owner's product signals at one instant needs, resolved once: the owner's index
   * (-1 when no fan of the owner has a positive event) and both decay factors, valid while the
   * landmark stays where it was ({@code landmarkMoves}).
   */
  record OwnerReading(
      int owner, Instant at, long landmarkMoves, double popularityDecay, double trendDecay) {}

  OwnerReading ownerReading(OwnerId owner, Instant at) {
    return reading(owners.find(owner), at);
  }

  private OwnerReading reading(int owner, Instant at) {
    return new OwnerReading(
        owner, at, landmarkMoves, decayTo(at, popularityTau), decayTo(at, trendTau));
  }

  /** {@code reading} itself, or a new one when the landmark moved since it was made. */
  OwnerReading current(OwnerReading reading) {
    return reading.landmarkMoves() == landmarkMoves
        ? reading
        : reading(reading.owner(), reading.at());
  }

  /** The signals of product key {@code productIndex} (-1: none) for a {@link #current} reading. */
  EventAggregates.OwnerProductSignals ownerProductSignals(OwnerReading reading, int productIndex) {
    if (productIndex < 0) {
      return EventAggregates.OwnerProductSignals.NONE;
    }
    double amongFans =
        reading.owner() < 0
            ? 0
            : popularity.ownerScore(reading.owner(), productIndex) * reading.popularityDecay();
    return new EventAggregates.OwnerProductSignals(
        amongFans, trend(productIndex, reading.popularityDecay(), reading.trendDecay()));
  }

  List<ScoredItem> coOccurring(ProductId product, int k) {
    int index = products.find(product);
    return index < 0 ? List.of() : coOccurrence.top(index, k);
  }

  KeyedScores coOccurring(int productIndex, int k) {
    return coOccurrence.topKeys(productIndex, k);
  }

  double coOccurrence(ProductId a, ProductId b) {
    int first = products.find(a);
    int second = products.find(b);
    return first < 0 || second < 0 ? 0 : coOccurrence.score(first, second);
  }

  Optional<FanAffinity> affinity(FanId fan, Instant at) {
    return affinities.get(fans.find(fan), decayTo(at, affinityTau), categories::get, brands::get);
  }

  LabelLift lift(String dimension, String value, String categoryKey) {
    return labels.lift(dimension, value, categoryKey);
  }

  double liftValue(String dimension, String value, String categoryKey) {
    return labels.liftValue(dimension, value, categoryKey);
  }

  List<LabelLift> topLifts(String dimension, String value, int k, long minEvents) {
    return labels.top(dimension, value, k, minEvents);
  }

  AggregateStats stats(long eventsSeen) {
    return new AggregateStats(
        eventsSeen,
        positiveEvents,
        eventsWithoutProduct,
        coOccurrence.unpaired(),
        products.size(),
        affinities.size(),
        popularity.owners(),
        coOccurrence.entries(),
        categories.size(),
        labels.values());
  }

  void write(SnapshotOutput out) throws IOException {
    products.write(out, ProductId::value);
    fans.write(out, FanId::value);
    owners.write(out, OwnerId::value);
    categories.write(out, category -> category);
    brands.write(out, brand -> brand);
    popularity.write(out);
    fanProductMax.write(out);
    coOccurrence.write(out);
    affinities.write(out);
    labels.write(out);
    out.writeBoolean(started);
    out.writeLong(landmark);
    out.writeLong(landmarkMoves);
    out.writeLong(positiveEvents);
    out.writeLong(eventsWithoutProduct);
  }

  /** Fills this empty state, made with the same options, with what {@link #write} wrote. */
  void read(SnapshotInput in) throws IOException {
    try {
      products.read(in, ProductId::of);
      fans.read(in, FanId::of);
      owners.read(in, OwnerId::of);
    } catch (IllegalArgumentException e) {
      throw new SnapshotRefusedException("corrupt: " + e.getMessage(), e);
    }
    categories.read(in, category -> category);
    brands.read(in, brand -> brand);
    popularity.read(in);
    fanProductMax.read(in);
    coOccurrence.read(in);
    affinities.read(in);
    labels.read(in);
    started = in.readBoolean();
    landmark = in.readLong();
    landmarkMoves = in.readLong();
    positiveEvents = in.readLong();
    eventsWithoutProduct = in.readLong();
  }
}
