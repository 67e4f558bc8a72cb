package io.fanshelf.api.shelf;

import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.system.FanShelfLocaleResolver;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.recommender.RecommendedItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fan page: {@code GET /s/{token}} renders the link's shelf server-side (no JavaScript needed,
 * {@code noindex}, never cached by browsers or proxies), {@code GET /s/{token}/go/{product}} counts
 * the click and sends the fan on to buy with the owner's attribution.
 */
@Controller
public class ShelfController {
  private final ShelfService shelves;
  private final MetadataStore metadata;
  private final RateLimiter limiter;
  private final RateLimiter.Limit limit;
  private final FanShelfProperties.Shelf options;

  public ShelfController(
      ShelfService shelves,
      MetadataStore metadata,
      RateLimiter limiter,
      FanShelfProperties properties) {
    this.shelves = shelves;
    this.metadata = metadata;
    this.limiter = limiter;
    this.limit =
        new RateLimiter.Limit(
            properties.rateLimit().shareLinkPerMinute() / 60.0,
            properties.rateLimit().shareLinkBurst());
    this.options = properties.shelf();
  }

  /**
   * A product card.
   *
   * @param image the product's picture, or null: the card then shows the category's initial
   */
  public record Card(
      String id,
      String title,
      String price,
      String reason,
      String href,
      String image,
      String initial) {}

  /** A section of the page. */
  public record SectionView(String key, List<Card> cards) {}

  @GetMapping("/s/{token}")
  public String shelf(
      @PathVariable("token") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    noStore(response);
    Optional<ShareLink> found = shelves.link(token);
    if (found.isEmpty()) {
      response.setStatus(404);
      return "shelf-gone";
    }
    ShareLink link = found.get();
    if (limited(link, response)) {
      return "shelf-busy";
    }
    Owner owner = metadata.owner(link.owner()).orElse(null);
    Locale locale =
        FanShelfLocaleResolver.fromRequest(request)
            .orElse(owner == null ? Locale.SIMPLIFIED_CHINESE : owner.locale());
    request.setAttribute(FanShelfLocaleResolver.ATTRIBUTE, locale);
    Shelf shelf = shelves.shelf(link);
    String render = shelves.recordImpressions(link, shelf);
    List<SectionView> sections = new ArrayList<>();
    for (Shelf.ShelfSection section : shelf.sections()) {
      List<Card> cards = new ArrayList<>();
      for (RecommendedItem item : section.items()) {
        var product = item.product();
        cards.add(
            new Card(
                product.id().value(),
                product.title(),
                price(product.priceCents()),
                item.reasons().isEmpty() ? null : item.reasons().getFirst().text(locale),
                "/s/" + token + "/go/" + enc(product.id().value()) + "?r=" + render,
                product.imageUrl().orElse(null),
                product.category().substring(0, 1)));
      }
      sections.add(new SectionView(section.section().wireName(), cards));
    }
    model.addAttribute("ownerName", owner == null ? link.owner().value() : owner.name());
    model.addAttribute("sections", sections);
    model.addAttribute("currency", options.currency());
    model.addAttribute("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
    return "shelf";
  }

  @GetMapping("/s/{token}/go/{product}")
  public String click(
      @PathVariable("token") String token,
      @PathVariable("product") String product,
      @RequestParam(name = "r", required = false) String render,
      HttpServletResponse response)
      throws IOException, ImportRejectedException {
    noStore(response);
    Optional<ShareLink> found = shelves.link(token);
    if (found.isEmpty()) {
      response.setStatus(404);
      return "shelf-gone";
    }
    ShareLink link = found.get();
    if (limited(link, response)) {
      return "shelf-busy";
    }
    ProductId id = Params.product("product", product);
    shelves.recordClick(link, id, render);
    String target =
        options
            .buyUrl()
            .replace("{product}", enc(id.value()))
            .replace("{owner}", enc(link.owner().value()));
    return "redirect:" + target;
  }

  /** Where "buy" leads by default: a stand-in for the platform's product page. */
  @GetMapping("/buy/{product}")
  public String buy(
      @PathVariable("product") String product,
      @RequestParam(name = "ref", required = false) String ref,
      Model model) {
    model.addAttribute("product", product);
    model.addAttribute("ref", ref);
    return "buy";
  }

  private boolean limited(ShareLink link, HttpServletResponse response) {
    Optional<Duration> wait = limiter.acquire("link:" + link.id(), limit);
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
      return true;
    }
    return false;
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
  }

  private static String price(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
