package io.fanshelf.recommender.outreach;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Recommender;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Draws an owner's daily outreach list: each fan's best reason to be messaged, valued by the
 * commission it may bring, then the frequency cap, the opt-outs and the budget. The products come
 * from the fan's shelf as the {@link Recommender} ranks it, and only events up to the moment asked
 * for count, so a past day can be drawn again (the evaluation does). Thread-safe.
 */
public final class OutreachPlanner {
  /** The source of the share events that record a message as sent; the frequency cap reads them. */
  public static final String SENT_SOURCE = "outreach";

  private static final Duration DAY = Duration.ofDays(1);

  /** The probability is of a purchase within this long, the week a message is for. */
  static final Duration HORIZON = Duration.ofDays(7);

  /**
   * Weeks before the day whose fans are the rows of the fit: four give an owner of a few hundred
   * fans enough buyers to fit, and stay close to the day (a season ago says less).
   */
  public static final int FIT_WINDOWS = 4;

  /** The reasons a past week's history gives without ranking that week's shelf: the fit's. */
  private static final List<OutreachReason> FITTABLE =
      List.of(
          OutreachReason.BACK_IN_STOCK,
          OutreachReason.PRICE_DROP,
          OutreachReason.REPURCHASE_DUE,
          OutreachReason.REGULAR_SHOP_DUE,
          OutreachReason.LAPSED);

  /**
   * The fit's features after the intercept: log(1 + days with a purchase) in the last 90 and 365
   * days, log(1 + days since the last purchase), never bought, exp(-days since the last view,
   * click, favourite or cart / 7), then each fittable reason's strength (0 when it does not fire).
   */
  static final List<String> FEATURES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  "intercept",
                  "purchase_days_90",
                  "purchase_days_365",
                  "days_since_purchase",
                  "never_bought",
                  "interest_recency"),
              FITTABLE.stream().map(OutreachReason::wireName))
          .toList();

  private static final int LAPSED_FOR_GOOD_DAYS = 365;
  // Impressions this close to the last one belong to the same shelf open.
  private static final Duration ONE_OPEN = Duration.ofMinutes(10);
  private static final Set<EventType> INTEREST =
      EnumSet.of(EventType.VIEW, EventType.CLICK, EventType.FAVORITE, EventType.CART);
  private static final Set<Reason.Kind> FITS_THE_FAN =
      EnumSet.of(
          Reason.Kind.LABEL_MATCH,
          Reason.Kind.BECAUSE_YOU_VIEWED,
          Reason.Kind.BECAUSE_YOU_BOUGHT,
          Reason.Kind.FAVOURITE_CATEGORY);
  private static final Comparator<OutreachPick> BEST_FIRST =
      Comparator.comparingDouble(OutreachPick::expectedCommissionCents)
          .reversed()
          .thenComparing(Comparator.comparingDouble(OutreachPick::probability).reversed())
          .thenComparing(pick -> pick.fan().value());

  private static final Comparator<OutreachGroup> MOST_VALUABLE_FIRST =
      Comparator.comparingDouble(OutreachGroup::expectedCommissionCents)
          .reversed()
          .thenComparing(Comparator.comparingInt(OutreachGroup::listedFans).reversed())
          .thenComparing(OutreachGroup::name);

  private final Indexer indexer;
  private final Recommender recommender;
  private final OutreachOptions options;

  public OutreachPlanner(Indexer indexer, Recommender recommender, OutreachOptions options) {
    this.indexer = indexer;
    this.recommender = recommender;
    this.options = options;
  }

  public OutreachOptions options() {
    return options;
  }

  /**
   * The list for {@code owner} at {@code now}: the fans with a reason, best first, at most the
   * budget; opted-out fans and fans messaged within the cap's days are left out. The chance each
   * listed fan buys is fitted on the owner's fans over the {@value #FIT_WINDOWS} weeks before
   * {@code now} (features at a week's start, label: bought within that week), so nothing after
   * {@code now} is read; with too little to fit, the judgement-set lifts give it.
   */
  public OutreachPlan plan(OwnerId owner, Instant now, Predicate<FanId> optedOut)
      throws IOException {
    Catalog catalog = new Catalog();
    Map<ProductId, ProductChange> changes = recentChanges(now);
    List<Map<ProductId, ProductChange>> windowChanges = new ArrayList<>();
    for (int window = 1; window <= FIT_WINDOWS; window++) {
      windowChanges.add(recentChanges(windowStart(now, window)));
    }
    List<double[]> rows = new ArrayList<>();
    List<Boolean> bought = new ArrayList<>();
    List<Listable> listable = new ArrayList<>();
    Map<FanId, Set<String>> groupsOf = new HashMap<>();
    int fans = 0;
    int skipped = 0;
    int capped = 0;
    Optional<String> after = Optional.empty();
    do {
      FanPage page =
          indexer
              .store()
              .fans()
              .find(new FanQuery(owner, Map.of(), Set.of(), after, FanQuery.MAX_PAGE_SIZE));
      for (var profile : page.fans()) {
        FanId fan = profile.fan().id();
        fans++;
        List<Event> all = indexer.store().events().allOf(fan);
        // Every fan of the owner is a row of the fit, listed today or not: the fit describes how
        // the owner's fans buy after such signals, whoever is messaged today.
        for (int window = 1; window <= FIT_WINDOWS; window++) {
          Instant start = windowStart(now, window);
          History before = History.of(all, start);
          rows.add(
              features(
                  before, start, signals(start, before, windowChanges.get(window - 1), catalog)));
          bought.add(History.bought(all, start, start.plus(HORIZON)));
        }
        if (optedOut.test(fan)) {
          skipped++;
          continue;
        }
        History history = History.of(all, now);
        if (capped(owner, history, now)) {
          capped++;
          continue;
        }
        List<Candidate> candidates = candidates(owner, fan, now, history, changes, catalog);
        if (!candidates.isEmpty()) {
          listable.add(new Listable(fan, history, candidates));
        }
        groupsOf.put(fan, profile.fan().groups());
      }
      after = page.next();
    } while (after.isPresent());
    boolean[] labels = new boolean[bought.size()];
    int buyers = 0;
    for (int i = 0; i < labels.length; i++) {
      labels[i] = bought.get(i);
      buyers += labels[i] ? 1 : 0;
    }
    long started = System.nanoTime();
    Optional<PurchaseModel> fit = PurchaseModel.fit(rows, labels);
    Duration fitTime = Duration.ofNanos(System.nanoTime() - started);
    Odds odds = new Odds(fit);
    List<OutreachPick> picks = new ArrayList<>();
    for (Listable fan : listable) {
      picks(owner, fan.fan(), now, fan.history(), fan.candidates(), odds).stream()
          .findFirst()
          .ifPresent(picks::add);
    }
    picks.sort(BEST_FIRST);
    int withReason = picks.size();
    List<OutreachPick> listed = picks.subList(0, Math.min(options.budget(), withReason));
    return new OutreachPlan(
        now,
        listed,
        fans,
        skipped,
        capped,
        fans - skipped - capped - withReason,
        withReason - listed.size(),
        groups(listed, groupsOf),
        odds.describe(rows.size(), buyers, fitTime));
  }

  /** The start of the {@code window}-th week before {@code now}: its label week ends by then. */
  private static Instant windowStart(Instant now, int window) {
    return now.minus(HORIZON.multipliedBy(window));
  }

  /** A fan who may be listed today, with the reasons found before the probabilities are known. */
  private record Listable(FanId fan, History history, List<Candidate> candidates) {}

  /**
   * The owner's groups by what their listed members' picks are worth together: a post in the first
   * reaches the most of the day's value at once. A group no listed fan is in is left out.
   */
  static List<OutreachGroup> groups(List<OutreachPick> listed, Map<FanId, Set<String>> groupsOf) {
    Map<String, List<OutreachPick>> members = new HashMap<>();
    for (OutreachPick pick : listed) {
      for (String group : groupsOf.getOrDefault(pick.fan(), Set.of())) {
        members.computeIfAbsent(group, g -> new ArrayList<>()).add(pick);
      }
    }
    List<OutreachGroup> groups = new ArrayList<>();
    members.forEach(
        (name, picks) -> {
          Map<ProductId, Double> byProduct = new HashMap<>();
          Map<ProductId, Product> products = new HashMap<>();
          double total = 0;
          for (OutreachPick pick : picks) {
            total += pick.expectedCommissionCents();
            byProduct.merge(pick.product().id(), pick.expectedCommissionCents(), Double::sum);
            products.putIfAbsent(pick.product().id(), pick.product());
          }
          ProductId top =
              byProduct.entrySet().stream()
                  .max(
                      Map.Entry.<ProductId, Double>comparingByValue()
                          .thenComparing(
                              Map.Entry.comparingByKey(
                                  Comparator.comparing(ProductId::value).reversed())))
                  .orElseThrow()
                  .getKey();
          groups.add(new OutreachGroup(name, picks.size(), total, products.get(top)));
        });
    groups.sort(MOST_VALUABLE_FIRST);
    return groups;
  }

  /**
   * Whether the fan was messaged on one of the {@code capDays - 1} days before the UTC day of
   * {@code now}: a fan messaged on day D is listed again on day D + capDays at the earliest. A
   * message of the day itself does not take the fan off that day's list (it shows as sent).
   */
  private boolean capped(OwnerId owner, History history, Instant now) {
    Instant today = startOfDay(now);
    Optional<Instant> last = history.lastMessagedBefore(owner, today);
    return last.isPresent()
        && startOfDay(last.get()).isAfter(today.minus(DAY.multipliedBy(options.capDays())));
  }

  private static Instant startOfDay(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
  }

  /**
   * Every reason the fan has at {@code now}, best first, ignoring the cap and opt-outs. One fan
   * gives nothing to fit on, so the probabilities are the judgement-set ones.
   */
  public List<OutreachPick> reasons(OwnerId owner, FanId fan, Instant now) throws IOException {
    History history = History.of(indexer.store().events().allOf(fan), now);
    List<Candidate> candidates =
        candidates(owner, fan, now, history, recentChanges(now), new Catalog());
    return picks(owner, fan, now, history, candidates, new Odds(Optional.empty()));
  }

  private Map<ProductId, ProductChange> recentChanges(Instant now) throws IOException {
    Map<ProductId, ProductChange> changes = new HashMap<>();
    for (ProductChange change :
        indexer
            .store()
            .catalog()
            .changedSince(now.minus(DAY.multipliedBy(options.lookbackDays())))) {
      if (!change.changedAt().isAfter(now) && (change.restocked() || change.cheaper())) {
        changes.put(change.product(), change);
      }
    }
    return changes;
  }

  /**
   * The reasons the fan's history and the catalog give at a moment, without ranking the shelf (a
   * past week's rows of the fit are read this way); lapsed and regular-shop signals have no product
   * yet.
   */
  private List<Candidate> signals(
      Instant now, History history, Map<ProductId, ProductChange> changes, Catalog catalog)
      throws IOException {
    List<Candidate> found = new ArrayList<>();
    changedInterest(now, history, changes, catalog, found);
    repurchaseDue(now, history, catalog, found);
    regularShopDue(now, history, found);
    lapsed(now, history, found);
    return found;
  }

  /**
   * Every reason at {@code now}, the shelf's too, each with the product the message is about; a
   * reason about the fan stays without one when the shelf is empty (a feature, not a message).
   */
  private List<Candidate> candidates(
      OwnerId owner,
      FanId fan,
      Instant now,
      History history,
      Map<ProductId, ProductChange> changes,
      Catalog catalog)
      throws IOException {
    List<Candidate> signals = signals(now, history, changes, catalog);
    List<RecommendedItem> shelf =
        recommender
            .recommend(RecommendRequest.forYou(owner, fan, options.shelfSize(), now))
            .items();
    List<Candidate> found = new ArrayList<>();
    for (Candidate signal : signals) {
      // a reason about the fan rather than one product names the shelf's top item
      found.add(
          signal.product().isEmpty() && !shelf.isEmpty()
              ? signal.about(shelf.getFirst().product())
              : signal);
    }
    newArrival(now, shelf, found);
    shelfChanged(owner, now, history, shelf, found);
    return found;
  }

  /** The fan's candidates as picks, with the odds' probabilities, best first. */
  private List<OutreachPick> picks(
      OwnerId owner,
      FanId fan,
      Instant now,
      History history,
      List<Candidate> candidates,
      Odds odds) {
    double[] features = features(history, now, candidates);
    Propensity propensity = Propensity.of(history, now);
    Optional<Instant> sentToday =
        history
            .lastMessagedBefore(owner, now.plusMillis(1))
            .filter(at -> !at.isBefore(startOfDay(now)));
    // A product due names what to buy: the regular shop it is part of adds nothing to say (it
    // stays a feature of the fit all the same).
    boolean productDue =
        candidates.stream().anyMatch(c -> c.reason() == OutreachReason.REPURCHASE_DUE);
    List<OutreachPick> picks = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.product().isEmpty()
          || (productDue && candidate.reason() == OutreachReason.REGULAR_SHOP_DUE)) {
        continue;
      }
      double probability = odds.probability(candidate, features, propensity);
      Product product = candidate.product().get();
      double value = product.priceCents() * product.commissionRate();
      picks.add(
          new OutreachPick(
              fan,
              candidate.reason(),
              product,
              probability,
              probability * value,
              candidate.evidence(),
              sentToday));
    }
    picks.sort(BEST_FIRST);
    return picks;
  }

  /** Viewed or carted, not bought since, and now back in stock or cheaper. */
  private void changedInterest(
      Instant now,
      History history,
      Map<ProductId, ProductChange> changes,
      Catalog catalog,
      List<Candidate> found)
      throws IOException {
    Instant since = now.minus(DAY.multipliedBy(options.interestDays()));
    for (Map.Entry<ProductId, Event> interest : history.latestInterest(since).entrySet()) {
      ProductChange change = changes.get(interest.getKey());
      Event action = interest.getValue();
      if (change == null
          || !change.changedAt().isAfter(action.time())
          || history.boughtSince(interest.getKey(), action.time())) {
        continue;
      }
      Optional<Product> product = catalog.get(interest.getKey());
      if (product.isEmpty() || !product.get().inStock()) {
        continue;
      }
      OutreachReason reason =
          change.restocked() ? OutreachReason.BACK_IN_STOCK : OutreachReason.PRICE_DROP;
      double intent =
          action.type() == EventType.CART || action.type() == EventType.FAVORITE ? 1 : 0.5;
      double freshness = Math.exp(-days(action.time(), now) / 30);
      Evidence evidence =
          new Evidence(
              action.time(),
              Optional.of(action.type()),
              Optional.of(change),
              OptionalDouble.empty(),
              OptionalInt.empty(),
              OptionalDouble.empty());
      found.add(new Candidate(reason, product, intent * freshness, evidence));
    }
  }

  /** A product bought on three days or more, whose next purchase is due by the fan's interval. */
  private void repurchaseDue(Instant now, History history, Catalog catalog, List<Candidate> found)
      throws IOException {
    // The rhythm of one product, or of its leaf category (milk, whichever brand): the product
    // named is the one of the category the fan bought on the most days.
    Map<String, TreeSet<Long>> categoryDays = new HashMap<>();
    Map<String, ProductId> favourite = new HashMap<>();
    Map<String, Integer> favouriteDays = new HashMap<>();
    Map<ProductId, TreeSet<Long>> productDays = history.purchaseDays();
    Set<String> coveredCategories = new HashSet<>();
    for (Map.Entry<ProductId, TreeSet<Long>> bought : productDays.entrySet()) {
      Optional<Product> product = catalog.get(bought.getKey());
      if (product.isEmpty()) {
        continue;
      }
      String category = product.get().categoryKey();
      categoryDays.computeIfAbsent(category, c -> new TreeSet<>()).addAll(bought.getValue());
      if (bought.getValue().size() > favouriteDays.getOrDefault(category, 0)
          && product.get().inStock()) {
        favourite.put(category, bought.getKey());
        favouriteDays.put(category, bought.getValue().size());
      }
      if (due(now, bought.getValue(), product.get(), found)) {
        coveredCategories.add(category);
      }
    }
    for (Map.Entry<String, TreeSet<Long>> category : categoryDays.entrySet()) {
      ProductId named = favourite.get(category.getKey());
      if (named != null && !coveredCategories.contains(category.getKey())) {
        Optional<Product> product = catalog.get(named);
        if (product.isPresent()) {
          due(now, category.getValue(), product.get(), found);
        }
      }
    }
  }

  /** Adds a repurchase candidate when the days' rhythm says the next purchase is due now. */
  private boolean due(Instant now, TreeSet<Long> days, Product product, List<Candidate> found) {
    if (days.size() < 3 || !product.inStock()) {
      return false; // two purchases are one interval: too little to call it a habit
    }
    double interval = medianGap(days);
    double elapsed = now.getEpochSecond() / 86_400.0 - days.last();
    double ratio = elapsed / interval;
    if (ratio < 0.9 || ratio > 2) {
      return false;
    }
    double timing = ratio <= 1.5 ? 1 : 0.5;
    double habit = Math.min(1, days.size() / 6.0);
    Evidence evidence = rhythm(days, interval);
    found.add(
        new Candidate(
            OutreachReason.REPURCHASE_DUE, Optional.of(product), timing * habit, evidence));
    return true;
  }

  /** What a rhythm rests on: the last of the purchase days, their usual interval and count. */
  private static Evidence rhythm(TreeSet<Long> days, double interval) {
    return new Evidence(
        Instant.ofEpochSecond(days.last() * 86_400),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.of(interval),
        OptionalInt.of(days.size()),
        OptionalDouble.empty());
  }

  /**
   * The fan shops on four days or more (whatever they buy), and by the median of the days between
   * shops the next one falls within the coming week, not yet twice overdue (then it is a lapse to
   * win back, not a shop to remind of).
   */
  private void regularShopDue(Instant now, History history, List<Candidate> found) {
    TreeSet<Long> days = history.allPurchaseDays();
    if (days.size() < 4) {
      return; // three gaps at least, so one odd week does not make the rhythm
    }
    double interval = medianGap(days);
    double elapsed = now.getEpochSecond() / 86_400.0 - days.last();
    if (elapsed + HORIZON.toDays() < interval || elapsed > 2 * interval) {
      return;
    }
    double timing = elapsed <= 1.5 * interval ? 1 : 0.5;
    double habit = Math.min(1, days.size() / 6.0);
    Evidence evidence = rhythm(days, interval);
    found.add(
        new Candidate(OutreachReason.REGULAR_SHOP_DUE, Optional.empty(), timing * habit, evidence));
  }

  /** The median of the gaps between consecutive days (at least two days). */
  private static double medianGap(TreeSet<Long> days) {
    List<Long> gaps = new ArrayList<>();
    Long previous = null;
    for (long day : days) {
      if (previous != null) {
        gaps.add(day - previous);
      }
      previous = day;
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }

  /** The best-ranked new arrival of the shelf that it explains by the fan's labels or history. */
  private void newArrival(Instant now, List<RecommendedItem> shelf, List<Candidate> found) {
    Instant arrivedAfter = now.minus(DAY.multipliedBy(options.lookbackDays()));
    for (int rank = 0; rank < shelf.size(); rank++) {
      RecommendedItem item = shelf.get(rank);
      Product product = item.product();
      boolean fits = item.reasons().stream().anyMatch(r -> FITS_THE_FAN.contains(r.kind()));
      if (product.createdAt().isAfter(arrivedAfter) && !product.createdAt().isAfter(now) && fits) {
        found.add(
            new Candidate(
                OutreachReason.NEW_ARRIVAL,
                Optional.of(product),
                1 / (1 + rank / 5.0),
                Evidence.at(product.createdAt())));
        return;
      }
    }
  }

  /**
   * Most of the shelf's top is new since the fan last opened the owner's shelf (a day ago or more).
   */
  private void shelfChanged(
      OwnerId owner,
      Instant now,
      History history,
      List<RecommendedItem> shelf,
      List<Candidate> found) {
    Optional<Instant> opened = history.lastOpened(owner);
    // a shelf last opened before the interest window is a fan to win back (lapsed), not one to
    // tell what changed since last week
    if (opened.isEmpty()
        || opened.get().isAfter(now.minus(DAY))
        || opened.get().isBefore(now.minus(DAY.multipliedBy(options.interestDays())))
        || shelf.isEmpty()) {
      return;
    }
    Set<ProductId> seen = history.shownAround(owner, opened.get());
    List<RecommendedItem> top = shelf.subList(0, Math.min(shelf.size(), Math.max(1, seen.size())));
    List<RecommendedItem> fresh =
        top.stream().filter(item -> !seen.contains(item.product().id())).toList();
    double share = (double) fresh.size() / top.size();
    if (share < options.shelfChangedShare()) {
      return;
    }
    Evidence evidence =
        new Evidence(
            opened.get(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalInt.empty(),
            OptionalDouble.of(share));
    found.add(
        new Candidate(
            OutreachReason.SHELF_CHANGED,
            Optional.of(fresh.getFirst().product()),
            share,
            evidence));
  }

  /** Bought on two days or more, and not seen (no shelf open, no event) for the lapse's days. */
  private void lapsed(Instant now, History history, List<Candidate> found) {
    int purchaseDays = history.allPurchaseDays().size();
    Optional<Instant> lastBought = history.lastPurchase();
    if (purchaseDays < 2 || lastBought.isEmpty()) {
      return;
    }
    double away = days(history.lastSeen().orElse(lastBought.get()), now);
    // After a year away a "we miss you" reaches someone who has moved on: not worth the message.
    if (away < options.lapsedDays() || away > LAPSED_FOR_GOOD_DAYS) {
      return;
    }
    double loyalty = Math.min(1, purchaseDays / 5.0);
    double fading = Math.exp(-(away - options.lapsedDays()) / 90);
    Evidence evidence =
        new Evidence(
            lastBought.get(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalInt.of(purchaseDays),
            OptionalDouble.empty());
    found.add(new Candidate(OutreachReason.LAPSED, Optional.empty(), loyalty * fading, evidence));
  }

  /**
   * A reason found for a fan before its probability is known.
   *
   * @param product what the message is about; empty for a reason about the fan (lapsed, regular
   *     shop) until the shelf is ranked, and when it is empty
   * @param strength how strong the evidence is, in [0, 1]: the reason's feature in the fit, and
   *     what scales its judgement-set lift
   */
  private record Candidate(
      OutreachReason reason, Optional<Product> product, double strength, Evidence evidence) {
    Candidate about(Product shelfTop) {
      return new Candidate(reason, Optional.of(shelfTop), strength, evidence);
    }
  }

  /**
   * A fan's features at a moment, from the history before it and the reasons it gives: column 0 the
   * intercept, then {@link #FEATURES} in order. Logs, so a fan with 40 shopping days is not 40
   * times one with one.
   */
  private static double[] features(History history, Instant at, List<Candidate> reasons) {
    double[] x = new double[FEATURES.size()];
    x[0] = 1;
    x[1] = Math.log1p(history.purchaseDaysSince(at.minus(DAY.multipliedBy(90))));
    x[2] = Math.log1p(history.purchaseDaysSince(at.minus(DAY.multipliedBy(365))));
    Optional<Instant> last = history.lastPurchase();
    x[3] = last.map(l -> Math.log1p(Math.min(365, days(l, at)))).orElse(0.0);
    x[4] = last.isEmpty() ? 1 : 0;
    x[5] = history.lastInterest().map(i -> Math.exp(-days(i, at) / 7)).orElse(0.0);
    for (Candidate reason : reasons) {
      int column = FEATURES.indexOf(reason.reason().wireName());
      if (column > 0) {
        x[column] = Math.max(x[column], reason.strength());
      }
    }
    return x;
  }

  /**
   * The probabilities of a plan: the fit's where there is one and it saw the reason, else the fan's
   * own rhythm (or, with a fit, the fitted chance of their history alone) times the reason's
   * judgement-set lift and the evidence's strength.
   */
  private final class Odds {
    private final Optional<PurchaseModel> model;

    Odds(Optional<PurchaseModel> model) {
      this.model = model;
    }

    double probability(Candidate candidate, double[] features, Propensity propensity) {
      double lift = options.lifts().get(candidate.reason()) * candidate.strength();
      if (model.isEmpty()) {
        double base =
            candidate.reason() == OutreachReason.LAPSED ? propensity.year() : propensity.recent();
        return Math.min(0.95, base * lift);
      }
      if (seen(candidate.reason())) {
        return model.get().probability(features);
      }
      double[] history = features.clone();
      for (OutreachReason reason : FITTABLE) {
        history[FEATURES.indexOf(reason.wireName())] = 0;
      }
      return Math.min(0.95, model.get().probability(history) * lift);
    }

    private boolean seen(OutreachReason reason) {
      int column = FEATURES.indexOf(reason.wireName());
      return column > 0 && model.orElseThrow().fitted(column);
    }

    OutreachModel describe(int rows, int buyers, Duration fitTime) {
      Map<String, Double> weights = new java.util.LinkedHashMap<>();
      Set<OutreachReason> judged = EnumSet.allOf(OutreachReason.class);
      if (model.isPresent()) {
        for (int column = 0; column < FEATURES.size(); column++) {
          weights.put(FEATURES.get(column), model.get().weight(column));
        }
        judged.removeIf(this::seen);
      }
      return new OutreachModel(model.isPresent(), rows, buyers, weights, judged, fitTime);
    }
  }

  /** The catalog's products as one plan reads them, each looked up once. */
  private final class Catalog {
    private final Map<ProductId, Optional<Product>> read = new HashMap<>();

    Optional<Product> get(ProductId id) throws IOException {
      Optional<Product> product = read.get(id);
      if (product == null) {
        product = indexer.store().catalog().get(id);
        read.put(id, product);
      }
      return product;
    }
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 86_400_000.0;
  }

  /**
   * How likely the fan is to buy within 7 days anyway, from their own rhythm: with d days with a
   * purchase in a window of w days, 1 - exp(-7 d / w), counting half a day for a fan with none (a
   * Poisson rate). A reason multiplies it by its lift: the list is the fans whom a message moves
   * most, not merely the busiest.
   *
   * @param recent over the last 90 days
   * @param year over the last 365 days, for a lapsed fan (the rhythm they used to have)
   */
  private record Propensity(double recent, double year) {
    static Propensity of(History history, Instant now) {
      return new Propensity(rate(history, now, 90), rate(history, now, 365));
    }

    private static double rate(History history, Instant now, int windowDays) {
      int days = history.purchaseDaysSince(now.minus(DAY.multipliedBy(windowDays)));
      return 1 - Math.exp(-7 * Math.max(0.5, days) / windowDays);
    }
  }

  /** The fan's events up to a moment, as the reasons read them. */
  private record History(List<Event> events) {
    static History of(List<Event> all, Instant now) {
      List<Event> events = new ArrayList<>(all.size());
      for (Event event : all) {
        if (!event.time().isAfter(now)) {
          events.add(event);
        }
      }
      return new History(events);
    }

    /** The latest message the owner marked sent to the fan before a moment. */
    Optional<Instant> lastMessagedBefore(OwnerId owner, Instant before) {
      return latest(
          e ->
              e.type() == EventType.SHARE
                  && e.owner().equals(Optional.of(owner))
                  && e.source().equals(Optional.of(SENT_SOURCE))
                  && e.time().isBefore(before));
    }

    /** The latest view, click, favourite or cart per product since a moment. */
    Map<ProductId, Event> latestInterest(Instant since) {
      Map<ProductId, Event> latest = new HashMap<>();
      for (Event event : events) {
        if (INTEREST.contains(event.type()) && event.time().isAfter(since)) {
          latest.merge(event.product(), event, (a, b) -> strongerOrLater(a, b) ? a : b);
        }
      }
      return latest;
    }

    // A cart outranks a later view of the same product; otherwise the later action counts.
    private static boolean strongerOrLater(Event a, Event b) {
      int rankA = a.type() == EventType.CART || a.type() == EventType.FAVORITE ? 1 : 0;
      int rankB = b.type() == EventType.CART || b.type() == EventType.FAVORITE ? 1 : 0;
      return rankA != rankB ? rankA > rankB : !a.time().isBefore(b.time());
    }

    boolean boughtSince(ProductId product, Instant since) {
      return events.stream()
          .anyMatch(
              e ->
                  e.type() == EventType.PURCHASE
                      && e.product().equals(product)
                      && !e.time().isBefore(since));
    }

    /** Per product, the days (since the epoch, UTC) it was bought on. */
    Map<ProductId, TreeSet<Long>> purchaseDays() {
      Map<ProductId, TreeSet<Long>> days = new HashMap<>();
      for (Event event : events) {
        if (event.type() == EventType.PURCHASE) {
          days.computeIfAbsent(event.product(), p -> new TreeSet<>())
              .add(Math.floorDiv(event.time().getEpochSecond(), 86_400));
        }
      }
      return days;
    }

    int purchaseDaysSince(Instant since) {
      Set<Long> days = new HashSet<>();
      for (Event event : events) {
        if (event.type() == EventType.PURCHASE && event.time().isAfter(since)) {
          days.add(Math.floorDiv(event.time().getEpochSecond(), 86_400));
        }
      }
      return days.size();
    }

    /** Whether any of the events is a purchase in [from, until). */
    static boolean bought(List<Event> all, Instant from, Instant until) {
      for (Event event : all) {
        if (event.type() == EventType.PURCHASE
            && !event.time().isBefore(from)
            && event.time().isBefore(until)) {
          return true;
        }
      }
      return false;
    }

    /** The days (since the epoch, UTC) with a purchase of anything. */
    TreeSet<Long> allPurchaseDays() {
      TreeSet<Long> days = new TreeSet<>();
      for (Event event : events) {
        if (event.type() == EventType.PURCHASE) {
          days.add(Math.floorDiv(event.time().getEpochSecond(), 86_400));
        }
      }
      return days;
    }

    /** The latest view, click, favourite or cart. */
    Optional<Instant> lastInterest() {
      return latest(e -> INTEREST.contains(e.type()));
    }

    Optional<Instant> lastPurchase() {
      return latest(e -> e.type() == EventType.PURCHASE);
    }

    /** The latest event of any kind but the owner's own sent messages. */
    Optional<Instant> lastSeen() {
      return latest(
          e -> !(e.type() == EventType.SHARE && e.source().equals(Optional.of(SENT_SOURCE))));
    }

    /** The latest shelf impression the owner's shelf recorded. */
    Optional<Instant> lastOpened(OwnerId owner) {
      return latest(e -> e.type() == EventType.IMPRESSION && e.owner().equals(Optional.of(owner)));
    }

    /** The products the owner's shelf showed in the open that ended at {@code opened}. */
    Set<ProductId> shownAround(OwnerId owner, Instant opened) {
      Instant from = opened.minus(ONE_OPEN);
      Set<ProductId> shown = new HashSet<>();
      for (Event event : events) {
        if (event.type() == EventType.IMPRESSION
            && event.owner().equals(Optional.of(owner))
            && !event.time().isBefore(from)
            && !event.time().isAfter(opened)) {
          shown.add(event.product());
        }
      }
      return shown;
    }

    private Optional<Instant> latest(Predicate<Event> which) {
      Instant latest = null;
      for (Event event : events) {
        if (which.test(event) && (latest == null || event.time().isAfter(latest))) {
          latest = event.time();
        }
      }
      return Optional.ofNullable(latest);
    }
  }
}
