package io.fanshelf.api.shelf;

import io.fanshelf.api.auth.Caller;
import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfLocaleResolver;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogReader;
import io.fanshelf.indexer.store.MetadataReader;
import io.fanshelf.recommender.RecommendedItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The fan page: {@code GET /s/{token}} renders the link's shelf server-side (no JavaScript needed,
 * {@code noindex}, never cached by browsers or proxies), {@code GET /s/{token}/go/{product}} counts
 * the click and sends the fan on to buy with the owner's attribution, {@code GET
 * /s/{token}/more/{product}} counts the click and shows more like the product. When the link's
 * owner looks (the console's preview), no view, impression or click is recorded.
 */
@Controller
class ShelfController {
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  private static final String BUILT_IN_PRODUCT_PAGE = "/buy/";

  private final ShelfService shelves;
  private final MetadataReader metadata;
  private final CatalogReader catalog;
  private final RateLimiter limiter;
  private final RateLimiter.Limit limit;
  private final FanShelfProperties.Shelf options;
  private final ShelfPages pages;
  private final LocaleResolver locales;

  ShelfController(
      ShelfService shelves,
      ShelfPages pages,
      LocaleResolver locales,
      MetadataReader metadata,
      Indexer indexer,
      RateLimiter limiter,
      FanShelfProperties properties) {
    this.shelves = shelves;
    this.pages = pages;
    this.locales = locales;
    this.metadata = metadata;
    this.catalog = indexer.store().catalog();
    this.limiter = limiter;
    this.limit =
        new RateLimiter.Limit(
            properties.rateLimit().shareLinkPerMinute() / 60.0,
            properties.rateLimit().shareLinkBurst());
    this.options = properties.shelf();
  }

  @GetMapping("/s/{token}")
  public ResponseEntity<String> shelf(
      @PathVariable("token") String token,
      HttpServletRequest request,
      HttpServletResponse response) {
    noStore(response);
    Optional<ShareLink> found = shelves.link(token);
    if (found.isEmpty()) {
      return notice(HttpStatus.NOT_FOUND, "shelf-gone", request);
    }
    ShareLink link = found.get();
    if (limited(link, response)) {
      return notice(HttpStatus.TOO_MANY_REQUESTS, "shelf-busy", request);
    }
    Owner owner = metadata.owner(link.owner()).orElse(null);
    Locale locale =
        FanShelfLocaleResolver.fromRequest(request)
            .orElse(owner == null ? Locale.SIMPLIFIED_CHINESE : owner.locale());
    Shelf shelf = shelves.shelf(link);
    boolean preview = ownersPreview(link, request);
    String render = preview ? Tokens.id("") : shelves.recordImpressions(link, shelf);
    String ownerName = owner == null ? link.owner().value() : owner.name();
    return ResponseEntity.ok()
        .contentType(HTML)
        .body(pages.html(token, shelf, ownerName, locale, render, preview));
  }

  private ResponseEntity<String> notice(
      HttpStatus status, String template, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .contentType(HTML)
        .body(pages.notice(template, locales.resolveLocale(request)));
  }

  @GetMapping("/s/{token}/go/{product}")
  public String click(
      @PathVariable("token") String token,
      @PathVariable("product") String product,
      @RequestParam(name = "r", required = false) String render,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
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
    ProductId id;
    try {
      id = ProductId.of(product);
      if (ownersPreview(link, request)) {
        if (catalog.get(id).isEmpty()) {
          throw new IllegalArgumentException("unknown product " + id.value());
        }
      } else {
        shelves.recordClick(link, id, render);
      }
    } catch (IllegalArgumentException | ImportRejectedException e) {
      // A malformed id, or one the catalog does not have (any more): nothing to buy, no click.
      response.setStatus(404);
      model.addAttribute("shelf", "/s/" + token);
      return "shelf-product-gone";
    }
    String target =
        options
            .buyUrl()
            .replace("{product}", enc(id.value()))
            .replace("{owner}", enc(link.owner().value()));
    if (target.startsWith(BUILT_IN_PRODUCT_PAGE)) {
      // The built-in product page offers the way back to this shelf; a platform's page has its own.
      target += (target.contains("?") ? "&" : "?") + "shelf=" + enc(token);
    }
    return "redirect:" + target;
  }

  /**
   * "More like this" under a card: counts as the fan's click on {@code product} (once per shown
   * page, like buying it), then shows products like it for this fan, as cards of the shelf.
   */
  @GetMapping("/s/{token}/more/{product}")
  public ResponseEntity<String> moreLikeThis(
      @PathVariable("token") String token,
      @PathVariable("product") String product,
      @RequestParam(name = "r", required = false) String render,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    noStore(response);
    Optional<ShareLink> found = shelves.link(token);
    if (found.isEmpty()) {
      return notice(HttpStatus.NOT_FOUND, "shelf-gone", request);
    }
    ShareLink link = found.get();
    if (limited(link, response)) {
      return notice(HttpStatus.TOO_MANY_REQUESTS, "shelf-busy", request);
    }
    Owner owner = metadata.owner(link.owner()).orElse(null);
    Locale locale =
        FanShelfLocaleResolver.fromRequest(request)
            .orElse(owner == null ? Locale.SIMPLIFIED_CHINESE : owner.locale());
    Optional<Product> seed;
    try {
      seed = catalog.get(ProductId.of(product));
    } catch (IllegalArgumentException e) {
      seed = Optional.empty();
    }
    if (seed.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(HTML)
          .body(pages.productGone("/s/" + token, locale));
    }
    boolean preview = ownersPreview(link, request);
    List<RecommendedItem> items;
    try {
      if (!preview) {
        shelves.recordClick(link, seed.get().id(), render);
      }
      items = shelves.moreLikeThis(link, seed.get().id());
    } catch (ImportRejectedException | IllegalArgumentException e) {
      // the product left the catalog since it was read, or the ranking's copy of the catalog does
      // not have it yet: nothing like it to show
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(HTML)
          .body(pages.productGone("/s/" + token, locale));
    }
    String shown = preview ? Tokens.id("") : shelves.recordMoreLikeThisImpressions(link, items);
    String ownerName = owner == null ? link.owner().value() : owner.name();
    return ResponseEntity.ok()
        .contentType(HTML)
        .body(pages.moreLikeThis(token, seed.get(), items, ownerName, locale, shown, preview));
  }

  /** A shelf request the service refuses (e.g. a query that is not UTF-8): a page, not JSON. */
  @ExceptionHandler(ApiException.class)
  ResponseEntity<String> refused(ApiException e, HttpServletRequest request) {
    return notice(e.status(), "shelf-bad-link", request);
  }

  /**
   * Where "buy" leads by default ({@code fanshelf.shelf.buy-url}), a stand-in for the platform's
   * product page: the product's picture, title, brand and price, the shop it is credited to, and
   * the way back to the fan's shelf when the click came from one ({@code shelf}, a share link
   * token; shown only while the link is active).
   */
  @GetMapping("/buy/{product}")
  public ResponseEntity<String> buy(
      @PathVariable("product") String product,
      @RequestParam(name = "ref", required = false) String ref,
      @RequestParam(name = "shelf", required = false) String shelf,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    noStore(response);
    Optional<ShareLink> link = shelf == null ? Optional.empty() : shelves.link(shelf);
    Optional<Owner> owner =
        link.flatMap(l -> metadata.owner(l.owner()))
            .or(() -> ref == null ? Optional.empty() : ownerOf(ref));
    Locale locale =
        FanShelfLocaleResolver.fromRequest(request)
            .orElse(owner.map(Owner::locale).orElse(Locale.SIMPLIFIED_CHINESE));
    Optional<Product> found;
    try {
      found = catalog.get(ProductId.of(product));
    } catch (IllegalArgumentException e) {
      found = Optional.empty();
    }
    String back = link.map(l -> "/s/" + l.token()).orElse(null);
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(HTML)
          .body(pages.productGone(back, locale));
    }
    return ResponseEntity.ok()
        .contentType(HTML)
        .body(pages.product(found.get(), owner.map(Owner::name).orElse(null), back, locale));
  }

  private Optional<Owner> ownerOf(String id) {
    try {
      return metadata.owner(OwnerId.of(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the link's own owner is looking (signed in to the console, whose session cookie the
   * browser sends along, or with an owner token): the console's "open as the fan sees it". An
   * owner's look is neither the fan's view nor the fan's click, so nothing is recorded.
   */
  private static boolean ownersPreview(ShareLink link, HttpServletRequest request) {
    return Caller.of(request) instanceof Caller.OwnerUser user && user.owner().equals(link.owner());
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

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
