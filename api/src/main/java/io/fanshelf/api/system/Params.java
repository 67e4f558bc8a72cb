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

  /**
   * A name an owner or admin gives (a segment, an API key), stripped: required, at most {@code
   * maxLength} characters and free of control characters (NUL, tab, line breaks), which would be
   * stored and shown on every page that lists it.
   */
  public static String name(String field, String value, int maxLength) {
    String name = value == null ? "" : value.strip();
    if (name.isEmpty()) {
      throw ApiException.badRequest(field, field + " is required");
    }
    if (name.length() > maxLength) {
      throw ApiException.badRequest(
          field, field + ": expected at most " + maxLength + " characters, got " + name.length());
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw ApiException.badRequest(
            field,
            field
                + ": expected text without control characters, got U+"
                + String.format("%04X", (int) name.charAt(i))
                + " at character "
                + (i + 1));
      }
    }
    return name;
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
