package io.fanshelf.api.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.outreach.OutreachOptions;
import io.fanshelf.recommender.outreach.OutreachPick;
import io.fanshelf.recommender.outreach.OutreachPlan;
import io.fanshelf.recommender.outreach.OutreachPlanner;
import io.fanshelf.recommender.outreach.OutreachReason;
import io.fanshelf.recommender.rules.CurationLookup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The beauty demo shop, with its last weeks made, has a list today with every reason they plant.
 */
class DemoOutreachTest {
  @TempDir Path dir;

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  @Test
  void theDemoOwnerHasAListTodayWithTheReasonsThePlantedWeeksGive() throws Exception {
    OutreachPlan plan = demoPlan();
    Set<OutreachReason> reasons = EnumSet.noneOf(OutreachReason.class);
    plan.picks().stream().map(OutreachPick::reason).forEach(reasons::add);
    assertTrue(plan.picks().size() >= 50, plan.picks().size() + " listed");
    assertTrue(
        reasons.containsAll(
            EnumSet.of(
                OutreachReason.BACK_IN_STOCK,
                OutreachReason.PRICE_DROP,
                OutreachReason.REPURCHASE_DUE,
                OutreachReason.LAPSED)),
        reasons.toString());
  }

  @Test
  void theDemoOwnersGroupsCameWithTheFans() throws Exception {
    OutreachPlan plan = demoPlan();
    Set<String> groups = new HashSet<>();
    plan.groups().forEach(g -> groups.add(g.name()));
    assertTrue(groups.containsAll(Set.of("小美福利1群", "小美福利2群", "老客VIP群")), groups.toString());
    // Three fans in four are in one of the two welfare groups: one of them holds many listed fans.
    assertTrue(
        plan.groups().stream().mapToInt(g -> g.listedFans()).max().orElse(0)
            >= plan.picks().size() / 4,
        plan.groups().toString());
  }

  private OutreachPlan demoPlan() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (Indexer indexer = Indexer.open(IndexerOptions.of(dir).withClock(clock))) {
      indexer.importFiles(
          ImportRequest.inDirectory(Path.of("..", "demo", "beauty")), ImportListener.NONE);
      new DemoOutreach(indexer, clock).run();
      OutreachPlanner planner =
          new OutreachPlanner(
              indexer,
              Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE),
              OutreachOptions.defaults());
      return planner.plan(DemoOutreach.SHOP, NOW, fan -> false);
    }
  }
}
