package io.fanshelf.training.dataset;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.Signals;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.catalog.CategoryLeaders;
import io.fanshelf.recommender.collaborative.BoundCollaborative;
import io.fanshelf.recommender.collaborative.Collaborative;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What FanShelf knew at a cutoff: aggregates rebuilt from the known events only, the products that
 * existed, the labels set before the cutoff, the collaborative models fitted on the known events
 * (once {@link #withCollaborative} gives them), and fan contexts whose history holds only known
 * events before the fan's moment. Features computed from a snapshot cannot see the future.
 * Immutable and thread-safe (its aggregates and models are).
 */
public final class Snapshot {
  /** Serving's size of the per-category popular lists. */
  static final int LEADERS_PER_CATEGORY = 200;

  private final TrainingData data;
  private final Predicate<? super Event> known;
  private final Instant at;
  private final Signals signals;
  private final BoundCollaborative models;

  private Snapshot(
      TrainingData data,
      Predicate<? super Event> known,
      Instant at,
      Signals signals,
      BoundCollaborative models) {
    this.data = data;
    this.known = known;
    this.at = at;
    this.signals = signals;
    this.models = models;
  }

  /** The same snapshot with collaborative models (fitted on its known events) bound to it. */
  public Snapshot withCollaborative(Collaborative collaborative) {
    return new Snapshot(
        data, known, at, signals, BoundCollaborative.bind(collaborative, signals.catalog()));
  }

  /** The collaborative models, bound to this snapshot's catalog. */
  public BoundCollaborative collaborative() {
    return models;
  }

  /** The events this snapshot knows. */
  public Predicate<? super Event> known() {
    return known;
  }

  /** What a request for this fan context works out, with this snapshot's models. */
  public FanEvidence evidence(FanContext fan) {
    return FanEvidence.of(fan, signals, models);
  }

  /**
   * Rebuilds the signals from the events {@code known} accepts (each must be before {@code at}'s
   * side of the split) and the catalog and labels as they were at {@code at}.
   */
  public static Snapshot build(TrainingData data, Predicate<? super Event> known, Instant at)
      throws IOException {
    List<Product> existing = new ArrayList<>();
    for (Product product : data.products().values()) {
      if (product.createdAt().isBefore(at)) {
        existing.add(product);
      }
    }
    CatalogSnapshot catalog = CatalogSnapshot.of(existing);
    EventAggregates.Context context =
        new EventAggregates.Context() {
          @Override
          public Optional<Product> product(ProductId id) {
            return Optional.ofNullable(data.products().get(id));
          }

          @Override
          public List<FanProfile> profilesOf(FanId fan) {
            return data.profiles().getOrDefault(fan, List.of()).stream()
                .map(p -> labelsBefore(p, at))
                .toList();
          }
        };
    EventAggregates aggregates =
        EventAggregates.rebuild(
            data.log().view(known), data.feedback(), data.aggregates(), context);
    CategoryLeaders leaders =
        CategoryLeaders.compute(catalog, aggregates, at, LEADERS_PER_CATEGORY);
    Signals signals =
        new Signals(
            catalog,
            data.store().catalog(),
            aggregates,
            leaders,
            data.store().metadata().taxonomy(),
            data.feedback());
    return new Snapshot(data, known, at, signals, BoundCollaborative.NONE);
  }

  private static FanProfile labelsBefore(FanProfile profile, Instant at) {
    Map<String, Label> kept = new TreeMap<>();
    profile
        .labels()
        .forEach(
            (d, l) -> {
              if (l.time().isBefore(at)) {
                kept.put(d, l);
              }
            });
    return kept.size() == profile.labels().size() ? profile : new FanProfile(profile.fan(), kept);
  }

  public Signals signals() {
    return signals;
  }

  public Instant at() {
    return at;
  }

  public TrainingData data() {
    return data;
  }

  /**
   * The fan as {@code owner} knew them at {@code now}: labels set before {@code now} (none when
   * {@code hideLabels}), known events before {@code now} newest first (serving's history limit),
   * and affinities from the snapshot's aggregates.
   */
  public FanContext fanContext(OwnerId owner, FanId fan, Instant now, boolean hideLabels) {
    return fanContext(owner, fan, now, hideLabels, false);
  }

  /**
   * The same; with {@code asNew}, as a fan the shop has just met: labels only, no history and no
   * affinities (training shows the ranker such fans, as serving meets them).
   */
  public FanContext fanContext(
      OwnerId owner, FanId fan, Instant now, boolean hideLabels, boolean asNew) {
    List<Label> labels = new ArrayList<>();
    if (!hideLabels) {
      data.profile(owner, fan)
          .ifPresent(p -> labelsBefore(p, now).labels().values().forEach(labels::add));
    }
    if (asNew) {
      return new FanContext(owner, fan, labels, List.of(), Optional.empty(), now);
    }
    List<Event> events = data.log().ofFan(fan);
    int limit = data.recommender().historyLimit();
    List<Event> history = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0 && history.size() < limit; i--) {
      Event event = events.get(i);
      if (event.time().isBefore(now) && known.test(event)) {
        history.add(event);
      }
    }
    return new FanContext(
        owner, fan, labels, history, signals.aggregates().affinity(fan, now), now);
  }
}
