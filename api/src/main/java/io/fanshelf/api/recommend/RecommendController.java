package io.fanshelf.api.recommend;

import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Recommendations;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Section;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Apps ask for recommendations and similar items ({@code recommend:read}). */
@RestController
@Tag(name = ApiContract.RECOMMENDATIONS)
@RequireScope(Scope.RECOMMEND_READ)
class RecommendController {
  private final RecommendationService recommendations;
  private final Indexer indexer;
  private final ReasonMessages reasonMessages;

  RecommendController(
      RecommendationService recommendations, Indexer indexer, ReasonMessages reasonMessages) {
    this.recommendations = recommendations;
    this.indexer = indexer;
    this.reasonMessages = reasonMessages;
  }

  /**
   * Why an item is shown, in both languages.
   *
   * @param kind what the reason rests on, e.g. label_match, because_you_viewed, because_you_bought,
   *     owner_pick, matches_need, popular
   * @param zh the reason in Chinese, e.g. "适合油皮"
   * @param en the reason in English, e.g. "For oily skin"
   */
  public record ReasonView(String kind, String zh, String en) {
    static ReasonView of(Reason reason, ReasonMessages messages) {
      return new ReasonView(
          reason.kind().wireName(),
          messages.text(reason, Locale.SIMPLIFIED_CHINESE),
          messages.text(reason, Locale.ENGLISH));
    }
  }

  /**
   * One recommended product.
   *
   * @param product the product id
   * @param title the catalog title
   * @param category the category path, top level first
   * @param brand the brand, if known
   * @param priceCents the price in cents of the main currency unit
   * @param stock units in stock
   * @param image the picture URL, if any
   * @param score the ranker's score: higher is better, comparable within one answer only
   * @param pinned whether the owner pinned it (pins come first)
   * @param sources the candidate sources that proposed it (label-match, co-visit, need, popular...)
   * @param reasons why it is shown, best first
   */
  public record ItemView(
      String product,
      String title,
      List<String> category,
      String brand,
      long priceCents,
      int stock,
      String image,
      double score,
      boolean pinned,
      List<String> sources,
      List<ReasonView> reasons) {
    static ItemView of(RecommendedItem item, ReasonMessages messages) {
      Product p = item.product();
      return new ItemView(
          p.id().value(),
          p.title(),
          p.categoryPath(),
          p.brand().orElse(null),
          p.priceCents(),
          p.stock(),
          p.imageUrl().orElse(null),
          item.score(),
          item.pinned(),
          item.sources().stream().sorted().toList(),
          item.reasons().stream().map(reason -> ReasonView.of(reason, messages)).toList());
    }
  }

  /**
   * A ranked list and how it was made.
   *
   * @param owner the owner asked for
   * @param fan the fan asked for
   * @param section the section ranked
   * @param ranker the ranker that scored the items: heuristic-v1 or a published model's id
   * @param fallback whether fallback sources (popular, new arrivals...) had to fill the list
   *     because little is known of the fan; {@code fallbackReason} says why
   * @param candidates how many candidate products were scored
   * @param items best first; pinned products lead the for-you section
   * @param need what the {@code need} parameter did; absent when the request had none
   * @param fallbackReason why the fallback sources ran; absent when they did not
   */
  public record RecommendationsView(
      String owner,
      String fan,
      String section,
      String ranker,
      boolean fallback,
      int candidates,
      List<ItemView> items,
      NeedView need,
      FallbackView fallbackReason) {}

  /**
   * What a free-text need did. A need shapes the for-you section only.
   *
   * @param matched in-stock products the need's text search found (within {@code category})
   * @param used whether the need decided the list: its matches, ranked for the fan, when anything
   *     matched in the for-you section; otherwise the list is ranked as if there were no need
   */
  public record NeedView(int matched, boolean used) {}

  /**
   * Why fallback sources filled the list.
   *
   * @param found candidates the section's own sources found
   * @param wanted how many candidates the ranking wants at least (3 x limit, at least 100 by
   *     default)
   * @param sources the fallback sources that ran in addition
   */
  public record FallbackView(int found, int wanted, List<String> sources) {}

  /**
   * Recommendations for a fan of an owner.
   *
   * <p>Ranks the owner's assortment for the fan: products matching the fan's labels from this
   * owner, items co-visited with what the fan looked at lately, the fan's categories and brands,
   * what the owner's fans buy; popular items and new arrivals fill in when little is known of the
   * fan. Sold-out, blocked and just-bought products are left out; the owner's pins come first. A
   * free-text {@code need} ranks the products that match it instead, when any do (see {@code need}
   * in the answer). Reads only; an event sent a moment ago already counts.
   *
   * @param owner the owner whose shelf it is: assortment, pins, blocks and labels are theirs
   * @param fan the fan (platform-wide id)
   * @param limit how many items
   * @param section which list: the main one (for-you), products matching the fan's labels, the
   *     fan's recently viewed products, or new arrivals
   * @param need a free-text need in Chinese or English, e.g. 想买花茶 调理身体 (for-you only)
   * @param category keep only products under these category path prefixes (repeatable), e.g. 美妆>护肤
   * @param minPrice keep only products at least this expensive, in the main currency unit
   * @param maxPrice keep only products cheaper than this, in the main currency unit
   */
  @GetMapping("/api/v1/recommendations")
  @ApiResponse(responseCode = "200", description = "the ranked items and how they were chosen")
  @ApiResponse(responseCode = "404", description = "no such owner")
  public RecommendationsView recommendForFan(
      @RequestParam("owner") String owner,
      @RequestParam("fan") String fan,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "200",
                      defaultValue = "20"))
          @RequestParam(name = "limit", defaultValue = "20")
          int limit,
      @Parameter(
              schema =
                  @Schema(
                      type = "string",
                      defaultValue = "for-you",
                      allowableValues = {
                        "for-you",
                        "matches-your-labels",
                        "recently-viewed",
                        "new-arrivals"
                      }))
          @RequestParam(name = "section", defaultValue = "for-you")
          String section,
      @Parameter(schema = @Schema(type = "string", maxLength = 200))
          @RequestParam(name = "need", required = false)
          String need,
      @RequestParam(name = "category", required = false) List<String> category,
      @Parameter(schema = @Schema(type = "number", minimum = "0", example = "29.9"))
          @RequestParam(name = "minPrice", required = false)
          String minPrice,
      @Parameter(schema = @Schema(type = "number", minimum = "0", example = "99"))
          @RequestParam(name = "maxPrice", required = false)
          String maxPrice)
      throws IOException {
    OwnerId ownerId = Params.owner("owner", owner);
    if (indexer.store().metadata().owner(ownerId).isEmpty()) {
      throw ApiException.notFound("no owner '" + owner + "'");
    }
    if (limit < 1 || limit > RecommendRequest.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit", "expected 1 to " + RecommendRequest.MAX_LIMIT + ", got " + limit);
    }
    if (need != null && need.strip().length() > 200) {
      throw ApiException.badRequest("need", "expected at most 200 characters");
    }
    RecommendRequest request =
        new RecommendRequest(
            ownerId,
            Params.fan("fan", fan),
            limit,
            Params.parse("section", section, Section::parse),
            Optional.ofNullable(need),
            category == null ? List.of() : category.stream().filter(c -> !c.isBlank()).toList(),
            cents("minPrice", minPrice),
            cents("maxPrice", maxPrice),
            recommendations.clock().instant());
    Recommendations result = recommendations.recommend(request, "api");
    return new RecommendationsView(
        owner,
        fan,
        request.section().wireName(),
        result.ranker(),
        result.fallback(),
        result.candidates(),
        result.items().stream().map(item -> ItemView.of(item, reasonMessages)).toList(),
        result.need().map(n -> new NeedView(n.matched(), n.used())).orElse(null),
        result
            .fallbackReason()
            .map(f -> new FallbackView(f.found(), f.wanted(), f.sources()))
            .orElse(null));
  }

  /**
   * Products often bought together with a product.
   *
   * <p>Products bought by the same fans as {@code product}, then the leaders of its category, that
   * the owner may show: in stock, in the owner's assortment, not blocked. Reads only.
   *
   * @param product the product
   * @param owner the owner whose assortment and blocks apply
   * @param limit how many items
   */
  @GetMapping("/api/v1/products/{product}/similar")
  @ApiResponse(responseCode = "200", description = "the related products, best first")
  @ApiResponse(responseCode = "404", description = "no such owner or product")
  public List<ItemView> similarProducts(
      @PathVariable("product") String product,
      @RequestParam("owner") String owner,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "200",
                      defaultValue = "10"))
          @RequestParam(name = "limit", defaultValue = "10")
          int limit)
      throws IOException {
    OwnerId ownerId = Params.owner("owner", owner);
    ProductId productId = Params.product("product", product);
    if (indexer.store().metadata().owner(ownerId).isEmpty()) {
      throw ApiException.notFound("no owner '" + owner + "'");
    }
    if (indexer.store().catalog().get(productId).isEmpty()) {
      throw ApiException.notFound("no product '" + product + "' in the catalog");
    }
    if (limit < 1 || limit > RecommendRequest.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit", "expected 1 to " + RecommendRequest.MAX_LIMIT + ", got " + limit);
    }
    return recommendations.similar(ownerId, productId, limit).stream()
        .map(item -> ItemView.of(item, reasonMessages))
        .toList();
  }

  private static OptionalLong cents(String field, String price) {
    if (price == null || price.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      BigDecimal value = new BigDecimal(price.strip());
      if (value.signum() < 0 || value.scale() > 2) {
        throw new NumberFormatException();
      }
      return OptionalLong.of(value.movePointRight(2).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw ApiException.badRequest(
          field,
          "expected a price >= 0 with at most two decimals such as 59.9, got '" + price + "'");
    }
  }
}
