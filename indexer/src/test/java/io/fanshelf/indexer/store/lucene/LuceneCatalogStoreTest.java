package io.fanshelf.indexer.store.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.BeautyHomeFixture;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.CatalogStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog contract on the embedded Lucene backend, on a real directory. */
class LuceneCatalogStoreTest extends CatalogStoreContract {
  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return LuceneBackend.open(dir);
  }

  /** More products than one range of the parallel read, in several segments, some replaced. */
  @Test
  void allReadsALargeCatalogOnSeveralThreadsAsForEachDoes(@TempDir Path dir) throws IOException {
    try (LuceneBackend backend = LuceneBackend.open(dir)) {
      CatalogStore catalog = backend.catalog();
      for (int batch = 0; batch < 3; batch++) {
        List<Product> products = new ArrayList<>();
        for (int i = batch * 8_000; i < (batch + 1) * 8_000; i++) {
          products.add(product("p" + i, "title " + i));
        }
        catalog.upsert(products);
      }
      List<Product> replacements = new ArrayList<>();
      for (int i = 0; i < 24_000; i += 7) {
        replacements.add(product("p" + i, "replaced " + i));
      }
      catalog.upsert(replacements);

      List<Product> visited = new ArrayList<>();
      catalog.forEach(visited::add);
      List<Product> all = catalog.all();
      assertEquals(24_000, all.size());
      assertEquals(byId(visited), byId(all));
      assertEquals("replaced 7", byId(all).get(ProductId.of("p7")).title());
    }
  }

  private static Product product(String id, String title) {
    return BeautyHomeFixture.product(
        id, title, "美妆>护肤>精油", "花间集", "88.00", 10, null, null, "2026-11-01T09:00:00Z", null, 0.1);
  }

  private static Map<ProductId, Product> byId(List<Product> products) {
    return products.stream().collect(Collectors.toMap(Product::id, Function.identity()));
  }
}
