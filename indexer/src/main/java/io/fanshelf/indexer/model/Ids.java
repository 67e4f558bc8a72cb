package io.fanshelf.indexer.model;

import java.util.regex.Pattern;

/** Validation shared by the id records: what an id may contain, and the message when it may not. */
final class Ids {
  static final int MAX_LENGTH = 128;
  // Letters (any script), digits and a few separators; no whitespace, commas, semicolons or pipes,
  // because ids travel inside CSV cells, cursors and list cells.
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.:@\\-]+");

  private Ids() {}

  static String check(String kind, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(kind + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          kind + " must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          kind + " may contain only letters, digits and _ . : @ -, got '" + value + "'");
    }
    return value;
  }
}
