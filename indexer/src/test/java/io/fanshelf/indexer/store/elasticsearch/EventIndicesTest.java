package io.fanshelf.indexer.store.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which index an event time goes to; no cluster needed (the client is never called). */
class EventIndicesTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void aWeekRunsFromMondayToSundayInUtc() {
    LocalDate monday = LocalDate.of(2026, 11, 30);

    assertEquals(monday, EventIndices.periodStart(Instant.parse("2026-11-30T00:00:00Z"), WEEK));
    assertEquals(monday, EventIndices.periodStart(Instant.parse("2026-12-06T23:59:59.999Z"), WEEK));
    assertEquals(
        monday.minusDays(7),
        EventIndices.periodStart(Instant.parse("2026-11-29T23:59:59.999Z"), WEEK));
    assertEquals(
        monday.plusDays(7), EventIndices.periodStart(Instant.parse("2026-12-07T00:00:00Z"), WEEK));
  }

  @Test
  void periodsOfOtherLengthsAndTimesBeforeTheFirstPeriodLineUpToo() {
    assertEquals(
        LocalDate.of(2026, 12, 6),
        EventIndices.periodStart(Instant.parse("2026-12-06T13:00:00Z"), Duration.ofDays(1)));
    LocalDate twoWeeks =
        EventIndices.periodStart(Instant.parse("2026-12-06T13:00:00Z"), Duration.ofDays(14));
    assertEquals(0, (twoWeeks.toEpochDay() - EventIndices.FIRST_PERIOD.toEpochDay()) % 14);
    assertEquals(
        LocalDate.of(1969, 12, 29),
        EventIndices.periodStart(Instant.parse("1970-01-01T00:00:00Z"), WEEK));
  }

  @Test
  void theIndexIsNamedAfterThePeriodsFirstDay() {
    ElasticsearchOptions options =
        ElasticsearchOptions.builder("shop", URI.create("http://es-1:9200")).build();
    EventIndices indices =
        new EventIndices(
            null,
            null,
            options,
            Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC));

    assertEquals("shop-events-2026.11.30", indices.indexFor(Instant.parse("2026-12-03T10:00:00Z")));
    assertEquals("shop-events-2027.01.04", indices.indexFor(Instant.parse("2027-01-10T10:00:00Z")));
    assertEquals("shop-events-all", indices.all().name());
  }
}
