package io.fanshelf.recommender;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.recommender.outreach.OutreachGroup;
import io.fanshelf.recommender.outreach.OutreachOptions;
import io.fanshelf.recommender.outreach.OutreachPick;
import io.fanshelf.recommender.outreach.OutreachPlan;
import io.fanshelf.recommender.outreach.OutreachPlanner;
import io.fanshelf.recommender.outreach.OutreachReason;
import io.fanshelf.recommender.outreach.PurchaseModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outreach planner on the beauty-home fixture: each reason from the events and catalog changes
 * that make it, then the cap, the opt-outs, the budget and the owner boundary.
 */
class OutreachPlannerTest {
  private static final Instant NOW = Fixture.NOW;

  @TempDir Path dir;
  private Fixture fixture;
  private OutreachPlanner planner;
  private final List<Event> events = new ArrayList<>();
  private int eventIds;

  @BeforeEach
  void open() throws Exception {
    fixture = Fixture.open(dir);
    planner = new OutreachPlanner(fixture.indexer, fixture.recommender, OutreachOptions.defaults());
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void aCartedProductBackInStockIsAReasonWithTheCatalogsChange() throws Exception {
    event("fan-0002", "bh-002", EventType.CART, NOW.minus(days(10)));
    store();
    reimport("bh-002", "\"stock\": 45", "\"stock\": 0");
    reimport("bh-002", "\"stock\": 45", "\"stock\": 45");

    OutreachPick pick = reason("fan-0002", OutreachReason.BACK_IN_STOCK, NOW).orElseThrow();
    assertEquals(ProductId.of("bh-002"), pick.product().id());
    assertEquals(Optional.of(EventType.CART), pick.evidence().action());
    assertEquals(0, pick.evidence().change().orElseThrow().previousStock());
    assertEquals(NOW.minus(days(10)), pick.evidence().at());
    // Before the cart, the fan had no interest to remind them of.
    assertTrue(reason("fan-0002", OutreachReason.BACK_IN_STOCK, NOW.minus(days(11))).isEmpty());
  }

  @Test
  void aViewedProductThatGotCheaperIsAPriceDropUntilTheFanBuysIt() throws Exception {
    event("fan-0005", "bh-004", EventType.VIEW, NOW.minus(days(5)));
    store();
    reimport("bh-004", "\"price\": 89.00", "\"price\": 79.00");

    OutreachPick pick = reason("fan-0005", OutreachReason.PRICE_DROP, NOW).orElseThrow();
    assertEquals(8_900, pick.evidence().change().orElseThrow().previousPriceCents());
    assertEquals(7_900, pick.product().priceCents());

    event("fan-0005", "bh-004", EventType.PURCHASE, NOW.minus(days(1)));
    store();
    assertTrue(reason("fan-0005", OutreachReason.PRICE_DROP, NOW).isEmpty());
  }

  @Test
  void aProductBoughtOnARhythmIsDueByTheFansOwnInterval() throws Exception {
    for (int ago : new int[] {61, 41, 21}) {
      event("fan-0003", "bh-008", EventType.PURCHASE, NOW.minus(days(ago)));
    }
    store();

    OutreachPick pick = reason("fan-0003", OutreachReason.REPURCHASE_DUE, NOW).orElseThrow();
    assertEquals(ProductId.of("bh-008"), pick.product().id());
    assertEquals(OptionalDouble.of(20), pick.evidence().intervalDays());
    // Ten days after the last purchase it is not due yet.
    assertTrue(reason("fan-0003", OutreachReason.REPURCHASE_DUE, NOW.minus(days(11))).isEmpty());
  }

  @Test
  void aBuyerWhoStoppedComingHasLapsed() throws Exception {
    event("fan-0004", "bh-008", EventType.PURCHASE, NOW.minus(days(100)));
    event("fan-0004", "bh-001", EventType.PURCHASE, NOW.minus(days(90)));
    store();
    Instant later = NOW.plus(days(45));
    assertTrue(reason("fan-0004", OutreachReason.LAPSED, later).isPresent());
    assertTrue(reason("fan-0004", OutreachReason.LAPSED, NOW).isEmpty());
  }

  @Test
  void thePlanRespectsTheCapTheOptOutsTheBudgetAndTheOwner() throws Exception {
    event("fan-0002", "bh-002", EventType.CART, NOW.minus(days(10)));
    event("fan-0006", "bh-002", EventType.CART, NOW.minus(days(10)));
    event("fan-0005", "bh-004", EventType.VIEW, NOW.minus(days(5)));
    events.add(
        new Event(
            EventId.of("sent-1"),
            FanId.of("fan-0006"),
            ProductId.of("bh-002"),
            EventType.SHARE,
            NOW.minus(days(2)),
            Optional.of(Fixture.LILY),
            Optional.empty(),
            Optional.of(OutreachPlanner.SENT_SOURCE),
            OptionalDouble.empty()));
    store();
    reimport("bh-002", "\"stock\": 45", "\"stock\": 0");
    reimport("bh-002", "\"stock\": 45", "\"stock\": 45");
    reimport("bh-004", "\"price\": 89.00", "\"price\": 79.00");

    OutreachPlan plan = planner.plan(Fixture.LILY, NOW, fan -> fan.value().equals("fan-0005"));
    List<String> listed = plan.picks().stream().map(p -> p.fan().value()).toList();
    assertTrue(listed.contains("fan-0002"), listed.toString());
    assertFalse(listed.contains("fan-0006"), "messaged two days ago, within the 7-day cap");
    assertFalse(listed.contains("fan-0005"), "opted out");
    long lilyFans = fixture.indexer.store().fans().find(FanQuery.all(Fixture.LILY, 100)).total();
    assertEquals(lilyFans, plan.fans());
    assertEquals(1, plan.capped());
    assertEquals(1, plan.optedOut());
    assertEquals(plan.fans(), plan.picks().size() + 2 + plan.withoutReason() + plan.overBudget());
    for (int i = 1; i < plan.picks().size(); i++) {
      assertTrue(
          plan.picks().get(i - 1).expectedCommissionCents()
              >= plan.picks().get(i).expectedCommissionCents());
    }
    // A cap of 1 day lets fan-0006 back in.
    OutreachPlanner oneDay =
        new OutreachPlanner(
            fixture.indexer, fixture.recommender, OutreachOptions.defaults().withCapDays(1));
    assertTrue(
        oneDay.plan(Fixture.LILY, NOW, fan -> false).picks().stream()
            .anyMatch(p -> p.fan().value().equals("fan-0006")));
    // A budget of one lists one fan, the best.
    OutreachPlanner one =
        new OutreachPlanner(
            fixture.indexer, fixture.recommender, OutreachOptions.defaults().withBudget(1));
    OutreachPlan single = one.plan(Fixture.LILY, NOW, fan -> false);
    assertEquals(1, single.picks().size());
    assertEquals(
        planner.plan(Fixture.LILY, NOW, fan -> false).picks().getFirst(),
        single.picks().getFirst());
    // Another owner's list holds only that owner's fans.
    Set<String> muFans = new HashSet<>();
    fixture
        .indexer
        .store()
        .fans()
        .forEach(
            p -> {
              if (p.fan().owner().equals(Fixture.MU)) {
                muFans.add(p.fan().id().value());
              }
            });
    OutreachPlan mu = planner.plan(Fixture.MU, NOW, fan -> false);
    assertEquals(
        fixture.indexer.store().fans().find(FanQuery.all(Fixture.MU, 100)).total(), mu.fans());
    mu.picks().forEach(p -> assertTrue(muFans.contains(p.fan().value()), p.toString()));
  }

  @Test
  void groupsAreRankedByWhatTheirListedFansAreWorthTogether() throws Exception {
    event("fan-0002", "bh-002", EventType.CART, NOW.minus(days(10)));
    event("fan-0006", "bh-002", EventType.CART, NOW.minus(days(10)));
    event("fan-0005", "bh-004", EventType.VIEW, NOW.minus(days(5)));
    store();
    reimport("bh-002", "\"stock\": 45", "\"stock\": 0");
    reimport("bh-002", "\"stock\": 45", "\"stock\": 45");
    reimport("bh-004", "\"price\": 89.00", "\"price\": 79.00");
    Map<String, Set<String>> lilyGroups =
        Map.of(
            "fan-0002", Set.of("护肤群", "VIP"),
            "fan-0005", Set.of("护肤群"),
            "fan-0006", Set.of("VIP", "新客群"));
    Path fans = dir.resolve("groups.csv");
    Files.writeString(
        fans,
        lilyGroups.entrySet().stream()
                .map(e -> "shop-lily," + e.getKey() + "," + String.join(";", e.getValue()))
                .collect(
                    java.util.stream.Collectors.joining("\n", "owner_id,fan_id,groups\n", "\n"))
            + "shop-anna,fan-0002,Anna 的群\nshop-mu,fan-0001,Mu group\n",
        StandardCharsets.UTF_8);
    fixture.indexer.importFiles(ImportRequest.none().withFans(fans), ImportListener.NONE);

    OutreachPlan plan = planner.plan(Fixture.LILY, NOW, fan -> false);

    // What each group should be, from the listed picks and the imported membership.
    Map<String, Integer> count = new HashMap<>();
    Map<String, Double> value = new HashMap<>();
    for (OutreachPick pick : plan.picks()) {
      for (String group : lilyGroups.getOrDefault(pick.fan().value(), Set.of())) {
        count.merge(group, 1, Integer::sum);
        value.merge(group, pick.expectedCommissionCents(), Double::sum);
      }
    }
    assertEquals(2, count.get("护肤群"), "fan-0002 and fan-0005 both have a reason today");
    assertEquals(count.keySet(), plan.groups().stream().map(OutreachGroup::name).collect(toSet()));
    for (OutreachGroup group : plan.groups()) {
      assertEquals(count.get(group.name()), group.listedFans(), group.name());
      assertEquals(value.get(group.name()), group.expectedCommissionCents(), 1e-9, group.name());
      assertTrue(
          plan.picks().stream()
              .anyMatch(
                  p ->
                      p.product().id().equals(group.product().id())
                          && lilyGroups
                              .getOrDefault(p.fan().value(), Set.of())
                              .contains(group.name())),
          "the group's product is one a listed member's message is about");
    }
    for (int i = 1; i < plan.groups().size(); i++) {
      assertTrue(
          plan.groups().get(i - 1).expectedCommissionCents()
              >= plan.groups().get(i).expectedCommissionCents());
    }
    // Another owner's groups on the same fans are theirs alone.
    assertTrue(plan.groups().stream().noneMatch(g -> g.name().equals("Anna 的群")), plan.toString());
    OutreachPlan mu = planner.plan(Fixture.MU, NOW, fan -> false);
    assertTrue(
        mu.groups().stream()
            .noneMatch(
                g -> lilyGroups.values().stream().anyMatch(groups -> groups.contains(g.name()))),
        mu.groups().toString());
  }

  @Test
  void aShopperDueByTheirOwnRhythmIsDueForTheirRegularShop() throws Exception {
    // Different products each time: no one product has a rhythm, the shopping does.
    String[] products = {"bh-001", "bh-002", "bh-004", "bh-008"};
    for (int i = 0; i < 4; i++) {
      event("fan-0005", products[i], EventType.PURCHASE, NOW.minus(days(40 - 10 * i)));
    }
    store();

    OutreachPick pick = reason("fan-0005", OutreachReason.REGULAR_SHOP_DUE, NOW).orElseThrow();
    assertEquals(OptionalDouble.of(10), pick.evidence().intervalDays());
    assertEquals(4, pick.evidence().purchases().orElseThrow());
    assertEquals(NOW.minus(days(10)).truncatedTo(ChronoUnit.DAYS), pick.evidence().at());
    // The day after the last shop the next is 9 days away: not this week.
    assertTrue(reason("fan-0005", OutreachReason.REGULAR_SHOP_DUE, NOW.minus(days(9))).isEmpty());
    // Three times the interval away, it is a lapse, not a shop that is due.
    assertTrue(reason("fan-0005", OutreachReason.REGULAR_SHOP_DUE, NOW.plus(days(21))).isEmpty());
  }

  @Test
  void withTooFewFansToFitTheJudgementSetLiftsGiveTheProbabilities() throws Exception {
    OutreachPlan plan = planner.plan(Fixture.LILY, NOW, fan -> false);
    assertFalse(plan.model().fitted());
    assertEquals(Set.of(OutreachReason.values()), plan.model().judged());
    assertTrue(plan.model().weights().isEmpty());
    // The fixture's owner has fewer than 10 buyers per weight in four weeks.
    assertTrue(
        plan.model().buyers() < PurchaseModel.EVENTS_PER_WEIGHT * 2, plan.model().toString());
  }

  @Test
  void theFitRanksFansWhoKeepBuyingAboveLapsedBuyers() throws Exception {
    // 150 fans who shop every 5 days and keep doing so, 150 who bought on three days long ago and
    // never came back: the weeks before NOW show which of the two a purchase follows.
    StringBuilder fans = new StringBuilder("owner_id,fan_id\n");
    String[] products = {"bh-001", "bh-002", "bh-004", "bh-008"};
    for (int i = 0; i < 150; i++) {
      String regular = "regular-%03d".formatted(i);
      String gone = "gone-%03d".formatted(i);
      fans.append("shop-lily,").append(regular).append('\n');
      fans.append("shop-lily,").append(gone).append('\n');
      for (int ago = 1 + i % 5; ago < 120; ago += 5) {
        event(regular, products[ago % 4], EventType.PURCHASE, NOW.minus(days(ago)));
      }
      for (int ago : new int[] {200, 150, 100}) {
        event(gone, products[i % 4], EventType.PURCHASE, NOW.minus(days(ago + i % 7)));
      }
    }
    Path file = dir.resolve("more-fans.csv");
    Files.writeString(file, fans, StandardCharsets.UTF_8);
    fixture.indexer.importFiles(ImportRequest.none().withFans(file), ImportListener.NONE);
    store();

    OutreachPlan plan = planner.plan(Fixture.LILY, NOW, fan -> false);

    assertTrue(plan.model().fitted(), plan.model().toString());
    assertFalse(plan.model().judged().contains(OutreachReason.REGULAR_SHOP_DUE));
    assertFalse(plan.model().judged().contains(OutreachReason.LAPSED));
    assertTrue(plan.model().judged().contains(OutreachReason.NEW_ARRIVAL), "the fit never sees it");
    double lowestRegular = 1;
    double highestGone = 0;
    int lastRegular = -1;
    int firstGone = Integer.MAX_VALUE;
    for (int rank = 0; rank < plan.picks().size(); rank++) {
      OutreachPick pick = plan.picks().get(rank);
      if (pick.fan().value().startsWith("regular-")) {
        lowestRegular = Math.min(lowestRegular, pick.probability());
        lastRegular = rank;
      } else if (pick.fan().value().startsWith("gone-")) {
        assertEquals(OutreachReason.LAPSED, pick.reason());
        highestGone = Math.max(highestGone, pick.probability());
        firstGone = Math.min(firstGone, rank);
      }
    }
    assertTrue(lowestRegular > 0.8, "they bought in every week before: " + lowestRegular);
    assertTrue(highestGone < 0.1, "none of them bought in the weeks before: " + highestGone);
    // Same shelf-top products either side, so the probability orders them.
    assertTrue(lastRegular >= 0 && firstGone > lastRegular, lastRegular + " vs " + firstGone);
    assertTrue(plan.model().fitTime().toMillis() < 1_000, plan.model().fitTime().toString());
  }

  private Optional<OutreachPick> reason(String fan, OutreachReason reason, Instant now)
      throws Exception {
    return planner.reasons(Fixture.LILY, FanId.of(fan), now).stream()
        .filter(p -> p.reason() == reason)
        .findFirst();
  }

  private void event(String fan, String product, EventType type, Instant time) {
    events.add(Event.of("t-" + eventIds++, fan, product, type, time));
  }

  private void store() throws Exception {
    fixture.indexer.appendEvents(List.copyOf(events));
    events.clear();
  }

  /** Imports one fixture product again with one field changed. */
  private void reimport(String product, String field, String replacement) throws Exception {
    Path source = dir.resolve("files/catalog.jsonl");
    String line =
        Files.readAllLines(source, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains("\"id\": \"" + product + "\""))
            .findFirst()
            .orElseThrow();
    assertTrue(line.contains(field), line);
    Path file = dir.resolve("reimport-" + product + ".jsonl");
    Files.writeString(file, line.replace(field, replacement) + "\n", StandardCharsets.UTF_8);
    fixture.indexer.importFiles(ImportRequest.none().withCatalog(file), ImportListener.NONE);
  }

  private static Duration days(int days) {
    return Duration.ofDays(days);
  }
}
