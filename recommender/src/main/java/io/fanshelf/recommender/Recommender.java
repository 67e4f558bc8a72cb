package io.fanshelf.recommender;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.ScoredItem;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.activity.StoredHistory;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.Candidates;
import io.fanshelf.recommender.candidate.NeedSource;
import io.fanshelf.recommender.candidate.NewArrivalsSource;
import io.fanshelf.recommender.candidate.RecentlyViewedSource;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.collaborative.BoundCollaborative;
import io.fanshelf.recommender.collaborative.TopK;
import io.fanshelf.recommender.feature.FeatureExtractor;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.RankingHolder;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.reason.Reasons;
import io.fanshelf.recommender.rules.Curation;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.recommender.rules.Diversity;
import io.fanshelf.recommender.rules.NearDuplicates;
import io.fanshelf.recommender.rules.Rules;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

/**
 * The recommender's front door. For a request it reads the fan (this owner's labels, the recent
 * history, affinities), collects candidates from the section's sources (and the fallback sources
 * when they find too little), drops what the rules forbid, scores the rest with the current {@link
 * RankingModel} (its collaborative models propose and describe candidates, its {@link Ranker}
 * orders them), diversifies the top, puts the owner's pins first and explains each item.
 *
 * <p>Thread-safe; one instance serves all requests. It holds no resources of its own: the {@link
 * Indexer} it reads belongs to the caller.
 */
public final class Recommender {
  private final Indexer indexer;
  private final RecommenderOptions options;
  private final CurationLookup curation;
  private final RankingHolder rankings;
  private final SignalsCache signals;
  // the current ranking's collaborative models tied to the current catalog, rebuilt when either
  // changes (a request compares both by identity)
  private final AtomicReference<BoundCollaborative> bound =
      new AtomicReference<>(BoundCollaborative.NONE);
  private final RecentActivity recentActivity;
  private final StoredHistory storedHistory;

  private Recommender(
      Indexer indexer,
      RecommenderOptions options,
      CurationLookup curation,
      RecentActivity recentActivity,
      StoredHistory storedHistory,
      Clock clock)
      throws IOException {
    this.indexer = indexer;
    this.options = options;
    this.curation = curation;
    this.recentActivity = recentActivity;
    this.storedHistory = storedHistory;
    this.rankings = new RankingHolder(RankingModel.popularity());
    this.signals = new SignalsCache(indexer, options.leadersRefresh(), clock);
  }

  /**
   * A recommender over the indexer's data, ranking by popularity (label matches breaking ties)
   * until a model is used.
   */
  public static Recommender open(
      Indexer indexer, RecommenderOptions options, CurationLookup curation) throws IOException {
    return open(indexer, options, curation, RecentActivity.NONE);
  }

  /**
   * A recommender that also sees {@code recentActivity}: what fans did a moment ago, perhaps on
   * another API node, before the store has it.
   */
  public static Recommender open(
      Indexer indexer,
      RecommenderOptions options,
      CurationLookup curation,
      RecentActivity recentActivity)
      throws IOException {
    return open(
        indexer, options, curation, recentActivity, StoredHistory.of(indexer.store().events()));
  }

  /**
   * A recommender that also sees {@code recentActivity} and reads the fans' stored history from
   * {@code storedHistory} (which must answer as the indexer's store would) instead of the store.
   */
  public static Recommender open(
      Indexer indexer,
      RecommenderOptions options,
      CurationLookup curation,
      RecentActivity recentActivity,
      StoredHistory storedHistory)
      throws IOException {
    return new Recommender(
        indexer, options, curation, recentActivity, storedHistory, indexer.options().clock());
  }

  /** The options this recommender ranks with (training must learn with the same sources). */
  public RecommenderOptions options() {
    return options;
  }

  /** The ranking in use; {@link RankingHolder#use} switches it without a restart. */
  public RankingHolder rankings() {
    return rankings;
  }

  /** The current platform-wide signals (for training, evaluation and diagnostics). */
  public Signals signals() throws IOException {
    return signals.current();
  }

  /** What the recommender knows of a fan at {@code now}, as {@code owner} may use it. */
  public FanContext fanContext(OwnerId owner, FanId fan, Instant now) throws IOException {
    return fanContext(owner, fan, now, true);
  }

  private FanContext fanContext(OwnerId owner, FanId fan, Instant now, boolean withLabels)
      throws IOException {
    List<Label> labels =
        withLabels
            ? indexer
                .store()
                .fans()
                .get(owner, fan)
                .map(FanProfile::labels)
                .map(byDimension -> List.copyOf(byDimension.values()))
                .orElse(List.of())
            : List.of();
    List<Event> history =
        withRecentActivity(fan, storedHistory.recent(fan, options.historyLimit())).stream()
            .filter(event -> event.time().isBefore(now))
            .toList();
    return new FanContext(
        owner, fan, labels, history, indexer.aggregates().affinity(fan, now), now);
  }

  /**
   * The stored history plus the recent activity the store does not have yet (same product, type and
   * second), newest first, at most {@code historyLimit}.
   */
  private List<Event> withRecentActivity(FanId fan, List<Event> stored) {
    List<RecentActivity.Activity> recent = recentActivity.recent(fan);
    if (recent.isEmpty()) {
      return stored;
    }
    Set<RecentActivity.Activity> known = new HashSet<>();
    for (Event event : stored) {
      if (RecentActivity.KEPT.contains(event.type())) {
        known.add(new RecentActivity.Activity(event.product(), event.type(), event.time()));
      }
    }
    List<Event> merged = new ArrayList<>(stored);
    for (RecentActivity.Activity activity : recent) {
      if (known.add(activity)) {
        merged.add(asEvent(fan, activity));
      }
    }
    if (merged.size() == stored.size()) {
      return stored;
    }
    merged.sort(Comparator.comparing(Event::time).reversed());
    return merged.size() > options.historyLimit()
        ? merged.subList(0, options.historyLimit())
        : merged;
  }

  /** An accepted event the store has not indexed yet, as the history sees it. */
  private static Event asEvent(FanId fan, RecentActivity.Activity activity) {
    return new Event(
        EventId.of(
            "recent:"
                + activity.time().getEpochSecond()
                + ":"
                + activity.type().wireName()
                + ":"
                + Integer.toHexString(activity.product().hashCode())),
        fan,
        activity.product(),
        activity.type(),
        activity.time(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty());
  }

  /**
   * What a main-list request for this fan at {@code now} works out about the fan under the current
   * ranking (for training, tests and diagnostics).
   */
  public FanEvidence evidence(OwnerId owner, FanId fan, Instant now) throws IOException {
    Signals current = signals.current();
    RankingModel model = rankings.current();
    return FanEvidence.of(
        fanContext(owner, fan, now, model.usesLabels()), current, bind(model, current));
  }

  /** The current ranking's collaborative models tied to {@code current}'s catalog. */
  private BoundCollaborative bind(RankingModel model, Signals current) {
    BoundCollaborative now = bound.get();
    if (!now.binds(model.collaborative(), current.catalog())) {
      now = BoundCollaborative.bind(model.collaborative(), current.catalog());
      bound.set(now);
    }
    return now;
  }

  public Recommendations recommend(RecommendRequest request) throws IOException {
    Signals current = signals.current();
    RankingModel model = rankings.current();
    boolean main = request.section() == Section.FOR_YOU;
    // a ranking that validation found no better with labels ranks the main list without them
    FanContext fan =
        fanContext(request.owner(), request.fan(), request.now(), !main || model.usesLabels());
    FanEvidence evidence = FanEvidence.of(fan, current, bind(model, current));
    try {
      return recommendFrom(evidence, request, current, model, main);
    } finally {
      evidence.release();
    }
  }

  private Recommendations recommendFrom(
      FanEvidence evidence,
      RecommendRequest request,
      Signals current,
      RankingModel model,
      boolean main)
      throws IOException {
    Ranker ranker = model.ranker();
    CandidateSources.Collected collected = null;
    Optional<Recommendations.NeedOutcome> need = Optional.empty();
    if (request.need().isPresent()) {
      CandidateSources.Collected matches = main ? needMatches(request, evidence) : null;
      int matched = matches == null ? 0 : matches.primaryFound();
      if (matched > 0) {
        collected = matches;
      }
      need = Optional.of(new Recommendations.NeedOutcome(matched, matched > 0));
    }
    if (collected == null) {
      collected = sectionCandidates(request, evidence, main);
    }
    Curation owned = curation.forOwner(request.owner());
    FeatureExtractor features = FeatureExtractor.of(evidence);
    Rules rules =
        new Rules(
            options.rules(),
            request,
            indexer.store().metadata().owner(request.owner()),
            owned,
            features.historyByOrdinal(),
            current.catalog());
    Candidates candidates = collected.candidates();
    if (main) {
      for (ProductId pin : owned.pins()) {
        current.catalog().ordinal(pin).ifPresent(candidates::ensure);
      }
    }
    Set<ProductId> pins = main ? new HashSet<>(owned.pins()) : Set.of();
    List<Candidates.Candidate> allowed = new ArrayList<>(candidates.size());
    for (Candidates.Candidate candidate : candidates.all()) {
      if (rules.allows(candidate.ordinal())) {
        allowed.add(candidate);
      }
    }
    // computed as the ranker reads them; whole only for the items shown, whose reasons read them
    FeatureExtractor.Vectors vectors = features.vectors(allowed);
    boolean ranked =
        request.section() == Section.FOR_YOU || request.section() == Section.MATCHES_YOUR_LABELS;
    double[] rankerScores = ranked ? ranker.scores(vectors) : null;
    double[] scores = new double[allowed.size()];
    int[] ordinals = new int[allowed.size()];
    for (int i = 0; i < allowed.size(); i++) {
      Candidates.Candidate candidate = allowed.get(i);
      scores[i] =
          ranked ? rankerScores[i] : candidate.sourceScore(sourceOrdering(request.section()));
      ordinals[i] = candidate.ordinal();
    }
    List<Scored> page = page(allowed, scores, ordinals, pins, owned, current.catalog(), request);
    Reasons reasons = new Reasons(evidence);
    List<RecommendedItem> items = new ArrayList<>();
    for (Scored s : page) {
      items.add(
          new RecommendedItem(
              s.product(),
              s.score(),
              sourcesOf(s.candidate()),
              reasons.explain(
                  s.ordinal(),
                  s.product(),
                  vectors.vector(s.index()),
                  sourceScores(s.candidate()),
                  s.pinned()),
              s.pinned()));
    }
    Optional<Recommendations.FallbackReason> fallback =
        collected.usedFallback()
            ? Optional.of(
                new Recommendations.FallbackReason(
                    collected.primaryFound(), wanted(request), collected.fallbackRan()))
            : Optional.empty();
    return new Recommendations(items, model.name(), candidates.size(), need, fallback);
  }

  /**
   * A stated need decides what the main list shows when anything matches it: the need's matches,
   * then personalised by the ranker.
   */
  private CandidateSources.Collected needMatches(RecommendRequest request, FanEvidence evidence)
      throws IOException {
    return CandidateSources.collect(
        request, evidence, List.of(NeedSource.NAME), List.of(), options.budgetPerSource(), 0);
  }

  /** The section's sources, with the fallback sources for the main list when they find too few. */
  private CandidateSources.Collected sectionCandidates(
      RecommendRequest request, FanEvidence evidence, boolean main) throws IOException {
    return CandidateSources.collect(
        request,
        evidence,
        options.sources().get(request.section()),
        main ? options.fallback() : List.of(),
        options.budgetPerSource(),
        main ? wanted(request) : 0);
  }

  /** Below this many candidates the main list adds the fallback sources. */
  private int wanted(RecommendRequest request) {
    return Math.max(options.minCandidates(), request.limit() * 3);
  }

  /** Recently viewed and new arrivals keep their own order: most recent first. */
  private static int sourceOrdering(Section section) {
    return CandidateSources.index(
        section == Section.RECENTLY_VIEWED ? RecentlyViewedSource.NAME : NewArrivalsSource.NAME);
  }

  /**
   * The list as shown, at most the request's limit: the owner's pins first in the owner's order,
   * then the rest highest score first (ties by catalog ordinal) without the near duplicates of
   * better ranked items, diversified. Arranged from the best {@link #PAGE_DEPTH} x limit
   * candidates, from four times as many when those cannot decide the page (a diversity cap gives
   * way on them, or too few are left), and from all at last: the page is the one that arranging
   * every candidate gives, for a fraction of the ordering and collapsing of hundreds.
   */
  private List<Scored> page(
      List<Candidates.Candidate> allowed,
      double[] scores,
      int[] ordinals,
      Set<ProductId> pins,
      Curation owned,
      CatalogSnapshot catalog,
      RecommendRequest request) {
    int limit = request.limit();
    List<Scored> pinned = new ArrayList<>();
    boolean[] isPinned = new boolean[allowed.size()];
    if (!pins.isEmpty()) {
      for (int i = 0; i < allowed.size(); i++) {
        Product product = catalog.product(ordinals[i]);
        if (pins.contains(product.id())) {
          isPinned[i] = true;
          pinned.add(new Scored(ordinals[i], allowed.get(i), product, i, scores[i], true));
        }
      }
      pinned.sort(Comparator.comparingInt(s -> owned.pins().indexOf(s.product().id())));
    }
    if (pinned.size() >= limit) {
      return pinned.subList(0, limit);
    }
    List<Diversity.Cap> caps = Diversity.caps(options.rules());
    ToIntFunction<Scored> category = s -> catalog.leafCategory(s.ordinal());
    for (int depth = PAGE_DEPTH * limit; ; depth *= 4) {
      boolean whole = depth >= allowed.size();
      int[] order = whole ? TopK.order(scores, ordinals) : TopK.order(scores, ordinals, depth);
      List<Scored> ranked = new ArrayList<>(order.length + pinned.size());
      for (int i : order) {
        if (!isPinned[i]) {
          ranked.add(
              new Scored(
                  ordinals[i], allowed.get(i), catalog.product(ordinals[i]), i, scores[i], false));
        }
      }
      // pins stay wherever they rank, and claim their title and family before any other item
      ranked.addAll(pinned);
      List<Scored> unpinned = new ArrayList<>(ranked.size());
      for (Scored s :
          NearDuplicates.collapse(
              ranked, Scored::ordinal, catalog, Scored::pinned, options.rules())) {
        if (!s.pinned()) {
          unpinned.add(s);
        }
      }
      Optional<List<Scored>> rest =
          whole
              ? Optional.of(Diversity.apply(unpinned, category, caps))
              : Diversity.first(unpinned, category, caps, limit - pinned.size());
      if (rest.isPresent()) {
        List<Scored> page = new ArrayList<>(pinned);
        page.addAll(rest.get());
        return page.subList(0, Math.min(limit, page.size()));
      }
    }
  }

  /** A page is first arranged from this many candidates per item shown. */
  private static final int PAGE_DEPTH = 4;

  /** One ranked candidate; {@code index} is its place among the request's feature vectors. */
  private record Scored(
      int ordinal,
      Candidates.Candidate candidate,
      Product product,
      int index,
      double score,
      boolean pinned) {}

  private static Set<String> sourcesOf(Candidates.Candidate candidate) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < CandidateSources.ALL.size(); i++) {
      if (candidate.from(i)) {
        names.add(CandidateSources.ALL.get(i).name());
      }
    }
    return names;
  }

  private static float[] sourceScores(Candidates.Candidate candidate) {
    float[] scores = new float[CandidateSources.ALL.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = candidate.sourceScore(i);
    }
    return scores;
  }

  /**
   * Products often bought together with {@code product}, that this owner may show: in stock, in the
   * assortment, not blocked.
   */
  public List<RecommendedItem> similar(OwnerId owner, ProductId product, int limit, Instant now)
      throws IOException {
    Signals current = signals.current();
    Curation owned = curation.forOwner(owner);
    Optional<io.fanshelf.indexer.model.Owner> ownerRecord = indexer.store().metadata().owner(owner);
    List<RecommendedItem> items = new ArrayList<>();
    for (RecommendedItem item : related(current, product, limit)) {
      Product candidate = item.product();
      if (candidate.inStock()
          && !owned.blocks().contains(candidate.id())
          && ownerRecord.map(o -> o.sells(candidate.categoryKey())).orElse(true)) {
        items.add(item);
        if (items.size() == limit) {
          break;
        }
      }
    }
    return items;
  }

  /**
   * "More like this" for one fan: the products {@link #similar} starts from, judged by the rules of
   * the fan's own list (also not bought recently, not resting after unclicked impressions), and
   * without near-duplicates of {@code product} or of each other. The fan's labels are not read, so
   * no label can show through.
   */
  public List<RecommendedItem> similarFor(
      OwnerId owner, FanId fan, ProductId product, int limit, Instant now) throws IOException {
    Signals current = signals.current();
    List<RecommendedItem> related = related(current, product, limit);
    FanEvidence evidence =
        FanEvidence.of(
            fanContext(owner, fan, now, false), current, bind(rankings.current(), current));
    Rules rules =
        new Rules(
            options.rules(),
            RecommendRequest.forYou(owner, fan, limit, now),
            indexer.store().metadata().owner(owner),
            curation.forOwner(owner),
            FeatureExtractor.of(evidence).historyByOrdinal(),
            current.catalog());
    CatalogSnapshot catalog = current.catalog();
    List<RecommendedItem> allowed = new ArrayList<>();
    // the product itself first, so that its own family and title claim their place
    allowed.add(
        new RecommendedItem(catalog.product(product).orElseThrow(), 0, Set.of(), List.of(), true));
    for (RecommendedItem item : related) {
      OptionalInt ordinal = catalog.ordinal(item.product().id());
      if (ordinal.isPresent() && rules.allows(ordinal.getAsInt())) {
        allowed.add(item);
      }
    }
    List<RecommendedItem> distinct =
        NearDuplicates.collapse(
            allowed,
            item -> catalog.ordinal(item.product().id()).getAsInt(),
            catalog,
            RecommendedItem::pinned,
            options.rules());
    return distinct.subList(1, Math.min(distinct.size(), limit + 1));
  }

  /**
   * Products related to {@code product}: often bought together with it (best first), then the
   * leaders of its leaf category; unchecked against any rule, at least {@code limit} when the
   * catalog has them.
   */
  private static List<RecommendedItem> related(Signals current, ProductId product, int limit) {
    if (limit < 1 || limit > RecommendRequest.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + RecommendRequest.MAX_LIMIT + ", got " + limit);
    }
    OptionalInt ordinal = current.catalog().ordinal(product);
    if (ordinal.isEmpty()) {
      throw new IllegalArgumentException("unknown product '" + product + "'");
    }
    List<ScoredItem> related =
        new ArrayList<>(current.aggregates().coOccurring(product, limit * 3));
    for (int ord : current.leaders().leaders(current.catalog().leafCategory(ordinal.getAsInt()))) {
      related.add(new ScoredItem(current.catalog().product(ord).id(), 0));
    }
    Reason together = Reason.of(Reason.Kind.BOUGHT_TOGETHER);
    Set<ProductId> seen = new HashSet<>(Set.of(product));
    List<RecommendedItem> items = new ArrayList<>();
    for (ScoredItem item : related) {
      Optional<Product> candidate = current.catalog().product(item.product());
      if (candidate.isPresent() && seen.add(item.product())) {
        items.add(
            new RecommendedItem(
                candidate.get(),
                item.score(),
                Set.of(item.score() > 0 ? "co-visit" : "affinity"),
                item.score() > 0 ? List.of(together) : List.of(),
                false));
      }
    }
    return items;
  }
}
