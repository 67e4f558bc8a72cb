package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps catalog rows to products (docs/data-formats.md, "Catalog"). */
final class ProductRows {
  static final Set<String> FIELDS =
      Set.of(
          "id",
          "title",
          "category",
          "brand",
          "price",
          "stock",
          "attributes",
          "tags",
          "created_at",
          "image",
          "commission");
  static final Set<String> REQUIRED = Set.of("id", "title", "category", "price", "created_at");

  private ProductRows() {}

  static Optional<Product> map(Row row, Problems problems) {
    FieldReader f = new FieldReader(row, problems);
    ProductId id = f.parseRequired("id", ProductId::new);
    String title = f.required("title");
    List<String> category = categoryPath(f);
    Optional<String> brand = f.optional("brand");
    Long price = f.parseRequired("price", FieldReader::priceCents);
    int stock = f.parse("stock", FieldReader::wholeNumber).orElse(0);
    Map<String, List<String>> attributes = f.map("attributes");
    Set<String> tags = new HashSet<>(f.list("tags"));
    Instant created = f.parseRequired("created_at", FieldReader::time);
    Optional<String> image = f.parse("image", ProductRows::imageUrl);
    double commission = f.parse("commission", FieldReader::number).orElse(0.0);
    return f.build(
        () ->
            new Product(
                id,
                title,
                category,
                brand,
                price,
                stock,
                attributes,
                tags,
                created,
                image,
                commission));
  }

  private static List<String> categoryPath(FieldReader f) {
    List<String> levels = f.list("category");
    if (levels.size() == 1 && levels.getFirst().contains(">")) {
      levels = Arrays.stream(levels.getFirst().split(">")).map(String::strip).toList();
    }
    if (levels.isEmpty() && f.ok()) {
      f.fail("category", "required: a category path such as 美妆>护肤>面霜");
    }
    return levels;
  }

  private static String imageUrl(String text) {
    boolean path = text.startsWith("/") && !text.startsWith("//");
    if (!(text.startsWith("https://") || text.startsWith("http://") || path)) {
      throw new IllegalArgumentException(
          "expected an http(s) URL or a path starting with /, got '" + text + "'");
    }
    return text;
  }
}
