package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.catalog.CategoryLeaders;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Category leaders on the beauty-home fixture, against a plain sort of each category. */
class CategoryLeadersTest {
  @Test
  void eachCategoryHoldsItsMostPopularProductsTiesByOrdinal(@TempDir Path dir) throws Exception {
    try (Fixture fixture = Fixture.open(dir)) {
      CatalogSnapshot catalog = CatalogSnapshot.load(fixture.indexer.store().catalog());
      EventAggregates aggregates = fixture.indexer.aggregates();
      for (int perCategory : new int[] {1, 3, 1_000}) {
        CategoryLeaders leaders =
            CategoryLeaders.compute(catalog, aggregates, Fixture.NOW, perCategory);
        for (int category = 0; category < catalog.categoryCount(); category++) {
          int c = category;
          int[] expected =
              IntStream.range(0, catalog.size())
                  .filter(ord -> catalog.leafCategory(ord) == c || catalog.topCategory(ord) == c)
                  .boxed()
                  .sorted(
                      Comparator.comparingDouble(
                              (Integer ord) -> -popularity(aggregates, catalog, ord))
                          .thenComparing(ord -> ord))
                  .limit(perCategory)
                  .mapToInt(Integer::intValue)
                  .toArray();
          assertArrayEquals(expected, leaders.leaders(category), catalog.categoryKey(category));
        }
        for (int ord = 0; ord < catalog.size(); ord++) {
          ProductId id = catalog.product(ord).id();
          assertEquals(popularity(aggregates, catalog, ord), leaders.popularity(ord));
          assertEquals(Math.log1p(aggregates.reach(id)), leaders.logReach(ord));
          assertEquals(Math.log1p(aggregates.allTimeWeight(id)), leaders.logAllTimeWeight(ord));
        }
      }
    }
  }

  private static double popularity(EventAggregates aggregates, CatalogSnapshot catalog, int ord) {
    return aggregates.popularity(catalog.product(ord).id(), Fixture.NOW);
  }
}
