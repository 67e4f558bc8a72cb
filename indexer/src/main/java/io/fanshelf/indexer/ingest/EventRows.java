package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

/** Maps event rows to events (docs/data-formats.md, "Events"). */
final class EventRows {
  static final Set<String> FIELDS =
      Set.of("id", "fan", "product", "type", "time", "owner", "page", "source", "value");
  static final Set<String> REQUIRED = Set.of("id", "fan", "product", "type", "time");

  private EventRows() {}

  /**
   * @param productExists whether a product id is in the store or the same import
   * @param ownerExists whether an owner id is in the store or the same import
   */
  static Optional<Event> map(
      Row row,
      Problems problems,
      Predicate<ProductId> productExists,
      Predicate<OwnerId> ownerExists) {
    FieldReader f = new FieldReader(row, problems);
    EventId id = f.parseRequired("id", EventId::new);
    FanId fan = f.parseRequired("fan", FanId::new);
    ProductId product = f.parseRequired("product", ProductId::new);
    if (product != null && !productExists.test(product)) {
      f.fail(
          "product",
          "unknown product '" + product + "'; it is in neither the catalog nor this import");
    }
    EventType type = f.parseRequired("type", EventType::parse);
    Instant time = f.parseRequired("time", FieldReader::time);
    Optional<OwnerId> owner = f.parse("owner", OwnerId::new);
    if (owner.isPresent() && !ownerExists.test(owner.get())) {
      f.fail("owner", "unknown owner '" + owner.get() + "'");
    }
    Optional<String> page = f.optional("page");
    Optional<String> source = f.optional("source");
    Optional<Double> value = f.parse("value", FieldReader::number);
    return f.build(
        () ->
            new Event(
                id,
                fan,
                product,
                type,
                time,
                owner,
                page,
                source,
                value.map(OptionalDouble::of).orElse(OptionalDouble.empty())));
  }
}
