package io.fanshelf.indexer.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the time form nearly every event file uses, {@code yyyy-MM-ddTHH:mm:ss} followed
 * by {@code Z} or {@code ±HH:MM}: about ten times cheaper than {@code DateTimeFormatter}, which
 * dominated event import. Anything else returns null and goes the general way.
 */
final class IsoTimes {
  private IsoTimes() {}

  static Instant parseCommonForm(String text) {
    int length = text.length();
    if (length != 20 && length != 25) {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int offsetSeconds;
    char sign = text.charAt(19);
    if (length == 20) {
      if (sign != 'Z') {
        return null;
      }
      offsetSeconds = 0;
    } else {
      int offsetHours = digits(text, 20, 2);
      int offsetMinutes = digits(text, 23, 2);
      if ((sign != '+' && sign != '-')
          || text.charAt(22) != ':'
          || (offsetHours | offsetMinutes) < 0) {
        return null;
      }
      offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null; // e.g. month 13: the general parser gives the message
    }
  }

  /** The decimal number in text[start, start+count), or -1 if any char is not a digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
