package io.fanshelf.api.funnel;

import io.fanshelf.api.system.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A funnel period: UTC days {@code from} to {@code to}, both included, at most {@value #MAX_DAYS}
 * days.
 */
public record FunnelPeriod(LocalDate from, LocalDate to) {
  public static final int MAX_DAYS = 366;

  /** The period a funnel shows when none is asked for: 30 days. */
  public static final int DEFAULT_DAYS = 30;

  public FunnelPeriod {
    if (to.isBefore(from)) {
      throw ApiException.badRequest(
          "from", "expected a day on or before to=" + to + ", got " + from);
    }
    if (days(from, to) > MAX_DAYS) {
      throw ApiException.badRequest(
          "to", "expected at most " + MAX_DAYS + " days from " + from + ", got " + days(from, to));
    }
  }

  /**
   * Parses the request's {@code from} and {@code to} (ISO dates, e.g. 2017-12-01); a missing {@code
   * to} is {@code lastDay}, a missing {@code from} the {@value #DEFAULT_DAYS} days up to {@code
   * to}.
   */
  public static FunnelPeriod parse(String from, String to, LocalDate lastDay) {
    LocalDate end = blank(to) ? lastDay : day("to", to);
    LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : day("from", from);
    return new FunnelPeriod(start, end);
  }

  public long days() {
    return days(from, to);
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static LocalDate day(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          field, "expected a date as YYYY-MM-DD (e.g. 2017-12-01), got '" + text + "'");
    }
  }
}
