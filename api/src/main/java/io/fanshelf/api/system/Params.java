package io.fanshelf.api.system;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.util.function.Function;

/** Parses ids from paths, parameters and bodies, naming the field when one is malformed. */
public final class Params {
  private Params() {}

  public static FanId fan(String field, String value) {
    return parse(field, value, FanId::new);
  }

  public static OwnerId owner(String field, String value) {
    return parse(field, value, OwnerId::new);
  }

  public static ProductId product(String field, String value) {
    return parse(field, value, ProductId::new);
  }

  public static <T> T parse(String field, String value, Function<String, T> parser) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, field + " is required");
    }
    try {
      return parser.apply(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(field, e.getMessage());
    }
  }
}
