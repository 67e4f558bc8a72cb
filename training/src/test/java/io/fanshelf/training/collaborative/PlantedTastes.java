package io.fanshelf.training.collaborative;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.FanItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A planted structure for the collaborative models' contract: fans fall into taste groups, each
 * group buys from its own block of products (a few more popular than the rest) and rarely outside
 * it. A fitted model must rank the products of a fan's own block above the others.
 */
final class PlantedTastes {
  static final int GROUPS = 4;
  static final int PER_GROUP = 25;
  static final int FANS = 120;

  private PlantedTastes() {}

  static int group(int product) {
    return product / PER_GROUP;
  }

  static List<Event> events(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>();
    for (int fan = 0; fan < FANS; fan++) {
      int group = fan % GROUPS;
      for (int k = 0; k < 8; k++) {
        boolean stray = random.nextDouble() < 0.05;
        int block = stray ? random.nextInt(GROUPS) : group;
        int product = block * PER_GROUP + (int) (PER_GROUP * Math.pow(random.nextDouble(), 1.5));
        events.add(purchase(events.size(), fan, product));
      }
    }
    return events;
  }

  static Event purchase(int id, int fan, int product) {
    return new Event(
        EventId.of("e" + id),
        FanId.of("f" + fan),
        ProductId.of("p" + product),
        EventType.PURCHASE,
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty());
  }

  static Interactions interactions(long seed) {
    return Interactions.of(events(seed), e -> true, FeedbackPolicy.defaults(), id -> true);
  }

  /** A new fan's history: three products of one block. */
  static FanItems newcomer(Interactions data, int group) {
    int[] rows = new int[3];
    for (int i = 0; i < 3; i++) {
      rows[i] = data.items().row(ProductId.of("p" + (group * PER_GROUP + i)));
    }
    java.util.Arrays.sort(rows);
    return new FanItems(rows, new float[] {1, 1, 1});
  }

  /** The product number of a model row. */
  static int product(Interactions data, int row) {
    return Integer.parseInt(data.items().id(row).value().substring(1));
  }
}
