package io.fanshelf.indexer.model;

/** Checks for human text fields: present, trimmed and not absurdly long. */
final class Text {
  private Text() {}

  static String require(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new IllegalArgumentException(
          field + " must be at most " + maxLength + " characters, got " + trimmed.length());
    }
    return trimmed;
  }
}
