package io.fanshelf.api.funnel;

import io.fanshelf.api.TestEvents;
import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.api.shelf.FileShareLinkStore;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class FunnelServiceTest {
  private static final OwnerId SHOP = OwnerId.of("shop");

  /** Just after midnight UTC: the last open was yesterday, the links are made today. */
  private static final Instant NOW = Instant.parse("2026-12-07T00:30:00Z");

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final FunnelLedger ledger = new FunnelLedger(id -> Optional.empty(), Duration.ofDays(7));

  @Test
  void theDefaultPeriodEndsOnTheDayOfTheNewestLinkWhenThatIsAfterTheLastOpen() throws Exception {
    FileShareLinkStore links = new FileShareLinkStore(dir, JsonMapper.builder().build(), clock);
    FunnelService funnels = new FunnelService(ledger, links, null, null, clock);
    ledger.count(open("fan-1", NOW.minus(Duration.ofHours(2))));
    Assertions.assertEquals(LocalDate.parse("2026-12-06"), funnels.lastActiveDay(SHOP));

    links.ensure(SHOP, List.of(FanId.of("fan-1"), FanId.of("fan-2")), Optional.empty());
    LocalDate last = funnels.lastActiveDay(SHOP);
    Assertions.assertEquals(LocalDate.parse("2026-12-07"), last);
    Funnel funnel = funnels.funnel(SHOP, FunnelPeriod.parse(null, null, last), Optional.empty());
    Funnel.FunnelStage shared = funnel.stages().getFirst();
    Assertions.assertEquals(Funnel.StageName.SHARED, shared.stage());
    Assertions.assertEquals(2, shared.fans(), "both fans hold a link, one also opened it");
  }

  @Test
  void aShopWithNeitherOpensNorLinksOpensOnToday() throws Exception {
    FileShareLinkStore links = new FileShareLinkStore(dir, JsonMapper.builder().build(), clock);
    FunnelService funnels = new FunnelService(ledger, links, null, null, clock);
    Assertions.assertEquals(LocalDate.parse("2026-12-07"), funnels.lastActiveDay(SHOP));
  }

  private static Event open(String fan, Instant at) {
    return TestEvents.event(
        AttributedStats.SHELF_IMPRESSION_PREFIX + fan + "-0",
        FanId.of(fan),
        ProductId.of("cream"),
        EventType.IMPRESSION,
        at,
        SHOP);
  }
}
