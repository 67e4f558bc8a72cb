package io.fanshelf.indexer.model;

/** Validation shared by the id records: what an id may contain, and the message when it may not. */
final class Ids {
  static final int MAX_LENGTH = 128;

  private Ids() {}

  // Letters (any script), digits and _ . : @ -; no whitespace, commas, semicolons or pipes, because
  // ids travel inside CSV cells, cursors and list cells. A loop rather than a regex: ids are
  // checked for every event row of an import.
  private static boolean isAllowed(String value) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!(Character.isLetterOrDigit(c)
          || c == '_'
          || c == '.'
          || c == ':'
          || c == '@'
          || c == '-')) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  static String check(String kind, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(kind + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          kind + " must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (!isAllowed(value)) {
      throw new IllegalArgumentException(
          kind + " may contain only letters, digits and _ . : @ -, got '" + value + "'");
    }
    return value;
  }
}
