package io.fanshelf.api.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.outreach.Evidence;
import io.fanshelf.recommender.outreach.OutreachPick;
import io.fanshelf.recommender.outreach.OutreachReason;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The regular-shop sentence in both languages, from the bundles the service uses. */
class WhySentencesTest {
  @Test
  void aRegularShopSaysTheRhythmTheLastShopAndWhenTheNextIsDue() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    Evidence evidence =
        new Evidence(
            Instant.parse("2026-11-20T00:00:00Z"),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.of(6),
            OptionalInt.of(9),
            OptionalDouble.empty());
    Product product =
        new Product(
            ProductId.of("p-1"),
            "Milk",
            List.of("dairy"),
            Optional.empty(),
            199,
            10,
            Map.of(),
            Set.of(),
            Instant.parse("2026-01-01T00:00:00Z"),
            Optional.empty(),
            0);
    OutreachPick pick =
        new OutreachPick(
            FanId.of("fan-1"),
            OutreachReason.REGULAR_SHOP_DUE,
            product,
            0.5,
            0,
            evidence,
            Optional.empty());

    assertEquals(
        "Shopped on 9 days, about every 6 days; last on 2026-11-20, so the next shop is due by"
            + " 2026-11-26.",
        new WhySentences(messages, Locale.ENGLISH).sentence(pick));
    assertEquals(
        "曾在 9 天下单，约每 6 天一次；上次 2026-11-20，下次约在 2026-11-26 前。",
        new WhySentences(messages, Locale.SIMPLIFIED_CHINESE).sentence(pick));
  }
}
