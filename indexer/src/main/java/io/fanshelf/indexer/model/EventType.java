package io.fanshelf.indexer.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a fan did with a product. How much each type counts is {@link FeedbackPolicy}'s call. */
public enum EventType {
  IMPRESSION,
  VIEW,
  CLICK,
  FAVORITE,
  CART,
  PURCHASE,
  SHARE,
  /** A rating; its numeric value carries the score. */
  RATING;

  /** The lower-case name used in files and the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, with a message that lists the valid ones. */
  public static EventType parse(String text) {
    for (EventType type : values()) {
      if (type.wireName().equals(text)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "expected one of "
            + Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
  }
}
