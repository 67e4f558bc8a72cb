package io.fanshelf.recommender;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why an item is shown, as a kind of evidence and the arguments its text needs; the text itself is
 * the API's message bundles' ({@link #messageKeys()}), in every language they have. Built only from
 * what actually drove the item; never from a private label.
 *
 * @param kind what drove it
 * @param arguments what the text quotes, as its kind says (a label's names, a product's title)
 */
public record Reason(Kind kind, List<String> arguments) {
  /** The evidence behind a reason, and the arguments each kind carries. */
  public enum Kind {
    /**
     * A displayable label of the fan matches the product. Arguments: the label value's zh-CN name,
     * its English name as it reads inside a sentence ("oily skin"), and the dimension's id, which
     * picks the sentence the value fits ({@link #messageKeys()}).
     */
    LABEL_MATCH,
    /** Often bought with something the fan viewed. Argument: that product's short title. */
    BECAUSE_YOU_VIEWED,
    /** Often bought with something the fan bought. Argument: that product's short title. */
    BECAUSE_YOU_BOUGHT,
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
    BOUGHT_TOGETHER;

    /** The name in the API and in message keys: {@code label_match}, {@code popular} ... */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Reason {
    Objects.requireNonNull(kind, "kind");
    arguments = List.copyOf(arguments);
  }

  /** A reason whose text quotes nothing. */
  public static Reason of(Kind kind) {
    return new Reason(kind, List.of());
  }

  /**
   * Its text's keys in the message bundles, the first a bundle has wins: {@code reason.} and the
   * kind's wire name; for a label match first {@code reason.label_match.<dimension>}, since each
   * dimension's values read naturally in their own sentence (适合干皮, but 你看重颜值, not 适合颜值).
   */
  public List<String> messageKeys() {
    String key = "reason." + kind.wireName();
    if (kind == Kind.LABEL_MATCH && arguments.size() > 2) {
      return List.of(key + "." + arguments.get(2), key);
    }
    return List.of(key);
  }
}
