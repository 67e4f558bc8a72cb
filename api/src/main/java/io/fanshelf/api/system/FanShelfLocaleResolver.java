package io.fanshelf.api.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, zh-CN or en: a controller's choice (the owner's setting) if it made one,
 * else {@code ?lang=}, else the first of zh or en in Accept-Language, else zh-CN.
 */
public final class FanShelfLocaleResolver implements LocaleResolver {
  /** Request attribute a controller sets to fix the page language. */
  public static final String ATTRIBUTE = FanShelfLocaleResolver.class.getName() + ".locale";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(ATTRIBUTE);
    if (chosen instanceof Locale locale) {
      return locale;
    }
    return fromRequest(request).orElse(Locale.SIMPLIFIED_CHINESE);
  }

  /** {@code ?lang=} or Accept-Language, when either names zh or en. */
  public static java.util.Optional<Locale> fromRequest(HttpServletRequest request) {
    String lang = request.getParameter("lang");
    if (lang != null) {
      Locale parsed = supported(lang);
      if (parsed != null) {
        return java.util.Optional.of(parsed);
      }
    }
    String header = request.getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          Locale parsed = supported(range.getRange());
          if (parsed != null) {
            return java.util.Optional.of(parsed);
          }
        }
      } catch (IllegalArgumentException e) {
        // A malformed header counts as no preference.
      }
    }
    return java.util.Optional.empty();
  }

  private static Locale supported(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    if (lower.startsWith("zh")) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    if (lower.startsWith("en")) {
      return Locale.US;
    }
    return null;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    request.setAttribute(ATTRIBUTE, locale);
  }
}
