package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Maps owner rows to owners (docs/data-formats.md, "Owners"). */
final class OwnerRows {
  static final Set<String> FIELDS = Set.of("id", "name", "locale", "assortment");
  static final Set<String> REQUIRED = Set.of("id", "name");

  private OwnerRows() {}

  static Optional<Owner> map(Row row, Problems problems) {
    FieldReader f = new FieldReader(row, problems);
    OwnerId id = f.parseRequired("id", OwnerId::new);
    String name = f.required("name");
    Locale locale = f.parse("locale", OwnerRows::locale).orElse(Locale.SIMPLIFIED_CHINESE);
    var assortment = f.list("assortment");
    return f.build(
        () ->
            new Owner(
                id,
                name,
                locale,
                assortment.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(assortment))));
  }

  static Locale locale(String text) {
    return switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "zh-cn", "zh", "zh-hans" -> Locale.SIMPLIFIED_CHINESE;
      case "en", "en-us" -> Locale.US;
      default -> throw new IllegalArgumentException("expected zh-CN or en, got '" + text + "'");
    };
  }
}
