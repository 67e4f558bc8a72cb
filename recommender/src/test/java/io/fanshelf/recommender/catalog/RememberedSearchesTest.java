package io.fanshelf.recommender.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fanshelf.indexer.store.BeautyHomeFixture;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.ScoredProduct;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import io.fanshelf.indexer.taxonomy.MatchRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedSearchesTest {
  @TempDir Path dir;

  private static CatalogQuery oily() {
    return CatalogQuery.builder(20)
        .inStockOnly()
        .rule(new MatchRule.Attribute("skin_type", "oily"), 1f)
        .build();
  }

  @Test
  void aRepeatedSearchIsAnsweredFromMemory() throws Exception {
    try (LuceneBackend backend = LuceneBackend.open(dir)) {
      backend.catalog().upsert(BeautyHomeFixture.products());
      RememberedSearches searches = new RememberedSearches(backend.catalog(), 10);

      List<ScoredProduct> first = searches.search(oily());
      assertEquals(backend.catalog().search(oily()), first);
      assertSame(first, searches.search(oily()), "remembered");

      assertNotSame(
          first,
          new RememberedSearches(backend.catalog(), 10).search(oily()),
          "serving makes a new one when the catalog changed");
    }
  }

  @Test
  void searchesRelativeToNowAreNotRememberedAndOldOnesMakeRoom() throws Exception {
    try (LuceneBackend backend = LuceneBackend.open(dir)) {
      backend.catalog().upsert(BeautyHomeFixture.products());
      RememberedSearches searches = new RememberedSearches(backend.catalog(), 1);
      CatalogQuery recent =
          CatalogQuery.builder(20)
              .createdAfter(Instant.parse("2026-09-01T00:00:00Z"))
              .order(CatalogQuery.Order.NEWEST)
              .build();
      assertNotSame(searches.search(recent), searches.search(recent));

      List<ScoredProduct> oily = searches.search(oily());
      searches.search(CatalogQuery.builder(5).inStockOnly().build());
      assertNotSame(oily, searches.search(oily()), "evicted by the newer search");
    }
  }
}
