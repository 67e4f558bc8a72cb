package io.fanshelf.indexer.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * A display name in the two languages FanShelf serves.
 *
 * @param zh Simplified Chinese (zh-CN), the owners' first language
 * @param en English
 */
public record LocalizedName(@JsonProperty("zh-CN") String zh, @JsonProperty("en") String en) {
  public LocalizedName {
    if (zh == null || zh.isBlank()) {
      throw new IllegalArgumentException("a zh-CN name is required");
    }
    if (en == null || en.isBlank()) {
      throw new IllegalArgumentException("an en name is required");
    }
    zh = zh.strip();
    en = en.strip();
  }

  /** The name for a locale: Chinese for any zh locale, English otherwise. */
  public String in(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return "zh".equals(locale.getLanguage()) ? zh : en;
  }
}
