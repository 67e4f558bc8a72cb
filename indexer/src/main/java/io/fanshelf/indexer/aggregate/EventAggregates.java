package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogReader;
import io.fanshelf.indexer.store.EventReader;
import io.fanshelf.indexer.store.EventStore;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The aggregates derived from the event log, kept in memory and updated as events arrive: item
 * popularity (time-decayed, globally and among one owner's fans) and trend, item-to-item
 * co-occurrence, fan category/brand/price affinities, and label value x category lift. Only
 * positive events ({@link FeedbackPolicy}) count; an impression changes nothing.
 *
 * <p>Thread-safe. Any number of threads may query while events are added: a query holds a read lock
 * for O(k) work (O(neighbours) for co-occurrence, O(entries of one fan) for affinities), and {@link
 * #add} asks the {@link Context} its questions before it takes the write lock, which it then holds
 * for a few microseconds: O(window x neighbours) for co-occurrence, O(leaderboard size) at worst
 * per popular list touched (global, and one per owner of the fan), O(category levels x labels) for
 * the rest. The landmark move of forward decay (once in 400 trend time constants: about three years
 * at the default 2-day trend half-life) rescales every stored sum under the write lock.
 *
 * <p>Feed it the events {@link EventStore#append} reported new, after {@code append} returned (the
 * {@code onNew} callback runs before the batch commits, and a failed batch is not stored). {@link
 * #rebuild} recomputes everything from the log into a new instance, e.g. after labels or fans
 * changed; the caller swaps it in. Events appended while a rebuild runs must be added to the new
 * instance only if the rebuild did not see them; the simplest way is to pause ingestion meanwhile.
 * Nothing here holds resources; there is nothing to close.
 */
public final class EventAggregates {

  /**
   * Facts the aggregates ask for but do not own. Implementations are thread-safe and report a
   * storage failure as an unchecked exception; {@link #of} wraps the stores.
   */
  public interface Context {
    /** The product as the catalog knows it now; empty when it does not. */
    Optional<Product> product(ProductId id);

    /** Every owner's profile of the fan: memberships and labels. */
    List<FanProfile> profilesOf(FanId fan);

    /**
     * The products among {@code ids} that the catalog knows, for a rebuild that needs many at once.
     * By default one {@link #product} call each; {@link #of} reads the catalog in one pass when
     * that is cheaper (a remote store answers one request per call).
     */
    default Map<ProductId, Product> products(Collection<ProductId> ids) {
      Map<ProductId, Product> found = new HashMap<>();
      for (ProductId id : ids) {
        product(id).ifPresent(product -> found.put(id, product));
      }
      return found;
    }

    /** {@link #profilesOf(FanId)} for many fans at once; fans without a profile may be absent. */
    default Map<FanId, List<FanProfile>> profilesOf(Collection<FanId> ids) {
      Map<FanId, List<FanProfile>> found = new HashMap<>();
      for (FanId id : ids) {
        found.put(id, profilesOf(id));
      }
      return found;
    }

    /** A context reading the stores, wrapping their IOExceptions in UncheckedIOException. */
    static Context of(CatalogReader catalog, FanReader fans) {
      return new StoreContext(catalog, fans);
    }
  }

  private final FeedbackPolicy policy;
  private final AggregateOptions options;
  private final Context context;
  // Not a ReentrantReadWriteLock: its read lock keeps a per-thread hold count in a ThreadLocal,
  // and serving reads the aggregates hundreds of times per request, each on a new virtual thread.
  private final StampedLock lock = new StampedLock();
  private final AggregateState state;
  private final LongAdder eventsSeen = new LongAdder();

  public EventAggregates(FeedbackPolicy policy, AggregateOptions options, Context context) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.options = Objects.requireNonNull(options, "options");
    this.context = Objects.requireNonNull(context, "context");
    this.state = new AggregateState(options);
  }

  /** Recomputes the aggregates from every event of the log. */
  public static EventAggregates rebuild(
      EventReader events, FeedbackPolicy policy, AggregateOptions options, Context context)
      throws IOException {
    return rebuild(events, event -> true, policy, options, context);
  }

  /**
   * Recomputes the aggregates from the events of the log that {@code include} accepts (training
   * takes those before its split time), with the labels and memberships products and fans have now.
   * The result depends only on the events, not on the order the log gives them in: the positive
   * events are read into memory compactly (about 24 bytes each) and applied in time order (then by
   * fan, product and weight), as if added one by one as they happened, so two backends holding the
   * same log rebuild the same aggregates. Products and fans are looked up once each, in bulk
   * ({@link Context#products}, {@link Context#profilesOf(Collection)}).
   */
  public static EventAggregates rebuild(
      EventReader events,
      Predicate<? super Event> include,
      FeedbackPolicy policy,
      AggregateOptions options,
      Context context)
      throws IOException {
    EventAggregates result = new EventAggregates(policy, options, context);
    TimeOrderedEvents positive = new TimeOrderedEvents();
    events.forEach(
        event -> {
          if (include.test(event)) {
            result.eventsSeen.increment();
            double weight = policy.weight(event);
            if (weight > 0) {
              positive.add(event.time(), event.fan(), event.product(), weight);
            }
          }
        });
    Map<ProductId, Optional<ProductFacts>> products = new HashMap<>();
    context
        .products(positive.products())
        .forEach((id, product) -> products.put(id, Optional.of(ProductFacts.of(product))));
    Map<FanId, FanFacts> fans = new HashMap<>();
    context
        .profilesOf(positive.fans())
        .forEach((id, profiles) -> fans.put(id, FanFacts.of(profiles)));
    long stamp = result.lock.writeLock();
    try {
      positive.forEachInOrder(
          (time, fan, product, weight) ->
              result.state.apply(
                  time,
                  fan,
                  product,
                  weight,
                  products.getOrDefault(product, Optional.empty()),
                  fans.getOrDefault(fan, FanFacts.NONE)));
    } finally {
      result.lock.unlockWrite(stamp);
    }
    return result;
  }

  /**
   * Counts new events (deduplicated already), whatever their times relative to those seen before.
   * The products and fans they name are looked up first, each once and in bulk ({@link
   * Context#products}, {@link Context#profilesOf(Collection)}); all or nothing: if the context
   * fails, nothing was counted.
   */
  public void addAll(Collection<Event> events) {
    Set<ProductId> productIds = new HashSet<>();
    Set<FanId> fanIds = new HashSet<>();
    for (Event event : events) {
      if (policy.weight(event) > 0) {
        productIds.add(event.product());
        fanIds.add(event.fan());
      }
    }
    Map<ProductId, Optional<ProductFacts>> products = new HashMap<>();
    context
        .products(productIds)
        .forEach((id, product) -> products.put(id, Optional.of(ProductFacts.of(product))));
    Map<FanId, FanFacts> fans = new HashMap<>();
    context.profilesOf(fanIds).forEach((id, profiles) -> fans.put(id, FanFacts.of(profiles)));
    long stamp = lock.writeLock();
    try {
      for (Event event : events) {
        eventsSeen.increment();
        double weight = policy.weight(event);
        if (weight > 0) {
          state.apply(
              event,
              weight,
              products.getOrDefault(event.product(), Optional.empty()),
              fans.getOrDefault(event.fan(), FanFacts.NONE));
        }
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Recounts the label statistics for a fan whose labels changed. {@code events} are the fan's
   * events this instance counted, under the labels of {@code countedWith} (the fan's profiles
   * before the change); afterwards they count under the labels the {@link Context} reads now. Only
   * the dimensions and values that differ are touched. Popularity among owners' fans is left as it
   * is: it counts a fan for the owners it had when each event was added. All or nothing: if the
   * context fails, nothing changed.
   */
  public void relabel(FanId fan, List<FanProfile> countedWith, Collection<Event> events) {
    FanFacts before = FanFacts.of(countedWith);
    FanFacts after = FanFacts.of(context.profilesOf(fan));
    if (before.labels().equals(after.labels())) {
      return;
    }
    Set<ProductId> productIds = new HashSet<>();
    for (Event event : events) {
      productIds.add(event.product());
    }
    Map<ProductId, Optional<ProductFacts>> products = new HashMap<>();
    context
        .products(productIds)
        .forEach((id, product) -> products.put(id, Optional.of(ProductFacts.of(product))));
    long stamp = lock.writeLock();
    try {
      for (Event event : events) {
        double weight = policy.weight(event);
        if (weight > 0 && event.fan().equals(fan)) {
          state.relabel(
              before, after, weight, products.getOrDefault(event.product(), Optional.empty()));
        }
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Whether two lists of a fan's profiles give it the same labels, as the statistics see them. */
  public static boolean sameLabels(List<FanProfile> a, List<FanProfile> b) {
    return FanFacts.of(a).labels().equals(FanFacts.of(b).labels());
  }

  // Products per read lock in productTotals: a writer waits for one block, not for the catalog.
  private static final int TOTALS_PER_READ = 4_096;
  // "FSAGGSNP": an aggregates snapshot; the format version follows it.
  private static final long SNAPSHOT_MAGIC = 0x46534147_47534e50L;

  /** Raised whenever the layout written by {@link #writeSnapshot} changes. */
  public static final int SNAPSHOT_FORMAT = 1;

  /**
   * Writes every aggregate to {@code file} (created; it must not exist) with {@code info}, a format
   * version, the options and feedback policy it was counted with, and a CRC32C of the whole; forced
   * to disk before it returns. Holds the read lock meanwhile, so the caller must keep writers away
   * (the indexer holds its write lock) or they wait.
   */
  public void writeSnapshot(Path file, SnapshotInfo info) throws IOException {
    long stamp = lock.readLock();
    try (SnapshotOutput out =
        new SnapshotOutput(
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
      out.writeLong(SNAPSHOT_MAGIC);
      out.writeInt(SNAPSHOT_FORMAT);
      out.writeString(fingerprint(policy, options));
      out.writeLong(info.position());
      out.writeString(info.lastEventId());
      out.writeLong(info.created().toEpochMilli());
      out.writeLong(eventsSeen.sum());
      state.write(out);
      out.finish();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Checks a snapshot's header before its body is read; refuses by throwing. */
  @FunctionalInterface
  public interface SnapshotCheck {
    void check(SnapshotInfo info) throws SnapshotRefusedException;
  }

  /**
   * Reads a snapshot {@link #writeSnapshot} wrote, with the same feedback policy and options.
   *
   * @param check called with the header before the body is read (e.g. that the log holds the
   *     snapshot's last event)
   * @return the aggregates, as they were when written, and the snapshot's header
   * @throws SnapshotRefusedException when the file is truncated or corrupt, of another format
   *     version, counted with other options or policy, or refused by {@code check}
   */
  public static Loaded readSnapshot(
      Path file,
      FeedbackPolicy policy,
      AggregateOptions options,
      Context context,
      SnapshotCheck check)
      throws IOException {
    try (SnapshotInput in = new SnapshotInput(FileChannel.open(file, StandardOpenOption.READ))) {
      if (in.readLong() != SNAPSHOT_MAGIC) {
        throw new SnapshotRefusedException("not an aggregates snapshot (no FSAGGSNP header)");
      }
      int format = in.readInt();
      if (format != SNAPSHOT_FORMAT) {
        throw new SnapshotRefusedException(
            "format version " + format + ", this build reads version " + SNAPSHOT_FORMAT);
      }
      String counted = in.readString();
      String wanted = fingerprint(policy, options);
      if (!counted.equals(wanted)) {
        throw new SnapshotRefusedException(
            "counted with other settings (" + counted + "), this node uses " + wanted);
      }
      SnapshotInfo info;
      try {
        info =
            new SnapshotInfo(in.readLong(), in.readString(), Instant.ofEpochMilli(in.readLong()));
      } catch (IllegalArgumentException e) {
        throw new SnapshotRefusedException("corrupt header: " + e.getMessage(), e);
      }
      check.check(info);
      EventAggregates result = new EventAggregates(policy, options, context);
      result.eventsSeen.add(in.readLong());
      result.state.read(in);
      in.finish();
      return new Loaded(result, info);
    }
  }

  /** A snapshot read back: the aggregates and what the snapshot said about itself. */
  public record Loaded(EventAggregates aggregates, SnapshotInfo info) {}

  private static String fingerprint(FeedbackPolicy policy, AggregateOptions options) {
    return options
        + " weights="
        + new TreeMap<>(policy.weights())
        + " minimums="
        + new TreeMap<>(policy.minimumValues());
  }

  /** Counts one new event; see {@link #addAll}. */
  public void add(Event event) {
    addAll(List.of(Objects.requireNonNull(event, "event")));
  }

  /** The options these aggregates were built with. */
  public AggregateOptions options() {
    return options;
  }

  /**
   * The k most popular products at {@code at}: the sum of their positive event weights, each halved
   * every popularity half-life before {@code at}. At most {@link
   * AggregateOptions#leaderboardSize()} items.
   */
  public List<ScoredItem> popular(int k, Instant at) {
    requireK(k);
    return read(() -> state.named(state.popular(k, at)));
  }

  /** {@link #popular} by product key ({@link #productKey}), without resolving the ids. */
  public KeyedScores popularKeys(int k, Instant at) {
    requireK(k);
    return read(() -> state.popular(k, at));
  }

  /**
   * The {@code k} products with the largest reach over the whole log, however long ago: each fan
   * counted once, at the largest positive weight they gave the product (a purchase 1, a view less),
   * so that repeat purchases of a staple do not outrank what more fans bought.
   */
  public List<ScoredItem> mostReached(int k) {
    requireK(k);
    return read(() -> state.named(state.mostReached(k)));
  }

  /** {@link #mostReached} by product key ({@link #productKey}), without resolving the ids. */
  public KeyedScores mostReachedKeys(int k) {
    requireK(k);
    return read(() -> state.mostReached(k));
  }

  /** The undecayed sum of positive weight on one product: repeat purchases count each time. */
  public double allTimeWeight(ProductId product) {
    return read(() -> state.allTimeWeight(product));
  }

  /** One product's reach, as {@link #mostReached} ranks it; 0 if unseen. */
  public double reach(ProductId product) {
    return read(() -> state.reach(product));
  }

  /** The popularity score of one product at {@code at}, as in {@link #popular}; 0 if unseen. */
  public double popularity(ProductId product, Instant at) {
    return read(() -> state.popularity(product, at));
  }

  /**
   * {@link #popularity} at {@code at}, {@link #allTimeWeight} and {@link #reach} of products 0 to
   * {@code count - 1} (0 for one never seen) into the arrays at the same index: each product looked
   * up once, under one read per block of products, where the three readers take three lookups and
   * three reads each (ranking a whole catalog, as the category leaders do).
   */
  public void productTotals(
      int count,
      IntFunction<ProductId> product,
      Instant at,
      double[] popularity,
      double[] allTimeWeight,
      double[] reach) {
    for (int from = 0; from < count; from += TOTALS_PER_READ) {
      int start = from;
      int end = Math.min(count, from + TOTALS_PER_READ);
      read(
          () -> {
            state.productTotals(start, end, product, at, popularity, allTimeWeight, reach);
            return null;
          });
    }
  }

  /**
   * How fast a product gains attention now compared with its longer-term level: the decayed event
   * rate under the trend half-life divided by the decayed rate under the popularity half-life (each
   * rate being the decayed sum divided by its time constant). About 1 for steady interest, above 1
   * when rising, below 1 when fading; 0 for a product never seen.
   */
  public double trend(ProductId product, Instant at) {
    return read(() -> state.trend(product, at));
  }

  /**
   * The k most popular products among one owner's fans, scored as {@link #popular} over the events
   * of fans that belonged to the owner when the event was added (wherever on the platform the event
   * happened). Empty for an owner whose fans have no positive events.
   */
  public List<ScoredItem> popularAmongFansOf(OwnerId owner, int k, Instant at) {
    requireK(k);
    return read(() -> state.named(state.popularAmongFansOf(owner, k, at)));
  }

  /**
   * {@link #popularAmongFansOf} by product key ({@link #productKey}), without resolving the ids.
   */
  public KeyedScores popularAmongFansOfKeys(OwnerId owner, int k, Instant at) {
    requireK(k);
    return read(() -> state.popularAmongFansOf(owner, k, at));
  }

  /**
   * {@link #popularityAmongFansOf} and {@link #trend} of one product, read together (one lookup of
   * the product), as features read them.
   *
   * @param popularityAmongFans the product's score among the owner's fans
   * @param trend the product's trend
   */
  public record OwnerProductSignals(double popularityAmongFans, double trend) {
    static final OwnerProductSignals NONE = new OwnerProductSignals(0, 0);
  }

  /**
   * The dense key these aggregates gave {@code product} when an event first named it, or -1 when
   * none has yet. A key never changes or goes away in this instance, so a caller that looks up the
   * same products on every request may remember them (a hash lookup of a product id is a cache miss
   * or more on a large catalog; an array of keys is not).
   */
  public int productKey(ProductId product) {
    return read(() -> state.productKey(product));
  }

  /** The product a key ({@link #productKey}, {@link #coOccurring(int, int)}) stands for. */
  public ProductId productId(int productKey) {
    if (productKey < 0) {
      throw new IllegalArgumentException("product key must be >= 0, got " + productKey);
    }
    return read(() -> state.productId(productKey));
  }

  /** How many product keys exist now; every key handed out so far is below this. */
  public int productKeys() {
    return read(state::productKeys);
  }

  /**
   * One owner's {@link OwnerProductSignals} at {@code at}, for reading many products: the owner and
   * the decay factors are resolved once, not per product. Not thread-safe (one per request). Events
   * added meanwhile count, and a landmark move is noticed; an owner whose fans had no positive
   * event when the view was made stays at zero popularity in it.
   */
  public OwnerView ownerView(OwnerId owner, Instant at) {
    return new OwnerView(read(() -> state.ownerReading(owner, at)));
  }

  /** See {@link #ownerView}. */
  public final class OwnerView {
    private AggregateState.OwnerReading reading;

    private OwnerView(AggregateState.OwnerReading reading) {
      this.reading = reading;
    }

    /** The signals of the product with key {@code productKey}; a key of -1 has zeros. */
    public OwnerProductSignals signals(int productKey) {
      double[] amongFans = new double[1];
      double[] trends = new double[1];
      read(new int[] {productKey}, amongFans, trends);
      return new OwnerProductSignals(amongFans[0], trends[0]);
    }

    /**
     * {@link #signals} of every key at once, into {@code popularityAmongFans[i]} and {@code
     * trends[i]}: one lock for a whole candidate list, where a lock per product would make the
     * serving threads take turns on the lock's cache line.
     */
    public void read(int[] productKeys, double[] popularityAmongFans, double[] trends) {
      if (popularityAmongFans.length < productKeys.length || trends.length < productKeys.length) {
        throw new IllegalArgumentException("an output array is shorter than the keys");
      }
      long stamp = lock.readLock();
      try {
        reading = state.current(reading);
        for (int i = 0; i < productKeys.length; i++) {
          OwnerProductSignals signals = state.ownerProductSignals(reading, productKeys[i]);
          popularityAmongFans[i] = signals.popularityAmongFans();
          trends[i] = signals.trend();
        }
      } finally {
        lock.unlockRead(stamp);
      }
    }
  }

  /** One product's score among one owner's fans, as in {@link #popularAmongFansOf}. */
  public double popularityAmongFansOf(OwnerId owner, ProductId product, Instant at) {
    return read(() -> state.popularityAmongFansOf(owner, product, at));
  }

  /**
   * The k products that most often appear near {@code product} in fans' sequences of positive
   * events, by {@code C(a, b) / sqrt(W(a) * W(b))}: C sums {@code sqrt(w1 * w2)} over pairs of one
   * fan's events at most {@link AggregateOptions#coWindow()} positions and {@link
   * AggregateOptions#coMaxGap()} apart; W is a product's total positive weight. Dividing by W keeps
   * blockbusters, which co-occur with everything, from crowding out specific neighbours. Not
   * decayed. Fewer than twice {@link AggregateOptions#neighbours()} items.
   */
  public List<ScoredItem> coOccurring(ProductId product, int k) {
    requireK(k);
    return read(() -> state.coOccurring(product, k));
  }

  /**
   * {@link #coOccurring(ProductId, int)} by product key ({@link #productKey}), without resolving
   * the neighbours' ids; empty for -1 or a product without neighbours.
   */
  public KeyedScores coOccurring(int productKey, int k) {
    requireK(k);
    return read(() -> state.coOccurring(productKey, k));
  }

  /**
   * The co-occurrence score of a pair, as in {@link #coOccurring}; symmetric; 0 if never paired.
   */
  public double coOccurrence(ProductId a, ProductId b) {
    return read(() -> state.coOccurrence(a, b));
  }

  /** The fan's affinities at {@code at}; empty for a fan without positive events. */
  public Optional<FanAffinity> affinity(FanId fan, Instant at) {
    return read(() -> state.affinity(fan, at));
  }

  /**
   * Lift of a category key among fans labelled {@code dimension = value}; see {@link LabelLift}.
   */
  public LabelLift lift(String dimension, String value, String categoryKey) {
    return read(() -> state.lift(dimension, value, categoryKey));
  }

  /** {@link #lift}'s value alone, for callers that ask for it often (features). */
  public double liftValue(String dimension, String value, String categoryKey) {
    return read(() -> state.liftValue(dimension, value, categoryKey));
  }

  /**
   * The k category keys (any level) with the highest lift for a label value, among those with at
   * least {@code minEvents} positive events of fans with the value; a source of candidates for
   * label values that have no match rule.
   */
  public List<LabelLift> topLifts(String dimension, String value, int k, long minEvents) {
    requireK(k);
    return read(() -> state.topLifts(dimension, value, k, minEvents));
  }

  public AggregateStats stats() {
    return read(() -> state.stats(eventsSeen.sum()));
  }

  private <T> T read(Supplier<T> query) {
    long stamp = lock.readLock();
    try {
      return query.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private static void requireK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }
}
