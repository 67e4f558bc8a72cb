package io.fanshelf.indexer.store;

import static io.fanshelf.indexer.store.BeautyHomeFixture.ANNA;
import static io.fanshelf.indexer.store.BeautyHomeFixture.LILY;
import static io.fanshelf.indexer.store.BeautyHomeFixture.MU;
import static io.fanshelf.indexer.store.BeautyHomeFixture.SHARED_FAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link FanStore} contract, over the {@link BeautyHomeFixture} fans and labels: per-owner
 * profiles, label filters, paging, and the wall between owners. Subclass once per backend.
 */
public abstract class FanStoreContract extends StoreContract {
  private static final Instant LATER = Instant.parse("2026-11-01T12:00:00Z");

  private FanStore fans;

  @BeforeEach
  protected final void loadFansAndLabels() throws IOException {
    fans = backend().fans();
    fans.upsertFans(BeautyHomeFixture.fans());
    fans.setLabels(BeautyHomeFixture.labels());
  }

  // ------------------------------------------------------------------ writes and reads

  @Test
  void getGivesBackTheFixtureProfiles() throws IOException {
    for (List<FanProfile> ofOwner : BeautyHomeFixture.profiles().values()) {
      for (FanProfile expected : ofOwner) {
        assertEquals(
            Optional.of(expected),
            fans.get(expected.fan().owner(), expected.fan().id()),
            expected.fan().owner() + "/" + expected.fan().id());
      }
    }
  }

  @Test
  void getOfAFanTheOwnerDoesNotHaveIsEmpty() throws IOException {
    assertEquals(Optional.empty(), fans.get(LILY, FanId.of("fan-0009")));
    assertEquals(Optional.empty(), fans.get(OwnerId.of("shop-nobody"), SHARED_FAN));
    assertEquals(Optional.empty(), fans.get(LILY, FanId.of("fan-9999")));
  }

  @Test
  void upsertFansKeepsLabelsAndUpdatesTheMembership() throws IOException {
    FanProfile before = fans.get(LILY, SHARED_FAN).orElseThrow();
    Fan renamed = new Fan(LILY, SHARED_FAN, Optional.of("小美 老客户"), LATER, Set.of("护肤群", "VIP 群"));

    fans.upsertFans(List.of(renamed));

    FanProfile after = fans.get(LILY, SHARED_FAN).orElseThrow();
    assertEquals(renamed, after.fan());
    assertEquals(Set.of("护肤群", "VIP 群"), after.fan().groups());
    assertEquals(Set.of(), fans.get(MU, SHARED_FAN).orElseThrow().fan().groups());
    assertEquals(before.labels(), after.labels());
    assertFalse(after.labels().isEmpty());
    assertEquals(count(), fans.count());
  }

  @Test
  void upsertFansAddsNewFansWithoutLabels() throws IOException {
    Fan added = new Fan(LILY, FanId.of("fan-0100"), Optional.empty(), LATER);

    fans.upsertFans(List.of(added));

    assertEquals(Optional.of(new FanProfile(added, Map.of())), fans.get(LILY, added.id()));
    assertEquals(count() + 1, fans.count());
  }

  @Test
  void setLabelsReplacesOnlyTheLabelledDimensions() throws IOException {
    FanProfile before = fans.get(LILY, SHARED_FAN).orElseThrow();
    Label dry = label(LILY, SHARED_FAN, "skin_type", "dry");

    fans.setLabels(List.of(dry));

    FanProfile after = fans.get(LILY, SHARED_FAN).orElseThrow();
    assertEquals(Optional.of(dry), after.label("skin_type"));
    assertEquals(before.label("price_sensitivity"), after.label("price_sensitivity"));
    assertTrue(after.label("price_sensitivity").isPresent());
    assertEquals(before.fan(), after.fan());
    // The other owner's labels on the same fan are untouched.
    assertEquals(profile(MU, SHARED_FAN), fans.get(MU, SHARED_FAN).orElseThrow());
  }

  @Test
  void setLabelsAddsAFanTheOwnerDoesNotHaveYet() throws IOException {
    FanId newcomer = FanId.of("fan-0200");
    Label looks = label(MU, newcomer, "home_style", "looks", "value");

    fans.setLabels(List.of(looks));

    FanProfile added = fans.get(MU, newcomer).orElseThrow();
    assertEquals(new Fan(MU, newcomer, Optional.empty(), looks.time()), added.fan());
    assertEquals(Map.of("home_style", looks), added.labels());
    assertEquals(Optional.empty(), fans.get(LILY, newcomer));
    assertEquals(count() + 1, fans.count());
  }

  @Test
  void laterLabelInOneBatchWins() throws IOException {
    Label oily = label(LILY, FanId.of("fan-0006"), "skin_type", "oily");
    Label dry = label(LILY, FanId.of("fan-0006"), "skin_type", "dry");
    Label high = label(LILY, FanId.of("fan-0006"), "price_sensitivity", "high");

    fans.setLabels(List.of(oily, high, dry));

    assertEquals(
        Map.of("skin_type", dry, "price_sensitivity", high),
        fans.get(LILY, FanId.of("fan-0006")).orElseThrow().labels());
  }

  @Test
  void removalsTakeOffOnlyThoseDimensions() throws IOException {
    FanId fan = FanId.of("fan-0004");
    FanProfile before = fans.get(LILY, fan).orElseThrow();
    assertEquals(3, before.labels().size());

    fans.changeLabels(List.of(), removals(LILY, fan, "skin_type", "home_style", "age"));

    FanProfile after = fans.get(LILY, fan).orElseThrow();
    assertEquals(Set.of("price_sensitivity"), after.labels().keySet());
    assertEquals(before.label("price_sensitivity"), after.label("price_sensitivity"));
    assertEquals(before.fan(), after.fan(), "the fan stays");
    assertEquals(count(), fans.count());
  }

  @Test
  void removingWhatIsNotThereChangesNothing() throws IOException {
    FanId fan = FanId.of("fan-0002");
    fans.changeLabels(List.of(), removals(LILY, fan, "skin_type"));
    FanProfile removed = fans.get(LILY, fan).orElseThrow();

    fans.changeLabels(List.of(), removals(LILY, fan, "skin_type", "home_style"));
    fans.changeLabels(List.of(), removals(LILY, FanId.of("fan-9999"), "skin_type"));
    fans.changeLabels(List.of(), removals(LILY, FanId.of("fan-0006"), "skin_type"));

    assertEquals(removed, fans.get(LILY, fan).orElseThrow());
    assertEquals(Optional.empty(), fans.get(LILY, FanId.of("fan-9999")), "no fan is added");
    assertTrue(removed.label("price_sensitivity").isPresent());
    assertEquals(count(), fans.count());
  }

  @Test
  void removalsNeverTouchAnotherOwner() throws IOException {
    fans.changeLabels(List.of(), removals(ANNA, SHARED_FAN, "skin_type", "home_style"));
    fans.changeLabels(List.of(), removals(MU, SHARED_FAN, "home_style", "skin_type"));

    assertEquals(profile(LILY, SHARED_FAN), fans.get(LILY, SHARED_FAN).orElseThrow());
    assertEquals(
        Set.of("price_sensitivity"), fans.get(MU, SHARED_FAN).orElseThrow().labels().keySet());
  }

  @Test
  void labelsSetAndRemovedInOneBatch() throws IOException {
    Label dry = label(LILY, SHARED_FAN, "skin_type", "dry");
    Label fresh = label(LILY, FanId.of("fan-0006"), "skin_type", "oily");

    fans.changeLabels(
        List.of(dry, fresh),
        List.of(
            new LabelRemoval(MU, SHARED_FAN, "home_style"),
            new LabelRemoval(LILY, FanId.of("fan-0006"), "skin_type")));

    assertEquals(Optional.of(dry), fans.get(LILY, SHARED_FAN).orElseThrow().label("skin_type"));
    assertEquals(
        Optional.empty(),
        fans.get(LILY, FanId.of("fan-0006")).orElseThrow().label("skin_type"),
        "a removal applies after the labels set");
    assertEquals(Optional.empty(), fans.get(MU, SHARED_FAN).orElseThrow().label("home_style"));
  }

  private static List<LabelRemoval> removals(OwnerId owner, FanId fan, String... dimensions) {
    List<LabelRemoval> removals = new ArrayList<>();
    for (String dimension : dimensions) {
      removals.add(new LabelRemoval(owner, fan, dimension));
    }
    return removals;
  }

  @Test
  void countsEveryOwnerFanPairOnce() throws IOException {
    assertEquals(count(), fans.count());
    fans.upsertFans(BeautyHomeFixture.fans());
    fans.setLabels(BeautyHomeFixture.labels());
    assertEquals(count(), fans.count());
  }

  @Test
  void forEachVisitsEveryProfileOnce() throws IOException {
    List<FanProfile> visited = new ArrayList<>();
    fans.forEach(visited::add);

    List<FanProfile> expected = new ArrayList<>();
    BeautyHomeFixture.profiles().values().forEach(expected::addAll);
    assertEquals(expected.size(), visited.size());
    assertEquals(new HashSet<>(expected), new HashSet<>(visited));
  }

  @Test
  void profilesOfGivesEveryOwnersProfileOfTheFan() throws IOException {
    assertEquals(
        Set.of(profile(LILY, SHARED_FAN), profile(MU, SHARED_FAN)),
        Set.copyOf(fans.profilesOf(SHARED_FAN)));
    assertEquals(2, fans.profilesOf(SHARED_FAN).size());
    assertEquals(
        Set.of(profile(LILY, FanId.of("fan-0002")), profile(ANNA, FanId.of("fan-0002"))),
        Set.copyOf(fans.profilesOf(FanId.of("fan-0002"))));
    assertEquals(List.of(profile(MU, FanId.of("fan-0009"))), fans.profilesOf(FanId.of("fan-0009")));
    assertEquals(List.of(), fans.profilesOf(FanId.of("fan-9999")));
  }

  @Test
  void aFailingSetLabelsBatchLeavesNothing() throws IOException {
    Label changed = label(LILY, SHARED_FAN, "skin_type", "dry");
    Label added = label(LILY, FanId.of("fan-0300"), "skin_type", "oily");
    IllegalStateException boom = new IllegalStateException("the batch broke at its third label");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> fans.setLabels(failingAfter(List.of(changed, added), boom)));
    assertSame(boom, rootCause(thrown));

    assertFixtureUnchanged();
    fans.setLabels(List.of(changed, added));
    assertEquals(Optional.of(changed), fans.get(LILY, SHARED_FAN).orElseThrow().label("skin_type"));
  }

  @Test
  void aLabelTheBackendCannotIndexFailsTheWholeBatch() throws IOException {
    Label changed = label(LILY, SHARED_FAN, "skin_type", "dry");
    Label added = label(LILY, FanId.of("fan-0300"), "skin_type", "oily");
    // The model does not bound a label value's length; one this long cannot be an index term.
    Label unindexable = label(LILY, FanId.of("fan-0002"), "note", "很长的备注".repeat(3_000));

    assertThrows(Exception.class, () -> fans.setLabels(List.of(changed, added, unindexable)));

    assertFixtureUnchanged();
    fans.setLabels(List.of(changed, added));
    assertEquals(count() + 1, fans.count());
  }

  @Test
  void aFailingUpsertFansBatchLeavesNothing() throws IOException {
    Fan renamed = new Fan(LILY, SHARED_FAN, Optional.of("改过的名字"), LATER);
    Fan added = new Fan(LILY, FanId.of("fan-0300"), Optional.empty(), LATER);
    IllegalStateException boom = new IllegalStateException("the batch broke at its third fan");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> fans.upsertFans(failingAfter(List.of(renamed, added), boom)));
    assertSame(boom, rootCause(thrown));

    assertFixtureUnchanged();
  }

  private void assertFixtureUnchanged() throws IOException {
    assertEquals(count(), fans.count());
    assertEquals(profile(LILY, SHARED_FAN), fans.get(LILY, SHARED_FAN).orElseThrow());
    assertEquals(profile(LILY, FanId.of("fan-0002")), fans.get(LILY, FanId.of("fan-0002")).get());
    assertEquals(Optional.empty(), fans.get(LILY, FanId.of("fan-0300")));
    assertEquals(expectedIds(LILY, p -> true), allIds(FanQuery.all(LILY, 100)));
  }

  @Test
  void everythingSurvivesCloseAndReopen() throws IOException {
    Label changed = label(LILY, SHARED_FAN, "skin_type", "dry");
    fans.setLabels(List.of(changed));
    fans.changeLabels(List.of(), List.of(new LabelRemoval(MU, SHARED_FAN, "home_style")));

    fans = reopen().fans();

    assertEquals(count(), fans.count());
    assertEquals(Optional.of(changed), fans.get(LILY, SHARED_FAN).orElseThrow().label("skin_type"));
    assertEquals(
        Set.of("price_sensitivity"), fans.get(MU, SHARED_FAN).orElseThrow().labels().keySet());
    assertEquals(profile(LILY, FanId.of("fan-0005")), fans.get(LILY, FanId.of("fan-0005")).get());
    assertEquals(
        expectedIds(LILY, hasLabel("skin_type", "dry")).size() + 1,
        allIds(query(LILY, Map.of("skin_type", Set.of("dry")), Set.of(), 100)).size());
  }

  // ------------------------------------------------------------------ find

  @Test
  void findWithoutFiltersListsTheOwnersFansInIdOrder() throws IOException {
    for (OwnerId owner : List.of(LILY, MU, ANNA)) {
      FanPage page = fans.find(FanQuery.all(owner, FanQuery.MAX_PAGE_SIZE));

      assertEquals(BeautyHomeFixture.profiles().get(owner), page.fans(), owner.value());
      assertEquals(page.fans().size(), page.total());
      assertEquals(Optional.empty(), page.next());
    }
    assertEquals(
        new FanPage(List.of(), 0, Optional.empty()),
        fans.find(FanQuery.all(OwnerId.of("shop-nobody"), 10)));
  }

  @Test
  void labelFiltersAcceptAnyValueWithinADimension() throws IOException {
    Map<String, Set<String>> filter = Map.of("skin_type", Set.of("oily", "sensitive"));

    List<FanId> found = allIds(query(LILY, filter, Set.of(), 100));

    assertEquals(
        expectedIds(LILY, hasLabel("skin_type", "oily").or(hasLabel("skin_type", "sensitive"))),
        found);
    assertEquals(List.of(FanId.of("fan-0001"), FanId.of("fan-0003"), FanId.of("fan-0005")), found);
  }

  @Test
  void labelFiltersMustAllHoldAcrossDimensions() throws IOException {
    Map<String, Set<String>> filter =
        Map.of("skin_type", Set.of("oily", "combination"), "price_sensitivity", Set.of("high"));

    List<FanId> found = allIds(query(LILY, filter, Set.of(), 100));

    assertEquals(
        expectedIds(
            LILY,
            hasLabel("skin_type", "oily")
                .or(hasLabel("skin_type", "combination"))
                .and(hasLabel("price_sensitivity", "high"))),
        found);
    assertEquals(List.of(FanId.of("fan-0001"), FanId.of("fan-0004")), found);
  }

  @Test
  void aManyDimensionMatchesAnyOfItsValues() throws IOException {
    assertEquals(
        List.of(FanId.of("fan-0003"), FanId.of("fan-0009")),
        allIds(query(MU, Map.of("home_style", Set.of("value")), Set.of(), 100)));
    assertEquals(
        List.of(FanId.of("fan-0001"), FanId.of("fan-0003")),
        allIds(query(MU, Map.of("home_style", Set.of("looks")), Set.of(), 100)));
  }

  @Test
  void unlabelledKeepsFansWithoutALabelForTheDimension() throws IOException {
    assertEquals(
        expectedIds(LILY, p -> p.label("price_sensitivity").isEmpty()),
        allIds(query(LILY, Map.of(), Set.of("price_sensitivity"), 100)));
    assertEquals(
        List.of(FanId.of("fan-0006")),
        allIds(query(LILY, Map.of(), Set.of("skin_type", "price_sensitivity"), 100)));
    assertEquals(
        List.of(FanId.of("fan-0003"), FanId.of("fan-0007")),
        allIds(
            query(
                LILY,
                Map.of("skin_type", Set.of("sensitive", "dry")),
                Set.of("price_sensitivity"),
                100)));
    // Every fan of Anna is unlabelled; Mu's fan-0001 has no skin type from Mu, whatever Lily says.
    assertEquals(expectedIds(ANNA, p -> true), allIds(query(ANNA, Map.of(), Set.of("x"), 100)));
    assertTrue(allIds(query(MU, Map.of(), Set.of("skin_type"), 100)).contains(SHARED_FAN));
  }

  @Test
  void pagingVisitsEveryFanOnceInIdOrder() throws IOException {
    for (int pageSize = 1; pageSize <= 8; pageSize++) {
      List<FanId> seen = new ArrayList<>();
      List<FanPage> pages = pages(FanQuery.all(LILY, pageSize));
      long expectedTotal = BeautyHomeFixture.profiles().get(LILY).size();
      for (FanPage page : pages) {
        assertEquals(expectedTotal, page.total(), "total on every page, size " + pageSize);
        assertTrue(page.fans().size() <= pageSize);
        page.fans().forEach(p -> seen.add(p.fan().id()));
      }
      assertEquals(expectedIds(LILY, p -> true), seen, "page size " + pageSize);
      assertEquals(Math.max(1, (expectedTotal + pageSize - 1) / pageSize), pages.size());
    }
  }

  @Test
  void pagingWorksWithFilters() throws IOException {
    Map<String, Set<String>> filter = Map.of("price_sensitivity", Set.of("high", "low"));
    List<FanPage> pages = pages(query(LILY, filter, Set.of(), 2));

    assertEquals(List.of(3L, 3L), pages.stream().map(FanPage::total).toList());
    assertEquals(
        List.of(FanId.of("fan-0001"), FanId.of("fan-0004"), FanId.of("fan-0005")),
        pages.stream().flatMap(p -> p.fans().stream()).map(p -> p.fan().id()).toList());
  }

  @Test
  void aPageOfAllTheRestHasNoNextCursor() throws IOException {
    int size = BeautyHomeFixture.profiles().get(LILY).size();
    FanPage exact = fans.find(FanQuery.all(LILY, size));

    assertEquals(size, exact.fans().size());
    assertEquals(Optional.empty(), exact.next());
    FanPage first = fans.find(FanQuery.all(LILY, size - 1));
    assertTrue(first.next().isPresent());
  }

  @Test
  void pagingFollowsIdOrderForIdsInAnyScript() throws IOException {
    OwnerId owner = OwnerId.of("店主-小红");
    List<String> ids =
        List.of(
            "粉丝-张三", "粉丝-李四", "fan-a", "FAN-B", "fan_c", "fan.d", "fan@e", "fan:f", "123", "ファン");
    List<Fan> added = new ArrayList<>();
    for (String id : ids) {
      added.add(new Fan(owner, FanId.of(id), Optional.empty(), LATER));
    }
    fans.upsertFans(added);

    List<FanId> expected = ids.stream().map(FanId::of).sorted().toList();
    for (int pageSize = 1; pageSize <= 4; pageSize++) {
      assertEquals(expected, allIds(FanQuery.all(owner, pageSize)), "page size " + pageSize);
    }
  }

  @Test
  void concurrentLabelWritesOnOneFanAreAllKept() throws Exception {
    int threads = 6;
    int rounds = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String dimension = "dimension_" + t;
        running.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int r = 0; r < rounds; r++) {
                    fans.setLabels(
                        List.of(
                            label(LILY, SHARED_FAN, dimension, "round_" + r),
                            label(MU, SHARED_FAN, dimension, "round_" + r)));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : running) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    for (OwnerId owner : List.of(LILY, MU)) {
      FanProfile profile = fans.get(owner, SHARED_FAN).orElseThrow();
      for (int t = 0; t < threads; t++) {
        assertEquals(
            List.of("round_" + (rounds - 1)),
            profile.label("dimension_" + t).orElseThrow().values(),
            owner + " dimension_" + t);
      }
      assertEquals(profile(owner, SHARED_FAN).labels().size() + threads, profile.labels().size());
    }
  }

  // ------------------------------------------------------------------ owner isolation

  @Test
  void anOwnerSeesOnlyTheirOwnLabelsOnASharedFan() throws IOException {
    FanProfile lilys = fans.get(LILY, SHARED_FAN).orElseThrow();
    FanProfile mus = fans.get(MU, SHARED_FAN).orElseThrow();

    assertEquals(profile(LILY, SHARED_FAN), lilys);
    assertEquals(profile(MU, SHARED_FAN), mus);
    assertEquals(List.of("high"), lilys.label("price_sensitivity").orElseThrow().values());
    assertEquals(List.of("low"), mus.label("price_sensitivity").orElseThrow().values());
    assertEquals(Optional.of("王小美 同事"), lilys.fan().nickname());
    assertEquals(Optional.of("小美"), mus.fan().nickname());
    assertTrue(mus.label("skin_type").isEmpty(), "Lily's skin type label is not Mu's");
    assertEquals(Optional.empty(), fans.get(ANNA, SHARED_FAN));
  }

  @Test
  void findNeverMatchesAnotherOwnersLabels() throws IOException {
    // Mu says fan-0001 is not price-sensitive, Lily says they are.
    assertFalse(
        allIds(query(LILY, Map.of("price_sensitivity", Set.of("low")))).contains(SHARED_FAN));
    assertTrue(
        allIds(query(LILY, Map.of("price_sensitivity", Set.of("high")))).contains(SHARED_FAN));
    assertFalse(
        allIds(query(MU, Map.of("price_sensitivity", Set.of("high")))).contains(SHARED_FAN));
    assertTrue(allIds(query(MU, Map.of("price_sensitivity", Set.of("low")))).contains(SHARED_FAN));
    // Only Lily labels skin types; only Mu labels home style.
    assertEquals(List.of(), allIds(query(MU, Map.of("skin_type", Set.of("oily", "dry")))));
    assertEquals(List.of(), allIds(query(LILY, Map.of("home_style", Set.of("looks")))));
    assertEquals(List.of(), allIds(query(ANNA, Map.of("skin_type", Set.of("oily")))));
  }

  @Test
  void everyPageHoldsOnlyTheOwnersFansAndLabels() throws IOException {
    for (OwnerId owner : List.of(LILY, MU, ANNA)) {
      for (FanPage page : pages(FanQuery.all(owner, 2))) {
        for (FanProfile profile : page.fans()) {
          assertEquals(owner, profile.fan().owner());
          profile.labels().values().forEach(label -> assertEquals(owner, label.owner()));
          assertEquals(profile(owner, profile.fan().id()), profile);
        }
        assertEquals(BeautyHomeFixture.profiles().get(owner).size(), page.total());
      }
    }
  }

  @Test
  void anotherOwnersCursorStillOnlyReachesYourFans() throws IOException {
    String lilysCursor = fans.find(FanQuery.all(LILY, 1)).next().orElseThrow();
    assertEquals("fan-0001", lilysCursor);

    FanPage mus = fans.find(new FanQuery(MU, Map.of(), Set.of(), Optional.of(lilysCursor), 100));

    assertEquals(
        List.of(FanId.of("fan-0003"), FanId.of("fan-0008"), FanId.of("fan-0009")),
        mus.fans().stream().map(p -> p.fan().id()).toList());
    assertEquals(4, mus.total());
  }

  @Test
  void labellingTheSameFanAgainForOneOwnerLeavesTheOtherAlone() throws IOException {
    fans.setLabels(
        List.of(
            label(MU, SHARED_FAN, "price_sensitivity", "high"),
            label(MU, SHARED_FAN, "skin_type", "sensitive")));
    fans.upsertFans(List.of(new Fan(MU, SHARED_FAN, Optional.empty(), LATER)));

    assertEquals(profile(LILY, SHARED_FAN), fans.get(LILY, SHARED_FAN).orElseThrow());
    assertEquals(
        List.of(FanId.of("fan-0003")),
        allIds(query(LILY, Map.of("skin_type", Set.of("sensitive")))));
  }

  // ------------------------------------------------------------------ helpers

  private static long count() {
    return BeautyHomeFixture.profiles().values().stream().mapToLong(List::size).sum();
  }

  private static FanProfile profile(OwnerId owner, FanId fan) {
    return BeautyHomeFixture.profiles().get(owner).stream()
        .filter(p -> p.fan().id().equals(fan))
        .findFirst()
        .orElseThrow();
  }

  private static Label label(OwnerId owner, FanId fan, String dimension, String... values) {
    return new Label(
        owner, fan, dimension, List.of(values), LabelSource.OWNER, 1.0, LATER, owner.value());
  }

  private static Predicate<FanProfile> hasLabel(String dimension, String value) {
    return p -> p.label(dimension).map(l -> l.values().contains(value)).orElse(false);
  }

  private static List<FanId> expectedIds(OwnerId owner, Predicate<FanProfile> filter) {
    return BeautyHomeFixture.profiles().get(owner).stream()
        .filter(filter)
        .map(p -> p.fan().id())
        .toList();
  }

  private static FanQuery query(
      OwnerId owner, Map<String, Set<String>> labels, Set<String> unlabelled, int pageSize) {
    return new FanQuery(owner, labels, unlabelled, Optional.empty(), pageSize);
  }

  private static FanQuery query(OwnerId owner, Map<String, Set<String>> labels) {
    return query(owner, labels, Set.of(), FanQuery.MAX_PAGE_SIZE);
  }

  /** Every page of a query, following the cursor. */
  private List<FanPage> pages(FanQuery first) throws IOException {
    List<FanPage> pages = new ArrayList<>();
    FanQuery query = first;
    while (true) {
      FanPage page = fans.find(query);
      pages.add(page);
      if (page.next().isEmpty()) {
        return pages;
      }
      assertTrue(pages.size() <= 100, "the cursor does not advance");
      query =
          new FanQuery(
              first.owner(), first.labels(), first.unlabelled(), page.next(), first.pageSize());
    }
  }

  private List<FanId> allIds(FanQuery query) throws IOException {
    return pages(query).stream().flatMap(p -> p.fans().stream()).map(p -> p.fan().id()).toList();
  }
}
