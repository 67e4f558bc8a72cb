package io.fanshelf.api.outreach;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.recommender.outreach.OutreachReason;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * The message templates: per reason and language, the owner's own or the built-in one ({@code
 * outreach.template.<reason>} in the message bundles), and filling one in. A template names what it
 * quotes in braces: {@code {name}} (the owner's remark name for the fan, or nothing), {@code
 * {product}}, {@code {price}}, {@code {oldPrice}} and {@code {link}}, which every template must
 * contain. Thread-safe.
 */
final class Templates {
  /** The languages a template is kept in. */
  static final List<String> LANGUAGES = List.of("zh-CN", "en");

  static final int MAX_LENGTH = 500;
  private static final Set<String> PLACEHOLDERS =
      Set.of("name", "product", "price", "oldPrice", "link");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final MessageSource messages;

  Templates(MessageSource messages) {
    this.messages = messages;
  }

  /** The settings key of a reason's template in a language: {@code back_in_stock.zh-CN}. */
  static String key(OutreachReason reason, String language) {
    return reason.wireName() + "." + language;
  }

  /** The language of a locale the templates are kept in: zh-CN for Chinese, else en. */
  static String language(Locale locale) {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  /** The template in use: the owner's, or the built-in one. */
  String template(OutreachSettings settings, OutreachReason reason, String language) {
    String own = settings.templates().get(key(reason, language));
    if (own != null) {
      return own;
    }
    // No arguments: the text is returned as written, braces and all (no MessageFormat).
    return messages.getMessage(
        "outreach.template." + reason.wireName(), null, Locale.forLanguageTag(language));
  }

  /** The built-in template, for the console's "reset" and as the example in the form. */
  String builtIn(OutreachReason reason, String language) {
    return messages.getMessage(
        "outreach.template." + reason.wireName(), null, Locale.forLanguageTag(language));
  }

  /** The template with its placeholders filled in; unknown ones cannot occur (checked on save). */
  static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), matcher.group())));
    }
    matcher.appendTail(out);
    return out.toString().strip();
  }

  /**
   * Checks an owner's template; {@code field} names it in the error (templates.back_in_stock.en).
   */
  static String check(String field, String template) {
    if (template == null || template.isBlank()) {
      throw ApiException.badRequest(field, "expected a template, got nothing");
    }
    String text = template.strip();
    if (text.length() > MAX_LENGTH) {
      throw ApiException.badRequest(
          field, "expected at most " + MAX_LENGTH + " characters, got " + text.length());
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    boolean link = false;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!PLACEHOLDERS.contains(name)) {
        throw ApiException.badRequest(
            field,
            "unknown placeholder {"
                + name
                + "}; expected {name}, {product}, {price}, {oldPrice} or {link}");
      }
      link |= name.equals("link");
    }
    if (!link) {
      throw ApiException.badRequest(field, "a template must contain {link}, the fan's link");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n') {
        throw ApiException.badRequest(
            field, "control character U+%04X at position %d".formatted((int) c, i + 1));
      }
    }
    return text;
  }
}
