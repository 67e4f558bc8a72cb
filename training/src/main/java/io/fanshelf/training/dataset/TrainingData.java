package io.fanshelf.training.dataset;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.StoreReader;
import io.fanshelf.recommender.RecommenderOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What training reads from a data directory, loaded once: the event log, every product, every
 * (owner, fan) profile, and the policies serving uses. Snapshots cut it at a moment. Immutable
 * after loading; the store stays open for catalog searches and belongs to the caller.
 *
 * @param store the data directory's stores (label-match and new-arrival sources search the catalog)
 * @param log every event, in time order
 * @param products every product by id
 * @param profiles every owner's profile of each fan, by owner id
 * @param feedback which events the aggregates and features count as positive (serving's policy)
 * @param aggregates the aggregate options serving uses
 * @param recommender the candidate sources and budgets serving uses
 */
public record TrainingData(
    StoreReader store,
    EventLog log,
    Map<ProductId, Product> products,
    Map<FanId, List<FanProfile>> profiles,
    FeedbackPolicy feedback,
    AggregateOptions aggregates,
    RecommenderOptions recommender) {

  /** Loads everything from an open indexer, with serving's options. */
  public static TrainingData load(Indexer indexer, RecommenderOptions recommender)
      throws IOException {
    StoreReader store = indexer.store();
    EventLog log = EventLog.load(store.events());
    Map<ProductId, Product> products = new HashMap<>();
    store.catalog().forEach(p -> products.put(p.id(), p));
    Map<FanId, List<FanProfile>> profiles = new HashMap<>();
    store
        .fans()
        .forEach(p -> profiles.computeIfAbsent(p.fan().id(), f -> new ArrayList<>()).add(p));
    profiles.replaceAll(
        (fan, list) -> list.stream().sorted(Comparator.comparing(p -> p.fan().owner())).toList());
    return new TrainingData(
        store,
        log,
        Map.copyOf(products),
        Map.copyOf(profiles),
        indexer.options().feedback(),
        indexer.options().aggregates(),
        recommender);
  }

  /** The same data with other aggregate options (they must match serving's). */
  public TrainingData withAggregates(AggregateOptions other) {
    return new TrainingData(store, log, products, profiles, feedback, other, recommender);
  }

  /**
   * The owner whose shelf a fan's examples are built for: the first of the fan's owners by id (a
   * fan following two shops is evaluated once); empty for a fan no owner has.
   */
  public Optional<OwnerId> ownerOf(FanId fan) {
    List<FanProfile> list = profiles.getOrDefault(fan, List.of());
    return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst().fan().owner());
  }

  /** The owner's profile of the fan. */
  public Optional<FanProfile> profile(OwnerId owner, FanId fan) {
    return profiles.getOrDefault(fan, List.of()).stream()
        .filter(p -> p.fan().owner().equals(owner))
        .findFirst();
  }
}
