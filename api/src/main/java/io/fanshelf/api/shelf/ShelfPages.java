package io.fanshelf.api.shelf;

import io.fanshelf.api.recommend.ReasonMessages;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.recommender.RecommendedItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The shelf page's HTML. Rendering the template is most of a cached shelf's cost, and the page
 * differs from view to view only in its render id (in every card's link, for click attribution), so
 * each (link, ranked shelf, language) is rendered once with a placeholder and each view replaces
 * the placeholder. A re-ranked shelf has a new ranking time and so renders afresh. Thread-safe;
 * keeps the {@value #PAGES} most recently used pages.
 */
@Component
public class ShelfPages {
  static final int PAGES = 2_000;

  private final ITemplateEngine templates;
  private final FanShelfProperties.Shelf options;
  private final ReasonMessages reasonMessages;
  // Random per process, so no product text can contain it.
  private final String placeholder = "rid" + HexFormat.of().formatHex(randomBytes());
  private final Map<Key, String> rendered =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
          return size() > PAGES;
        }
      };

  public ShelfPages(
      ITemplateEngine templates, FanShelfProperties properties, ReasonMessages reasonMessages) {
    this.templates = templates;
    this.options = properties.shelf();
    this.reasonMessages = reasonMessages;
  }

  private record Key(
      String token,
      Instant rankedAt,
      String ranker,
      String ownerName,
      Locale locale,
      boolean preview) {}

  /**
   * A product card. {@code image} is null without a picture: the card shows {@code initial}. {@code
   * href} buys, {@code moreHref} shows more like it, in the page's language.
   */
  public record Card(
      String id,
      String title,
      String price,
      String reason,
      String href,
      String moreHref,
      String image,
      String initial) {}

  /** A section of the page. */
  public record SectionView(String key, List<Card> cards) {}

  /**
   * The page of {@code shelf} reached through {@code token}, for one view ({@code render}); an
   * owner's {@code preview} says so on the page.
   */
  String html(
      String token, Shelf shelf, String ownerName, Locale locale, String render, boolean preview) {
    Key key = new Key(token, shelf.rankedAt(), shelf.ranker(), ownerName, locale, preview);
    String page;
    synchronized (rendered) {
      page = rendered.get(key);
    }
    if (page == null) {
      page = render(token, shelf, ownerName, locale, preview);
      synchronized (rendered) {
        rendered.put(key, page);
      }
    }
    return page.replace(placeholder, render);
  }

  /**
   * The built-in product page ({@code buy.html}).
   *
   * @param ownerName the shop the purchase is credited to; null when unknown
   * @param back the fan's shelf to go back to; null when the visit came from none
   */
  String product(Product product, String ownerName, String back, Locale locale) {
    Context context = new Context(locale);
    context.setVariable("product", product);
    context.setVariable("image", product.imageUrl().orElse(null));
    context.setVariable("initial", product.category().substring(0, 1));
    context.setVariable("price", price(product.priceCents()));
    context.setVariable("currency", options.currency());
    context.setVariable("ownerName", ownerName);
    context.setVariable("back", back);
    context.setVariable("lang", tag(locale));
    return templates.process("buy", context);
  }

  /** The page for a product the catalog no longer has, with the way back when known. */
  String productGone(String back, Locale locale) {
    Context context = new Context(locale);
    context.setVariable("shelf", back);
    return templates.process("shelf-product-gone", context);
  }

  /** A page without a shelf ({@code shelf-gone}, {@code shelf-busy}) in {@code locale}. */
  String notice(String template, Locale locale) {
    return templates.process(template, new Context(locale));
  }

  /**
   * The "more like this" page of {@code seed} reached through {@code token}, for one view ({@code
   * render}), with the way back to the shelf; an owner's {@code preview} says so.
   */
  String moreLikeThis(
      String token,
      Product seed,
      List<RecommendedItem> items,
      String ownerName,
      Locale locale,
      String render,
      boolean preview) {
    List<Card> cards = new ArrayList<>();
    for (RecommendedItem item : items) {
      cards.add(card(token, item, locale, render));
    }
    Context context = new Context(locale);
    context.setVariable("ownerName", ownerName);
    context.setVariable("seed", seed.title());
    context.setVariable("cards", cards);
    context.setVariable("preview", preview);
    context.setVariable("back", "/s/" + token + "?lang=" + tag(locale));
    context.setVariable("currency", options.currency());
    context.setVariable("lang", tag(locale));
    return templates.process("shelf-more", context);
  }

  private Card card(String token, RecommendedItem item, Locale locale, String render) {
    Product product = item.product();
    String id = enc(product.id().value());
    return new Card(
        product.id().value(),
        product.title(),
        price(product.priceCents()),
        item.reasons().isEmpty() ? null : reasonMessages.text(item.reasons().getFirst(), locale),
        "/s/" + token + "/go/" + id + "?r=" + render,
        "/s/" + token + "/more/" + id + "?r=" + render + "&lang=" + tag(locale),
        product.imageUrl().orElse(null),
        product.category().substring(0, 1));
  }

  private String render(
      String token, Shelf shelf, String ownerName, Locale locale, boolean preview) {
    List<SectionView> sections = new ArrayList<>();
    for (Shelf.ShelfSection section : shelf.sections()) {
      List<Card> cards = new ArrayList<>();
      for (RecommendedItem item : section.items()) {
        cards.add(card(token, item, locale, placeholder));
      }
      sections.add(new SectionView(section.section().wireName(), cards));
    }
    Context context = new Context(locale);
    context.setVariable("ownerName", ownerName);
    context.setVariable("sections", sections);
    context.setVariable("preview", preview);
    context.setVariable("currency", options.currency());
    context.setVariable("lang", tag(locale));
    return templates.process("shelf", context);
  }

  /** The page language's tag: zh-CN or en. */
  private static String tag(Locale locale) {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  private static String price(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
