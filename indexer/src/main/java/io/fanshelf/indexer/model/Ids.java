package io.fanshelf.indexer.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Validation shared by the id records: what an id may contain, the message when it may not, and how
 * a converter turns an id from elsewhere into one that may. Stateless.
 */
public final class Ids {
  static final int MAX_LENGTH = 128;
  private static final int SANITIZED_PREFIX = 100;

  private Ids() {}

  /** Whether {@code value} is a valid owner, fan, product or event id. */
  public static boolean isValid(String value) {
    return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && isAllowed(value);
  }

  /**
   * A valid id for a raw one: the raw id itself when valid; otherwise its first 100 characters with
   * every character an id may not hold replaced by {@code _}, then {@code -} and 8 hex digits of
   * the SHA-256 of the raw id, so that two raw ids that read alike ("a b", "a/b") stay apart.
   *
   * @throws IllegalArgumentException for an empty raw id
   */
  public static String sanitize(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException("an id must not be empty");
    }
    if (isValid(raw)) {
      return raw;
    }
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < raw.length() && id.length() < SANITIZED_PREFIX; ) {
      int c = raw.codePointAt(i);
      if (isAllowed(c)) {
        id.appendCodePoint(c);
      } else {
        id.append('_');
      }
      i += Character.charCount(c);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return id.append('-').append(HexFormat.of().formatHex(digest, 0, 4)).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  // Letters (any script), digits and _ . : @ -; no whitespace, commas, semicolons or pipes, because
  // ids travel inside CSV cells, cursors and list cells. A loop rather than a regex: ids are
  // checked for every event row of an import.
  private static boolean isAllowed(String value) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!isAllowed(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean isAllowed(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '@' || c == '-';
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
