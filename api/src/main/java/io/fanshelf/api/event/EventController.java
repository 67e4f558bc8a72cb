package io.fanshelf.api.event;

import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Apps send events in batches: {@code POST /api/v1/events} with {@code {"events": [...]}}, each
 * object in the events.jsonl form of docs/data-formats.md. A bad event rejects the whole batch with
 * every error of every bad event (its position as {@code line}); an id already stored is skipped.
 */
@RestController
@Tag(name = ApiContract.EVENTS)
@RequestMapping("/api/v1/events")
@RequireScope(Scope.EVENTS_WRITE)
class EventController {
  private final EventService events;
  private final Indexer indexer;
  private final int maxBatch;

  EventController(EventService events, Indexer indexer, FanShelfProperties properties) {
    this.events = events;
    this.indexer = indexer;
    this.maxBatch = properties.events().maxBatch();
  }

  /**
   * A batch of events, applied whole or not at all.
   *
   * @param events 1 to 10,000 events (fanshelf.events.max-batch), in any order
   */
  public record EventBatchRequest(
      @ArraySchema(
              schema = @Schema(implementation = EventInput.class),
              minItems = 1,
              maxItems = 10_000,
              arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
          List<JsonNode> events) {}

  /**
   * What the batch did.
   *
   * @param received events in the batch
   * @param added events stored now
   * @param duplicates events already stored, skipped
   * @param queued events queued durably to be stored within moments (several nodes sharing Redis;
   *     repeats among them are skipped then)
   */
  public record EventBatchResponse(int received, long added, long duplicates, long queued) {}

  /**
   * Sends a batch of events.
   *
   * <p>Every event is checked first (format, known product and owner, an id that appears once in
   * the batch); one bad event refuses the whole batch with a 400 that lists every error, each with
   * the event's 1-based position as {@code line}. An accepted batch is durable when the answer
   * comes (or, with several nodes sharing Redis, queued durably and stored within moments): it
   * updates the fans' recent activity, popularity and co-visits at once, and cached shelves of fans
   * who bought something are ranked afresh. Events whose id is already stored are skipped and
   * counted as duplicates, so a batch may be retried. With Redis, a node that cannot queue the
   * batch (Redis away, or the stream too far behind) answers 503 with {@code Retry-After} and
   * acknowledges nothing.
   */
  @PostMapping
  @ApiResponse(responseCode = "200", description = "OK")
  @ApiResponse(
      responseCode = "503",
      description =
          "With Redis (several nodes): Redis is unreachable, or the event stream's backlog is over"
              + " its bound (fanshelf.redis.backlog-max-age, backlog-max-entries); the batch was"
              + " not acknowledged. Send it again after the seconds in `Retry-After`.")
  public EventBatchResponse appendEvents(@RequestBody EventBatchRequest body)
      throws ImportRejectedException, IOException {
    if (body.events() == null || body.events().isEmpty()) {
      throw ApiException.badRequest("events", "expected a non-empty list of events");
    }
    if (body.events().size() > maxBatch) {
      throw ApiException.badRequest(
          "events",
          "expected at most " + maxBatch + " events per batch, got " + body.events().size());
    }
    List<Event> parsed = indexer.readEventBatch(body.events());
    EventService.Accepted result = events.append(parsed);
    return new EventBatchResponse(
        body.events().size(), result.added(), result.duplicates(), result.queued());
  }
}
