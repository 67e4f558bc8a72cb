package io.fanshelf.api.recommend;

import io.fanshelf.recommender.Reason;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A {@link Reason}'s text in a language, from the message bundles ({@code reason.<kind>} in
 * messages*.properties, or a more specific key the reason names first, with the reason's
 * arguments), like every other fan-facing string: a new language is a new bundle. Thread-safe.
 */
@Component
public class ReasonMessages {
  private final MessageSource messages;

  ReasonMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String text(Reason reason, Locale locale) {
    return messages.getMessage(
        new DefaultMessageSourceResolvable(
            reason.messageKeys().toArray(String[]::new), reason.arguments().toArray()),
        locale);
  }
}
