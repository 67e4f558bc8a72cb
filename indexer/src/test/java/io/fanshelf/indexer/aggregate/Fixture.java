package io.fanshelf.indexer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A catalog, fans and labels in plain maps, the Context over them, and a snapshot comparer. */
final class Fixture implements EventAggregates.Context {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final FeedbackPolicy POLICY = FeedbackPolicy.defaults();

  final Map<ProductId, Product> products = new HashMap<>();
  final Map<FanId, List<FanProfile>> profiles = new HashMap<>();
  private int nextEvent;

  static Instant days(double days) {
    return T0.plus(Duration.ofMillis(Math.round(days * 86_400_000L)));
  }

  static Instant minutes(long minutes) {
    return T0.plusSeconds(60 * minutes);
  }

  /** Adds a product; the category path is written with {@code >}. */
  ProductId product(String id, String category, String brand, long priceCents) {
    Product product =
        new Product(
            ProductId.of(id),
            "title of " + id,
            Arrays.asList(category.split(">")),
            Optional.ofNullable(brand),
            priceCents,
            10,
            Map.of(),
            Set.of(),
            T0.minus(Duration.ofDays(100)),
            Optional.empty(),
            0.1);
    products.put(product.id(), product);
    return product.id();
  }

  /** Makes the fan a member of the owner, with labels given as dimension, value, value ... */
  FanId member(String owner, String fan, String... dimensionThenValues) {
    OwnerId ownerId = OwnerId.of(owner);
    FanId fanId = FanId.of(fan);
    Map<String, Label> labels = new HashMap<>();
    if (dimensionThenValues.length > 0) {
      String dimension = dimensionThenValues[0];
      List<String> values = List.of(dimensionThenValues).subList(1, dimensionThenValues.length);
      labels.put(
          dimension,
          new Label(ownerId, fanId, dimension, values, LabelSource.OWNER, 1.0, T0, owner));
    }
    profiles
        .computeIfAbsent(fanId, f -> new ArrayList<>())
        .add(new FanProfile(new Fan(ownerId, fanId, Optional.empty(), T0), labels));
    return fanId;
  }

  Event event(String fan, ProductId product, EventType type, Instant time) {
    return Event.of("e" + nextEvent++, fan, product.value(), type, time);
  }

  static Event rating(String id, String fan, ProductId product, double score, Instant time) {
    return new Event(
        EventId.of(id),
        FanId.of(fan),
        product,
        EventType.RATING,
        time,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.of(score));
  }

  @Override
  public Optional<Product> product(ProductId id) {
    return Optional.ofNullable(products.get(id));
  }

  @Override
  public List<FanProfile> profilesOf(FanId fan) {
    return profiles.getOrDefault(fan, List.of());
  }

  EventAggregates aggregates(AggregateOptions options) {
    return new EventAggregates(POLICY, options, this);
  }

  /**
   * Every value the aggregates answer about the fixture's products, fans, owners, label values and
   * categories at {@code at}, keyed by a readable name.
   */
  Map<String, Double> snapshot(EventAggregates aggregates, Instant at) {
    Map<String, Double> values = new TreeMap<>();
    Set<String> categories = new TreeSet<>();
    products.values().forEach(p -> categories.addAll(ProductFacts.of(p).categoryKeys()));
    Set<OwnerId> owners = new TreeSet<>();
    Map<String, Set<String>> labels = new TreeMap<>();
    profiles.values().stream()
        .flatMap(List::stream)
        .forEach(
            profile -> {
              owners.add(profile.fan().owner());
              profile
                  .labels()
                  .forEach(
                      (d, label) ->
                          labels.computeIfAbsent(d, x -> new TreeSet<>()).addAll(label.values()));
            });
    for (ProductId a : new TreeSet<>(products.keySet())) {
      values.put("pop " + a, aggregates.popularity(a, at));
      values.put("trend " + a, aggregates.trend(a, at));
      for (OwnerId owner : owners) {
        values.put("owner " + owner + " " + a, aggregates.popularityAmongFansOf(owner, a, at));
      }
      for (ProductId b : products.keySet()) {
        values.put("co " + a + " " + b, aggregates.coOccurrence(a, b));
      }
    }
    for (FanId fan : new TreeSet<>(profiles.keySet())) {
      aggregates
          .affinity(fan, at)
          .ifPresent(
              affinity -> {
                affinity.categories().forEach((c, w) -> values.put("cat " + fan + " " + c, w));
                affinity.brands().forEach((b, w) -> values.put("brand " + fan + " " + b, w));
                values.put("total " + fan, affinity.totalWeight());
                values.put("events " + fan, (double) affinity.positiveEvents());
                values.put("price " + fan, (double) affinity.typicalPriceCents().orElse(-1));
                values.put("spread " + fan, affinity.logPriceSpread());
              });
    }
    labels.forEach(
        (dimension, valueIds) -> {
          for (String value : valueIds) {
            for (String category : categories) {
              LabelLift lift = aggregates.lift(dimension, value, category);
              String key = dimension + "=" + value + " " + category;
              values.put("lift " + key, lift.lift());
              values.put("support " + key, (double) lift.valueCategoryEvents());
            }
          }
        });
    return values;
  }

  static void assertSameValues(Map<String, Double> expected, Map<String, Double> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (key, value) -> {
          double other = actual.get(key);
          assertTrue(
              Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(value)),
              key + ": expected " + value + " but was " + other);
        });
  }
}
