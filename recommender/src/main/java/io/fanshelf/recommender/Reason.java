package io.fanshelf.recommender;

import java.util.Locale;
import java.util.Objects;

/**
 * A short reason a fan can read, in both languages, and what kind of evidence it rests on. Built
 * only from what actually drove the item; never from a private label.
 *
 * @param kind what drove it
 * @param zh the zh-CN text, e.g. 适合油皮
 * @param en the English text, e.g. For oily skin
 */
public record Reason(Kind kind, String zh, String en) {
  /** The evidence behind a reason. */
  public enum Kind {
    /** A displayable label of the fan matches the product. */
    LABEL_MATCH,
    /** Often bought with something the fan viewed or bought (the text says which). */
    BECAUSE_YOU_VIEWED,
    /** The owner pinned it. */
    OWNER_PICK,
    /** A new arrival. */
    NEW,
    /** Popular with fans like this one (same owner, same labels). */
    POPULAR_WITH_SIMILAR_FANS,
    /** Popular overall. */
    POPULAR,
    /** Matches the free-text need. */
    MATCHES_NEED,
    /** In a category the fan often buys. */
    FAVOURITE_CATEGORY,
    /** Often bought together with the product being looked at. */
    BOUGHT_TOGETHER
  }

  public Reason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  public String text(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? zh : en;
  }
}
