package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.outreach.OutreachOptions;
import io.fanshelf.recommender.outreach.OutreachPick;
import io.fanshelf.recommender.outreach.OutreachPlan;
import io.fanshelf.recommender.outreach.OutreachPlanner;
import io.fanshelf.recommender.outreach.OutreachReason;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.training.outreach.FanEstimator;
import io.fanshelf.training.outreach.OutreachCeiling;
import io.fanshelf.training.outreach.Purchases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The offline measurement of "who to message today": at each cutoff day, with only the events
 * before it in the store, each owner's outreach list (the planner's top N, no cap, no opt-outs)
 * against N random fans of the owner and the N fans with the most events in the days before; the
 * figure is the share of each group that buys anything in the days after the cutoff. With {@code
 * --ceiling} it measures instead the top N of each {@link FanEstimator} of the ceiling (oracles and
 * history-only rankings of the fans), against the same groups and all of the owner's fans.
 */
@Command(
    name = "evaluate-outreach",
    mixinStandardHelpOptions = true,
    description =
        "Purchase rate after each cutoff of the outreach list vs random and most active fans"
            + " (a time split: the store holds only the events before the cutoff).")
final class EvaluateOutreach implements Callable<Integer> {
  @Option(
      names = "--source",
      required = true,
      description = "Import files: taxonomy, owners, catalog, fans, labels, events (e.g. demo).")
  Path source;

  @Option(
      names = "--work",
      required = true,
      description = "An empty directory for the store the cutoffs are replayed into.")
  Path work;

  @Option(
      names = "--cutoffs",
      split = ",",
      defaultValue = "2017-09-01,2017-10-01,2017-11-01",
      description = "Cutoff days (UTC midnight), comma-separated; default ${DEFAULT-VALUE}.")
  List<LocalDate> cutoffs;

  @Option(names = "--size", defaultValue = "200", description = "Fans per group and owner.")
  int size;

  @Option(names = "--days", defaultValue = "7", description = "Days after the cutoff counted.")
  int days;

  @Option(
      names = "--active-days",
      defaultValue = "90",
      description = "Most active: most events in this many days before the cutoff.")
  int activeDays;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the random fans.")
  long seed;

  @Option(
      names = "--ceiling",
      description =
          "Measure the ceiling instead of the served list: the top N of oracles (the fan's weekly"
              + " purchase rate over the whole data, unattainable) and of history-only estimates"
              + " (week shares, gamma-Poisson, rhythm-due), with the share of all fans who bought.")
  boolean ceiling;

  /** Fans in a group and how many of them bought. */
  private record Rate(int fans, int buyers) {
    Rate plus(Rate other) {
      return new Rate(fans + other.fans, buyers + other.buyers);
    }

    String show() {
      return fans == 0
          ? "-"
          : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) buyers / fans, buyers, fans);
    }

    double value() {
      return fans == 0 ? 0 : (double) buyers / fans;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (Files.isDirectory(work)) {
      try (var entries = Files.list(work)) {
        if (entries.findAny().isPresent()) {
          System.err.println("--work must be an empty directory: " + work);
          return 2;
        }
      }
    }
    ImportRequest files = ImportRequest.inDirectory(source);
    if (files.events().isEmpty() || files.fans().isEmpty()) {
      System.err.println("--source needs fans and events files: " + source);
      return 2;
    }
    try (Indexer indexer = Indexer.open(IndexerOptions.of(work))) {
      ImportRequest withoutEvents = ImportRequest.none();
      withoutEvents = files.taxonomy().map(withoutEvents::withTaxonomy).orElse(withoutEvents);
      withoutEvents = files.owners().map(withoutEvents::withOwners).orElse(withoutEvents);
      withoutEvents = files.catalog().map(withoutEvents::withCatalog).orElse(withoutEvents);
      withoutEvents = withoutEvents.withFans(files.fans().get());
      withoutEvents = files.labels().map(withoutEvents::withLabels).orElse(withoutEvents);
      indexer.importFiles(withoutEvents, ImportListener.NONE);
      List<Event> all = new ArrayList<>(indexer.readEventsFile(files.events().get()));
      all.sort(Comparator.comparing(Event::time).thenComparing(e -> e.id().value()));
      if (ceiling) {
        ceiling(indexer, all);
        return 0;
      }
      Recommender recommender =
          Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      OutreachPlanner planner =
          new OutreachPlanner(
              indexer, recommender, OutreachOptions.defaults().withBudget(size).withCapDays(0));
      System.out.printf(
          Locale.ROOT,
          "| cutoff | owner | fans | outreach list | random | most active (%d days) |%n"
              + "| --- | --- | ---: | ---: | ---: | ---: |%n",
          activeDays);
      Rate listed = new Rate(0, 0);
      Rate random = new Rate(0, 0);
      Rate active = new Rate(0, 0);
      Map<OutreachReason, Rate> byReason = new EnumMap<>(OutreachReason.class);
      int stored = 0;
      for (LocalDate day : cutoffs.stream().sorted().toList()) {
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        int from = stored;
        while (stored < all.size() && all.get(stored).time().isBefore(at)) {
          stored++;
        }
        for (int i = from; i < stored; i += 50_000) {
          indexer.appendEvents(all.subList(i, Math.min(stored, i + 50_000)));
        }
        Set<FanId> buyers = buyers(all, at);
        Map<FanId, Integer> recent = recent(all, at);
        for (Owner owner : indexer.store().metadata().owners()) {
          List<FanId> fans = ids(fans(indexer, owner.id()));
          if (fans.isEmpty()) {
            continue;
          }
          long started = System.nanoTime();
          OutreachPlan plan = planner.plan(owner.id(), at, fan -> false);
          List<FanId> list = plan.picks().stream().map(OutreachPick::fan).toList();
          for (OutreachPick pick : plan.picks()) {
            byReason.merge(pick.reason(), rate(List.of(pick.fan()), buyers), Rate::plus);
          }
          Rate l = rate(list, buyers);
          Rate r = rate(randomFans(fans, day), buyers);
          Rate a = rate(activeFans(fans, recent), buyers);
          listed = listed.plus(l);
          random = random.plus(r);
          active = active.plus(a);
          System.out.printf(
              Locale.ROOT,
              "| %s | %s | %d | %s | %s | %s |%n",
              day,
              owner.id(),
              fans.size(),
              l.show(),
              r.show(),
              a.show());
          System.err.printf(
              Locale.ROOT,
              "%s %s: list drawn in %.1f s; %s%n",
              day,
              owner.id(),
              (System.nanoTime() - started) / 1e9,
              plan.model());
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| all | | | **%s** | %s | %s |%n%n",
          listed.show(),
          random.show(),
          active.show());
      System.out.printf(
          Locale.ROOT,
          "list / random: %.2fx; list / most active: %.2fx%n%n",
          listed.value() / random.value(),
          listed.value() / active.value());
      System.out.println("| reason | listed | bought within " + days + " days |");
      System.out.println("| --- | ---: | ---: |");
      byReason.forEach(
          (reason, rate) ->
              System.out.printf(
                  Locale.ROOT, "| %s | %d | %s |%n", reason.wireName(), rate.fans(), rate.show()));
    }
    return 0;
  }

  /**
   * The ceiling: per estimator, its top N pooled over the cutoffs and owners, against all fans, the
   * random and the most active fans. Reads the events list only, not the store's events.
   */
  private void ceiling(Indexer indexer, List<Event> all) throws IOException {
    OutreachCeiling measure =
        new OutreachCeiling(Purchases.of(all), FanEstimator.ceiling(), size, days);
    List<FanEstimator> estimators = measure.estimators();
    Rate[] top = new Rate[estimators.size()];
    Arrays.fill(top, new Rate(0, 0));
    Rate everyone = new Rate(0, 0);
    Rate random = new Rate(0, 0);
    Rate active = new Rate(0, 0);
    for (LocalDate day : cutoffs.stream().sorted().toList()) {
      Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Set<FanId> buyers = buyers(all, at);
      Map<FanId, Integer> recent = recent(all, at);
      for (Owner owner : indexer.store().metadata().owners()) {
        List<Fan> fans = fans(indexer, owner.id());
        if (fans.isEmpty()) {
          continue;
        }
        List<FanId> ids = ids(fans);
        everyone = everyone.plus(rate(ids, buyers));
        random = random.plus(rate(randomFans(ids, day), buyers));
        active = active.plus(rate(activeFans(ids, recent), buyers));
        int[] bought = measure.buyersOfTop(fans, day.toEpochDay());
        for (int e = 0; e < bought.length; e++) {
          top[e] = top[e].plus(new Rate(Math.min(size, fans.size()), bought[e]));
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "cutoffs %s, top %d per owner, bought within %d days, pooled%n%n"
            + "| ranking | bought | / all fans | / random | / most active (%d days) |%n"
            + "| --- | ---: | ---: | ---: | ---: |%n",
        cutoffs.stream().sorted().toList(),
        size,
        days,
        activeDays);
    for (int e = 0; e < top.length; e++) {
      FanEstimator estimator = estimators.get(e);
      System.out.printf(
          Locale.ROOT,
          "| %s%s | %s | %.2fx | %.2fx | %.2fx |%n",
          estimator.name(),
          estimator.oracle() ? " (oracle, reads the future)" : "",
          top[e].show(),
          top[e].value() / everyone.value(),
          top[e].value() / random.value(),
          top[e].value() / active.value());
    }
    System.out.printf(
        Locale.ROOT,
        "| most active | %s | %.2fx | %.2fx | 1.00x |%n"
            + "| random (seed %d) | %s | %.2fx | 1.00x | |%n"
            + "| all fans | %s | 1.00x | | |%n%n",
        active.show(),
        active.value() / everyone.value(),
        active.value() / random.value(),
        seed,
        random.show(),
        random.value() / everyone.value(),
        everyone.show());
    for (FanEstimator estimator : estimators) {
      System.out.println("- " + estimator.name() + ": " + estimator.describe());
    }
  }

  /** The fans who bought in the days from the instant. */
  private Set<FanId> buyers(List<Event> all, Instant at) {
    Set<FanId> buyers = new HashSet<>();
    Instant until = at.plus(Duration.ofDays(days));
    for (Event event : all) {
      if (event.type() == EventType.PURCHASE
          && !event.time().isBefore(at)
          && event.time().isBefore(until)) {
        buyers.add(event.fan());
      }
    }
    return buyers;
  }

  /** Each fan's events in the active days before the instant. */
  private Map<FanId, Integer> recent(List<Event> all, Instant at) {
    Map<FanId, Integer> recent = new HashMap<>();
    Instant since = at.minus(Duration.ofDays(activeDays));
    for (Event event : all) {
      if (!event.time().isBefore(since) && event.time().isBefore(at)) {
        recent.merge(event.fan(), 1, Integer::sum);
      }
    }
    return recent;
  }

  private List<FanId> randomFans(List<FanId> fans, LocalDate day) {
    List<FanId> shuffled = new ArrayList<>(fans);
    Collections.shuffle(shuffled, new Random(seed + day.toEpochDay()));
    return shuffled.subList(0, Math.min(size, shuffled.size()));
  }

  private List<FanId> activeFans(List<FanId> fans, Map<FanId, Integer> recent) {
    return fans.stream()
        .sorted(
            Comparator.comparing((FanId f) -> -recent.getOrDefault(f, 0))
                .thenComparing(FanId::value))
        .limit(size)
        .toList();
  }

  private static List<FanId> ids(List<Fan> fans) {
    return fans.stream().map(Fan::id).toList();
  }

  private static List<Fan> fans(Indexer indexer, OwnerId owner) throws IOException {
    List<Fan> fans = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      FanPage page =
          indexer
              .store()
              .fans()
              .find(new FanQuery(owner, Map.of(), Set.of(), after, FanQuery.MAX_PAGE_SIZE));
      page.fans().forEach(p -> fans.add(p.fan()));
      after = page.next();
    } while (after.isPresent());
    return fans;
  }

  private static Rate rate(List<FanId> fans, Set<FanId> buyers) {
    int bought = 0;
    for (FanId fan : fans) {
      if (buyers.contains(fan)) {
        bought++;
      }
    }
    return new Rate(fans.size(), bought);
  }
}
