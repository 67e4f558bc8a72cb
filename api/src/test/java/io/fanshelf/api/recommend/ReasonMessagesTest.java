package io.fanshelf.api.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fanshelf.recommender.Reason;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every kind of reason has its text in every bundle, and the texts quote their arguments. */
class ReasonMessagesTest {
  private final ReasonMessages messages = new ReasonMessages(bundles());

  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setUseCodeAsDefaultMessage(false);
    return source;
  }

  @Test
  void everyKindHasATextInEveryLanguage() {
    for (Reason.Kind kind : Reason.Kind.values()) {
      Reason reason = new Reason(kind, List.of("油皮", "oily skin"));
      for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        assertFalse(messages.text(reason, locale).isBlank(), kind + " in " + locale);
      }
    }
  }

  @Test
  void textsQuoteTheirArguments() {
    Reason label = new Reason(Reason.Kind.LABEL_MATCH, List.of("油皮", "oily skin"));
    assertEquals("适合油皮", messages.text(label, Locale.SIMPLIFIED_CHINESE));
    assertEquals("For oily skin", messages.text(label, Locale.US));
    Reason bought = new Reason(Reason.Kind.BECAUSE_YOU_BOUGHT, List.of("玫瑰花茶 It's {fresh}…"));
    assertEquals("因为你买过「玫瑰花茶 It's {fresh}…」", messages.text(bought, Locale.SIMPLIFIED_CHINESE));
    assertEquals("Because you bought “玫瑰花茶 It's {fresh}…”", messages.text(bought, Locale.US));
    assertEquals(
        "店主推荐", messages.text(Reason.of(Reason.Kind.OWNER_PICK), Locale.SIMPLIFIED_CHINESE));
  }
}
