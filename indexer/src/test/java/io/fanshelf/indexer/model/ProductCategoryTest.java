package io.fanshelf.indexer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductCategoryTest {
  private static Product in(List<String> path) {
    return new Product(
        ProductId.of("p1"),
        "t",
        path,
        Optional.empty(),
        100,
        1,
        Map.of(),
        Set.of(),
        Instant.EPOCH,
        Optional.empty(),
        0);
  }

  /** The definition: the joined key equals the prefix or starts with it and '>'. */
  private static boolean byKey(Product product, String prefix) {
    String key = product.categoryKey();
    return key.equals(prefix) || key.startsWith(prefix + ">");
  }

  @Test
  void agreesWithTheJoinedKeyForEveryPrefixShape() {
    List<List<String>> paths =
        List.of(
            List.of("美妆", "护肤", "面霜"),
            List.of("美妆"),
            List.of("美妆护肤", "面霜"),
            List.of("a>b", "c"),
            List.of("GROCERY", "EGGS", "EGGS - X-LARGE"));
    List<String> prefixes =
        List.of(
            "美妆",
            "美妆>",
            "美妆>护肤",
            "美妆>护",
            "美妆>护肤>面霜",
            "美妆>护肤>面霜>x",
            "美",
            "护肤",
            "a",
            "a>b",
            "a>b>c",
            "a>",
            "GROCERY>EGGS",
            "GROCERY>EGG",
            "x",
            ">");
    for (List<String> path : paths) {
      Product product = in(path);
      for (String prefix : prefixes) {
        assertEquals(byKey(product, prefix), product.inCategory(prefix), path + " under " + prefix);
      }
    }
  }
}
