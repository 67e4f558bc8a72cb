package io.fanshelf.indexer.convert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a raw file writes its times. Times without an offset (dates, local date-times) are read in a
 * zone the caller gives, UTC by default.
 */
public enum TimeFormat {
  /** Seconds since 1970-01-01T00:00:00Z, e.g. 881250949 (MovieLens, Amazon reviews). */
  EPOCH_SECONDS("epoch-seconds", "seconds since 1970 such as 881250949"),
  /** Milliseconds since 1970-01-01T00:00:00Z, e.g. 1433221332117 (RetailRocket). */
  EPOCH_MILLIS("epoch-millis", "milliseconds since 1970 such as 1433221332117"),
  /** A day, e.g. 2018-09-20 (H&M); its start in the zone. */
  ISO_DATE("iso-date", "a date such as 2018-09-20"),
  /**
   * A date-time with or without an offset, {@code T} or a space between date and time: {@code
   * 2018-09-20T10:15:00Z}, {@code 2018-09-20 10:15:00+08:00}, {@code 2018-09-20 10:15:00.5}.
   */
  ISO_DATE_TIME("iso-date-time", "a date-time such as 2018-09-20T10:15:00Z or 2018-09-20 10:15:00");

  private final String wireName;
  private final String example;

  TimeFormat(String wireName, String example) {
    this.wireName = wireName;
    this.example = example;
  }

  /** The name used on the command line. */
  String wireName() {
    return wireName;
  }

  public static TimeFormat parseName(String text) {
    for (TimeFormat format : values()) {
      if (format.wireName.equals(text.strip().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "expected a time format, one of "
            + Arrays.stream(values()).map(f -> f.wireName).collect(Collectors.joining(", "))
            + "; got '"
            + text
            + "'");
  }

  /**
   * The instant a cell denotes.
   *
   * @throws IllegalArgumentException naming what was expected and what came
   */
  Instant parse(String text, ZoneId zone) {
    try {
      return switch (this) {
        case EPOCH_SECONDS -> Instant.ofEpochSecond(Long.parseLong(text));
        case EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(text));
        case ISO_DATE -> LocalDate.parse(text).atStartOfDay(zone).toInstant();
        case ISO_DATE_TIME -> dateTime(text, zone);
      };
    } catch (NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException("expected " + example + ", got '" + text + "'", e);
    }
  }

  private static Instant dateTime(String text, ZoneId zone) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    try {
      return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .atZone(zone)
          .toInstant();
    }
  }
}
