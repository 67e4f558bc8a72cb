package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.IsoTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the fields of one row, recording a problem (file, line, field, expected, got) for each bad
 * one instead of stopping, so one pass reports every error of a row. Not thread-safe.
 */
final class FieldReader {
  private final Row row;
  private final Problems problems;
  private boolean ok = true;

  FieldReader(Row row, Problems problems) {
    this.row = row;
    this.problems = problems;
  }

  Row row() {
    return row;
  }

  /** False once any field of the row was bad. */
  boolean ok() {
    return ok;
  }

  void fail(String field, String message) {
    ok = false;
    problems.add(row.file(), row.line(), field, message);
  }

  void fail(String field, String message, ValidationError.Code code) {
    ok = false;
    problems.add(row.file(), row.line(), field, message, code);
  }

  Optional<String> optional(String field) {
    try {
      return row.text(field);
    } catch (IllegalArgumentException e) {
      fail(field, e.getMessage());
      return Optional.empty();
    }
  }

  /** A required text; null (with a problem recorded) when absent. */
  String required(String field) {
    Optional<String> value = optional(field);
    if (value.isEmpty() && ok) {
      fail(field, "required, but empty");
    }
    return value.orElse(null);
  }

  /**
   * Parses a field with {@code parser}, whose IllegalArgumentException message says what was
   * expected.
   */
  <T> Optional<T> parse(String field, Function<String, T> parser) {
    Optional<String> text = optional(field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (IllegalArgumentException e) {
      fail(field, e.getMessage());
      return Optional.empty();
    }
  }

  <T> T parseRequired(String field, Function<String, T> parser) {
    if (optional(field).isEmpty()) {
      fail(field, "required, but empty");
      return null;
    }
    return parse(field, parser).orElse(null);
  }

  List<String> list(String field) {
    try {
      return row.list(field);
    } catch (IllegalArgumentException e) {
      fail(field, e.getMessage());
      return List.of();
    }
  }

  Map<String, List<String>> map(String field) {
    try {
      return row.map(field);
    } catch (IllegalArgumentException e) {
      fail(field, e.getMessage());
      return Map.of();
    }
  }

  /** Builds the record, turning a constructor's IllegalArgumentException into a row problem. */
  <T> Optional<T> build(java.util.function.Supplier<T> constructor) {
    if (!ok) {
      return Optional.empty();
    }
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException e) {
      fail("", e.getMessage());
      return Optional.empty();
    }
  }

  // Parsers shared by the row mappers. Each message says what was expected and what came.

  // Four-digit years: times are stored as epoch milliseconds, which overflow near year 292 million,
  // and no real event or product lies outside these years.
  private static final Instant EARLIEST_TIME = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59Z");

  static Instant time(String text) {
    Instant time = IsoTimes.parseCommonForm(text);
    if (time == null) {
      try {
        time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "expected an ISO-8601 time with offset such as 2026-11-01T08:00:00Z or"
                + " 2017-03-01T07:30:27-05:00, got '"
                + text
                + "'");
      }
    }
    if (time.isBefore(EARLIEST_TIME) || time.isAfter(LATEST_TIME)) {
      throw new IllegalArgumentException(
          "expected a time between "
              + EARLIEST_TIME
              + " and "
              + LATEST_TIME
              + ", got '"
              + text
              + "'");
    }
    return time;
  }

  static long priceCents(String text) {
    BigDecimal price;
    try {
      price = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a price such as 59.9, got '" + text + "'");
    }
    if (price.signum() < 0 || price.scale() > 2) {
      throw new IllegalArgumentException(
          "expected a price >= 0 with at most two decimals, got '" + text + "'");
    }
    try {
      return price.movePointRight(2).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("price is too large: '" + text + "'");
    }
  }

  static int wholeNumber(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number >= 0, got '" + text + "'");
    }
  }

  static double number(String text) {
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, got '" + text + "'");
    }
  }
}
