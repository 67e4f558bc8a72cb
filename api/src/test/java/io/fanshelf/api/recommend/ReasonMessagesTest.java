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

  /**
   * The demo taxonomies' displayable dimensions whose values have match rules, as fans read them.
   */
  @Test
  void aLabelMatchReadsNaturallyForEachDimension() {
    assertLabelMatch("skin_type", "干皮", "dry skin", "适合干皮", "For dry skin");
    assertLabelMatch("skin_type", "敏感肌", "sensitive skin", "适合敏感肌", "For sensitive skin");
    assertLabelMatch("home_style", "颜值", "good looks", "你看重颜值", "You care about good looks");
    assertLabelMatch("home_style", "性价比", "good value", "你看重性价比", "You care about good value");
    assertLabelMatch("kids", "1个孩子", "1 kid", "适合有1个孩子的家庭", "For families with 1 kid");
    // a dimension without its own sentence, and a reason cached before reasons named theirs
    assertLabelMatch("age", "25-34岁", "age 25-34", "适合25-34岁", "For age 25-34");
    Reason cached = new Reason(Reason.Kind.LABEL_MATCH, List.of("油皮", "oily skin"));
    assertEquals("适合油皮", messages.text(cached, Locale.SIMPLIFIED_CHINESE));
  }

  private void assertLabelMatch(
      String dimension, String zh, String en, String zhText, String enText) {
    Reason reason = new Reason(Reason.Kind.LABEL_MATCH, List.of(zh, en, dimension));
    assertEquals(zhText, messages.text(reason, Locale.SIMPLIFIED_CHINESE));
    assertEquals(enText, messages.text(reason, Locale.ENGLISH));
  }
}
