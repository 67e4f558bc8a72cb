package io.fanshelf.api.suggest;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.training.suggest.Evidence;
import io.fanshelf.training.suggest.Suggestion;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Labels the signed-in owner's fans probably have, to accept or reject in bulk. */
@RestController
@Tag(name = ApiContract.SUGGESTIONS)
@RequestMapping("/api/v1/owner/suggestions")
@OwnerOnly
class SuggestionController {
  static final int MAX_ITEMS = 1000;

  private final SuggestionService suggestions;

  SuggestionController(SuggestionService suggestions) {
    this.suggestions = suggestions;
  }

  /**
   * One suggested label.
   *
   * @param fan the fan id
   * @param dimension the dimension id
   * @param value the suggested value id
   * @param confidence the model's probability that the fan has the value
   * @param method classifier (learned from labelled fans) or rule_prior (the taxonomy's match
   *     rules, while nobody has labelled the dimension)
   * @param evidence the fan's behaviour behind it, strongest first
   */
  record SuggestionView(
      String fan,
      String dimension,
      String value,
      double confidence,
      String method,
      List<EvidenceView> evidence) {
    static SuggestionView of(Suggestion s) {
      return new SuggestionView(
          s.fan().value(),
          s.dimension(),
          s.value(),
          s.confidence(),
          s.method().name().toLowerCase(Locale.ROOT),
          s.evidence().stream().map(EvidenceView::of).toList());
    }
  }

  /**
   * {@code matching} of the fan's {@code of} products (bought, carted, viewed...) have {@code
   * name}.
   *
   * @param kind category, brand, attribute, or rule (the value's taxonomy match rule; then {@code
   *     of} counts the products any value's rule matches)
   * @param name a category path, brand, attribute name=value, or the value id for a rule
   * @param matching the fan's products that have it
   * @param of the products counted
   */
  record EvidenceView(String kind, String name, int matching, int of) {
    static EvidenceView of(Evidence e) {
      return new EvidenceView(
          e.kind().name().toLowerCase(Locale.ROOT), e.name(), e.matching(), e.of());
    }
  }

  /**
   * A page of suggestions.
   *
   * @param total suggestions matching the filters
   * @param threshold the default minimum confidence
   * @param suggestions the first {@code size} of them, most confident first
   */
  record SuggestionList(int total, double threshold, List<SuggestionView> suggestions) {}

  /**
   * Which suggestion.
   *
   * @param fan the fan id
   * @param dimension the dimension id
   * @param value the suggested value id
   */
  record SuggestionItem(String fan, String dimension, String value) {}

  /**
   * Suggestions to accept or reject, as listed.
   *
   * @param items up to 1000
   */
  record SuggestionDecision(@NotEmpty @Size(max = MAX_ITEMS) List<@Valid SuggestionItem> items) {}

  /**
   * @param changed suggestions accepted or rejected
   */
  record SuggestionDecisionResult(int changed) {}

  /**
   * Lists the labels the owner's fans probably have and the owner has not set (nor rejected).
   *
   * <p>Only the owner's own fans are listed; suggestions are never applied without {@code accept}.
   *
   * @param dimension only this dimension
   * @param minConfidence only suggestions at least this confident; the server's threshold when
   *     absent (fanshelf.suggestions.threshold)
   * @param size how many to return
   */
  @GetMapping
  SuggestionList listSuggestions(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "dimension", required = false) String dimension,
      @Parameter(schema = @Schema(type = "number", format = "double", minimum = "0", maximum = "1"))
          @RequestParam(name = "minConfidence", required = false)
          Double minConfidence,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          @RequestParam(name = "size", defaultValue = "100")
          int size)
      throws IOException {
    Optional<String> onlyDimension = Optional.ofNullable(dimension).filter(d -> !d.isBlank());
    if (onlyDimension.isPresent() && suggestionsTaxonomyLacks(onlyDimension.get())) {
      throw ApiException.badRequest("dimension", "unknown dimension '" + dimension + "'");
    }
    double threshold = minConfidence == null ? suggestions.defaultThreshold() : minConfidence;
    if (!(threshold >= 0 && threshold <= 1)) {
      throw ApiException.badRequest(
          "minConfidence", "minConfidence must be between 0 and 1, got " + minConfidence);
    }
    if (size < 1 || size > MAX_ITEMS) {
      throw ApiException.badRequest("size", "size must be between 1 and 1000, got " + size);
    }
    List<Suggestion> found =
        suggestions.list(owner, onlyDimension, Math.max(threshold, Double.MIN_VALUE));
    return new SuggestionList(
        found.size(),
        suggestions.defaultThreshold(),
        found.stream().limit(size).map(SuggestionView::of).toList());
  }

  /**
   * Accepts suggestions: each becomes the owner's label with source {@code suggested}, all or none.
   */
  @PostMapping("/accept")
  SuggestionDecisionResult acceptSuggestions(
      @CurrentOwner OwnerId owner, @Valid @RequestBody SuggestionDecision body)
      throws IOException, ImportRejectedException {
    return new SuggestionDecisionResult(suggestions.accept(owner, keys(body)));
  }

  /** Rejects suggestions: they are remembered and not suggested to this owner again. */
  @PostMapping("/reject")
  SuggestionDecisionResult rejectSuggestions(
      @CurrentOwner OwnerId owner, @Valid @RequestBody SuggestionDecision body)
      throws IOException, ImportRejectedException {
    return new SuggestionDecisionResult(suggestions.reject(owner, keys(body)));
  }

  private boolean suggestionsTaxonomyLacks(String dimension) {
    return suggestions.taxonomy().dimension(dimension).isEmpty();
  }

  static List<SuggestionKey> keys(SuggestionDecision body) {
    List<SuggestionKey> keys = new ArrayList<>();
    for (int i = 0; i < body.items().size(); i++) {
      SuggestionItem item = body.items().get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        throw ApiException.badRequest(at, "expected {fan, dimension, value}");
      }
      keys.add(
          new SuggestionKey(
              Params.fan(at + ".fan", item.fan()),
              requireText(at + ".dimension", item.dimension()),
              requireText(at + ".value", item.value())));
    }
    return keys;
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, field + " is required");
    }
    return value;
  }
}
