package io.fanshelf.indexer.store.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final Instant T = Instant.parse("2026-02-01T08:30:15.123456789Z");

  @Test
  void everyTypeAndFieldSurvivesTheRoundTrip() throws Exception {
    for (EventType type : EventType.values()) {
      Event full =
          new Event(
              EventId.of("evt-" + type.wireName()),
              FanId.of("粉丝-42"),
              ProductId.of("1082185"),
              type,
              T,
              Optional.of(OwnerId.of("shop-lily")),
              Optional.of("shelf:Ab3_x"),
              Optional.of("小程序"),
              OptionalDouble.of(-2.5e-7));
      assertEquals(full, EventCodec.decode(EventCodec.encode(full)));
    }
    Event plain = Event.of("e1", "f1", "p1", EventType.VIEW, Instant.ofEpochSecond(0));
    assertEquals(plain, EventCodec.decode(EventCodec.encode(plain)));
  }

  @Test
  void aPlainEventTakesItsIdsAndTwelveBytes() {
    String id = "load-1-1764676800-12-345";
    Event plain =
        Event.of(id, "100245", "1082185", EventType.VIEW, Instant.ofEpochSecond(1_764_676_800));
    assertEquals(12 + id.length() + 6 + 7, EventCodec.encode(plain).length);
  }

  @Test
  void anUnknownFormatIsNamed() {
    BytesRef bytes = EventCodec.encode(Event.of("e1", "f1", "p1", EventType.VIEW, T));
    bytes.bytes[bytes.offset] = 9;
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> EventCodec.decode(bytes));
    assertEquals("event log entry in format 9, this version reads format 1", e.getMessage());
  }
}
