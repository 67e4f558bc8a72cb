package io.fanshelf.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HistoryEntryTest {
  private static final FanId FAN = FanId.of("fan-1");

  private static Event event(
      String id, String product, EventType type, Instant time, OptionalDouble value) {
    return new Event(
        EventId.of(id),
        FAN,
        ProductId.of(product),
        type,
        time,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        value);
  }

  @Test
  void keepsWhatRankingReadsToTheNanosecond() {
    for (Event event :
        new Event[] {
          event(
              "e-1",
              "sku-1",
              EventType.RATING,
              Instant.parse("2026-12-06T10:15:30.123456789Z"),
              OptionalDouble.of(4.5)),
          event(
              "事件-2",
              "商品-貳",
              EventType.IMPRESSION,
              Instant.parse("1969-07-20T20:17:40Z"),
              OptionalDouble.empty()),
          event(
              "e-3",
              "p",
              EventType.PURCHASE,
              Instant.ofEpochMilli(-1).plusNanos(999_999),
              OptionalDouble.of(3))
        }) {
      assertThat(HistoryEntry.decode(FAN, HistoryEntry.encode(event))).isEqualTo(event);
    }
  }

  @Test
  void bytesSortAsTimesSoTheScriptsCanOrderWithoutDecoding() {
    Instant[] times = {
      Instant.parse("1960-01-01T00:00:00Z"),
      Instant.ofEpochMilli(-1),
      Instant.EPOCH,
      Instant.parse("2026-12-06T10:15:30.001Z"),
      Instant.parse("2026-12-06T10:15:30.002Z")
    };
    for (int i = 1; i < times.length; i++) {
      byte[] earlier =
          HistoryEntry.encode(
              event("a", "p", EventType.VIEW, times[i - 1], OptionalDouble.empty()));
      byte[] later =
          HistoryEntry.encode(event("a", "p", EventType.VIEW, times[i], OptionalDouble.empty()));
      assertThat(Arrays.compareUnsigned(earlier, 0, 8, later, 0, 8))
          .as("%s", times[i])
          .isNegative();
    }
  }
}
