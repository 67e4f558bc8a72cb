package io.fanshelf.api.recommend;

import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Apps ask for recommendations and similar items ({@code recommend:read}). */
@RestController
@RequireScope(Scope.RECOMMEND_READ)
public class RecommendController {
  private final RecommendationService recommendations;
  private final Indexer indexer;

  public RecommendController(RecommendationService recommendations, Indexer indexer) {
    this.recommendations = recommendations;
    this.indexer = indexer;
  }

  /** A reason in both languages. */
  public record ReasonView(String kind, String zh, String en) {
    static ReasonView of(Reason reason) {
      return new ReasonView(
          reason.kind().name().toLowerCase(java.util.Locale.ROOT), reason.zh(), reason.en());
    }
  }

  /** One recommended product. */
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
    static ItemView of(RecommendedItem item) {
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
          item.reasons().stream().map(ReasonView::of).toList());
    }
  }

  /** A ranked list and how it was made. */
  public record RecommendationsView(
      String owner,
      String fan,
      String section,
      String ranker,
      boolean fallback,
      int candidates,
      List<ItemView> items) {}

  /**
   * Recommendations for (owner, fan): {@code section} one of for-you (default),
   * matches-your-labels, recently-viewed, new-arrivals; {@code need} a free-text need; {@code
   * category} prefixes (repeatable); {@code minPrice}/{@code maxPrice} in the main currency unit.
   */
  @GetMapping("/api/v1/recommendations")
  public RecommendationsView recommend(
      @RequestParam("owner") String owner,
      @RequestParam("fan") String fan,
      @RequestParam(name = "limit", defaultValue = "20") int limit,
      @RequestParam(name = "section", defaultValue = "for-you") String section,
      @RequestParam(name = "need", required = false) String need,
      @RequestParam(name = "category", required = false) List<String> category,
      @RequestParam(name = "minPrice", required = false) String minPrice,
      @RequestParam(name = "maxPrice", required = false) String maxPrice)
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
        result.items().stream().map(ItemView::of).toList());
  }

  /** Products often bought with {@code product} that {@code owner} may show. */
  @GetMapping("/api/v1/products/{product}/similar")
  public List<ItemView> similar(
      @PathVariable("product") String product,
      @RequestParam("owner") String owner,
      @RequestParam(name = "limit", defaultValue = "10") int limit)
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
    return recommendations.similar(ownerId, productId, limit).stream().map(ItemView::of).toList();
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
