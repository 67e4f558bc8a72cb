package io.fanshelf.api.event;

import io.swagger.v3.oas.annotations.media.Schema;

// The controller reads events with the indexer's own row mapping (the one that reads event files),
// so that every bad event of a batch is reported with its position; this record is their schema in
// the OpenAPI document (its javadoc is the document's text), and EventInputTest keeps the two in
// step.
/**
 * One event as an app sends it: a line of events.jsonl (docs/data-formats.md, "Events"). Unknown
 * fields are refused. Numbers may also come as strings ("value": "2").
 *
 * @param id the event's id, chosen by the app; an event already stored under it is skipped and
 *     counted as a duplicate, so a batch can be sent again safely. Letters (any script), digits and
 *     {@code _ . : @ -}
 * @param fan the fan who did it (platform-wide fan id); same characters as {@code id}
 * @param product a product of the catalog; same characters as {@code id}
 * @param type what the fan did; a {@code rating} needs a {@code value}
 * @param time when it happened: ISO-8601 with an offset, e.g. 2026-11-01T08:00:00Z or
 *     2026-11-01T16:00:00+08:00
 * @param owner the owner it is attributed to (an owner's page or link), if any; must exist
 * @param page the page it happened on, if known
 * @param source the app or channel that reports it
 * @param value a number that goes with the type: the quantity of a purchase, the score of a rating
 */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record EventInput(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 128,
            example = "app-20261101-0001")
        String id,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128) String fan,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128)
        String product,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {
              "impression",
              "view",
              "click",
              "favorite",
              "cart",
              "purchase",
              "share",
              "rating"
            })
        String type,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            format = "date-time",
            example = "2026-11-01T08:00:00Z")
        String time,
    @Schema(minLength = 1, maxLength = 128) String owner,
    @Schema(maxLength = 200) String page,
    @Schema(maxLength = 100) String source,
    Double value) {}
