package io.fanshelf.api.outreach;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.recommender.outreach.Evidence;
import io.fanshelf.recommender.outreach.OutreachPick;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The evidence of a pick as one sentence an owner can check against the fan's page and the catalog
 * ({@code outreach.why.<reason>} in the message bundles), dates as UTC days.
 */
record WhySentences(MessageSource messages, Locale locale) implements OutreachService.WhyTexts {

  @Override
  public String sentence(OutreachPick pick) {
    Evidence e = pick.evidence();
    String key = "outreach.why." + pick.reason().wireName();
    Object[] arguments =
        switch (pick.reason()) {
          case BACK_IN_STOCK -> {
            ProductChange change = e.change().orElseThrow();
            yield new Object[] {
              action(e),
              day(e.at()),
              day(change.changedAt()),
              change.previousStock(),
              change.stock()
            };
          }
          case PRICE_DROP -> {
            ProductChange change = e.change().orElseThrow();
            yield new Object[] {
              action(e),
              day(e.at()),
              day(change.changedAt()),
              OutreachService.yuan(change.previousPriceCents()),
              OutreachService.yuan(change.priceCents())
            };
          }
          case REPURCHASE_DUE ->
              new Object[] {
                String.valueOf(e.purchases().orElse(0)),
                String.valueOf(Math.round(e.intervalDays().orElse(0))),
                day(e.at())
              };
          case REGULAR_SHOP_DUE -> {
            double interval = e.intervalDays().orElse(0);
            yield new Object[] {
              String.valueOf(e.purchases().orElse(0)),
              String.valueOf(Math.round(interval)),
              day(e.at()),
              day(e.at().plus(java.time.Duration.ofDays(Math.round(interval))))
            };
          }
          case NEW_ARRIVAL -> new Object[] {day(e.at())};
          case SHELF_CHANGED ->
              new Object[] {
                day(e.at()), String.valueOf(Math.round(100 * e.changedShare().orElse(0)))
              };
          case LAPSED -> new Object[] {String.valueOf(e.purchases().orElse(0)), day(e.at())};
        };
    return messages.getMessage(key, arguments, locale);
  }

  private String action(Evidence e) {
    EventType type = e.action().orElse(EventType.VIEW);
    return messages.getMessage("outreach.action." + type.wireName(), null, locale);
  }

  private static String day(java.time.Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }
}
