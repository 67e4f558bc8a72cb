package io.fanshelf.recommender;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A section of a fan's shelf; each draws on different candidate sources. */
public enum Section {
  /** Everything, ranked: the main list. */
  FOR_YOU,
  /** Products that match the fan's labels from this owner. */
  MATCHES_YOUR_LABELS,
  /** Products the fan looked at recently, still in stock, most recent first. */
  RECENTLY_VIEWED,
  /** Products created in the last 30 days that the owner sells, newest first. */
  NEW_ARRIVALS;

  /** The name used in URLs and the API: for-you, matches-your-labels ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Section parse(String text) {
    for (Section section : values()) {
      if (section.wireName().equals(text)) {
        return section;
      }
    }
    throw new IllegalArgumentException(
        "expected one of "
            + Arrays.stream(values()).map(Section::wireName).collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
  }
}
