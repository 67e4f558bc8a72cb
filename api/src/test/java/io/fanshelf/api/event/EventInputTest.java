package io.fanshelf.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.ingest.EventBatch;
import io.fanshelf.indexer.model.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link EventInput} documents what the events endpoint reads with the indexer's row mapping: the
 * same fields, and the event types the indexer knows.
 */
class EventInputTest {
  @Test
  void documentsExactlyTheFieldsTheRowMappingReads() {
    Set<String> documented =
        Arrays.stream(EventInput.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toSet());
    assertEquals(EventBatch.FIELDS, documented);
  }

  @Test
  void documentsEveryEventType() throws Exception {
    Schema type = EventInput.class.getMethod("type").getAnnotation(Schema.class);
    assertEquals(
        Arrays.stream(EventType.values()).map(EventType::wireName).toList(),
        List.of(type.allowableValues()));
  }
}
