package io.fanshelf.api.system;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An error, as every REST operation answers one: RFC 9457 problem details ({@code
 * application/problem+json}) with FanShelf's two extensions, {@code field} and {@code errors}.
 * {@link ApiExceptionHandler} and the authentication filter write it; this record is its schema in
 * the OpenAPI document ({@code GeneratedClientIT} checks that answers carry no other member). Its
 * texts are annotations, as the document reads this record outside springdoc's javadoc support.
 */
@Schema(
    description =
        "An RFC 9457 problem, with `field` and `errors` added. Clients must ignore members they do"
            + " not know: more may be added.")
public record Problem(
    @Schema(
            description =
                "a URI naming the kind of problem; `about:blank` when the status says it all",
            example = "about:blank")
        String type,
    @Schema(
            description =
                "the status in words, e.g. \"Bad Request\", or \"Input rejected\" for a refused batch")
        String title,
    @Schema(description = "the HTTP status code", example = "400") int status,
    @Schema(description = "what was expected, what came and what to do next, for a person to read")
        String detail,
    @Schema(description = "the path of the request that failed") String instance,
    @Schema(
            description =
                "the parameter or body field at fault (for a refused batch: the field of its first"
                    + " error)",
            example = "limit")
        String field,
    @Schema(description = "every bad item of a refused batch, file or body (up to 100)")
        List<Item> errors) {

  /** One bad item of a batch, file or body. */
  @Schema(name = "ProblemItem", description = "One bad item of a refused batch, file or body.")
  public record Item(
      @Schema(
              description =
                  "`events` for an event batch, `fans` for a bulk label request, else the file or"
                      + " part name")
          String file,
      @Schema(description = "the item's 1-based position in a batch, or the line of a file")
          Long line,
      @Schema(description = "the field at fault, e.g. `type`") String field,
      @Schema(
              description = "what was expected and what came",
              example =
                  "expected one of impression, view, click, favorite, cart, purchase, share,"
                      + " rating, got 'olly'")
          String message) {}
}
