package io.fanshelf.indexer.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A shop owner.
 *
 * @param id owner id
 * @param name the shop name fans see on their shelf
 * @param locale the language of the owner's fan pages and console, zh-CN or en
 * @param assortment category prefixes (joined with {@code >}) the owner sells; empty means the
 *     whole catalog
 */
public record Owner(OwnerId id, String name, Locale locale, Optional<Set<String>> assortment) {
  public static final Set<Locale> SUPPORTED_LOCALES = Set.of(Locale.SIMPLIFIED_CHINESE, Locale.US);

  public Owner {
    Objects.requireNonNull(id, "id");
    name = Text.require("owner name", name, 100);
    Objects.requireNonNull(locale, "locale");
    if (!SUPPORTED_LOCALES.contains(locale)) {
      throw new IllegalArgumentException("locale must be zh-CN or en-US, got " + locale);
    }
    assortment = Objects.requireNonNull(assortment, "assortment").map(Set::copyOf);
    assortment.ifPresent(
        prefixes -> {
          if (prefixes.isEmpty()) {
            throw new IllegalArgumentException(
                "assortment, when given, needs at least one category prefix");
          }
        });
  }

  /** Whether this owner sells products of the given category path key (joined with {@code >}). */
  public boolean sells(String categoryKey) {
    return assortment
        .map(
            prefixes ->
                prefixes.stream()
                    .anyMatch(p -> categoryKey.equals(p) || categoryKey.startsWith(p + ">")))
        .orElse(true);
  }
}
