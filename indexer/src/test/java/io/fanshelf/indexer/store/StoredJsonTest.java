package io.fanshelf.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StoredJsonTest {
  record Stamped(Instant at) {}

  private final JsonMapper mapper = StoredJson.builder().build();

  @Test
  void timesRoundTripAndOtherFormsStillRead() {
    Instant time = Instant.parse("2026-12-07T06:58:26.963514Z");
    Stamped stamped = new Stamped(time);
    assertEquals(stamped, mapper.readValue(mapper.writeValueAsString(stamped), Stamped.class));
    // forms the fast path leaves to Jackson's own reader
    assertEquals(
        new Stamped(Instant.ofEpochSecond(1_796_108_306L, 500_000_000)),
        mapper.readValue("{\"at\":1796108306.5}", Stamped.class));
    assertEquals(
        new Stamped(Instant.parse("2026-12-07T06:58:26Z")),
        mapper.readValue("{\"at\":\"2026-12-07t06:58:26z\"}", Stamped.class));
    assertEquals(new Stamped(null), mapper.readValue("{\"at\":null,\"added\":1}", Stamped.class));
  }

  @Test
  void aTimeInNoKnownFormIsRefused() {
    assertThrows(
        JacksonException.class,
        () -> mapper.readValue("{\"at\":\"2026-13-07T06:58Z\"}", Stamped.class));
  }
}
