package io.fanshelf.api.funnel;

import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.owner.SegmentStore;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkStore;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The funnel of an owner, or of one of their segments (its fans as its filters select them now),
 * over a period, summed from {@link FunnelLedger} and the owner's share links. Thread-safe.
 */
@Service
public class FunnelService {
  private final FunnelLedger ledger;
  private final ShareLinkStore links;
  private final SegmentStore segments;
  private final FanService fans;
  private final Clock clock;

  public FunnelService(
      FunnelLedger ledger,
      ShareLinkStore links,
      SegmentStore segments,
      FanService fans,
      Clock clock) {
    this.ledger = ledger;
    this.links = links;
    this.segments = segments;
    this.fans = fans;
    this.clock = clock;
  }

  /** Today, UTC: where a period ends when the request names no end. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * The owner's latest day with attributed activity or a link made, else today: the console's
   * default end, so a shop whose history stops earlier (imported, or the demo's 2017) still opens
   * on its funnel, and links shared today count even when the last open was yesterday.
   */
  public LocalDate lastActiveDay(OwnerId owner) {
    List<ShareLink> made = links.list(owner);
    Optional<LocalDate> lastLink =
        made.isEmpty()
            ? Optional.empty()
            : Optional.of(LocalDate.ofInstant(made.getLast().createdAt(), ZoneOffset.UTC));
    return Stream.of(ledger.lastDay(owner), lastLink)
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder())
        .orElseGet(this::today);
  }

  /** The owner's segment with this id; 400 naming {@code segment} when they have none such. */
  public Segment segment(OwnerId owner, String id) {
    return segments
        .get(owner, id)
        .orElseThrow(
            () -> ApiException.badRequest("segment", "no segment '" + id + "' among yours"));
  }

  public Funnel funnel(OwnerId owner, FunnelPeriod period, Optional<Segment> segment)
      throws IOException {
    return funnel(owner, period, segment, members(owner, segment));
  }

  /** The funnel of the fans {@code members} accepts (the segment's, or all). */
  Funnel funnel(
      OwnerId owner, FunnelPeriod period, Optional<Segment> segment, Predicate<FanId> members) {
    Map<FanId, long[]> perFan = new HashMap<>();
    TreeMap<LocalDate, long[]> perDay = new TreeMap<>();
    for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
      perDay.put(d, new long[FunnelLedger.SLOTS]);
    }
    ledger.forEach(
        owner,
        period.from(),
        period.to(),
        members,
        (day, fan, counts) -> {
          add(perFan.computeIfAbsent(fan, f -> new long[FunnelLedger.SLOTS]), counts);
          add(perDay.get(day), counts);
        });
    long[] total = new long[FunnelLedger.SLOTS];
    long[] reached = new long[FunnelLedger.PURCHASES + 1];
    Set<FanId> shared = new HashSet<>();
    for (Map.Entry<FanId, long[]> fan : perFan.entrySet()) {
      long[] counts = fan.getValue();
      add(total, counts);
      for (int slot = FunnelLedger.OPENS; slot <= FunnelLedger.PURCHASES; slot++) {
        reached[slot] += counts[slot] > 0 ? 1 : 0;
      }
      if (counts[FunnelLedger.OPENS] > 0) {
        shared.add(fan.getKey()); // an open proves a link, also one older than the link store
      }
    }
    long linksMade = sharedLinks(owner, period, members, shared);
    List<Funnel.FunnelStage> stages = new ArrayList<>();
    stages.add(new Funnel.FunnelStage(Funnel.StageName.SHARED, shared.size(), linksMade, 1));
    long previous = shared.size();
    for (int slot = FunnelLedger.OPENS; slot <= FunnelLedger.PURCHASES; slot++) {
      stages.add(
          new Funnel.FunnelStage(
              Funnel.StageName.values()[slot + 1],
              reached[slot],
              total[slot],
              previous == 0 ? 0 : (double) reached[slot] / previous));
      previous = reached[slot];
    }
    List<Funnel.FunnelDay> days = new ArrayList<>();
    perDay.forEach(
        (day, c) ->
            days.add(
                new Funnel.FunnelDay(
                    day,
                    c[FunnelLedger.OPENS],
                    c[FunnelLedger.CLICKS],
                    c[FunnelLedger.CARTS],
                    c[FunnelLedger.PURCHASES],
                    c[FunnelLedger.REVENUE_CENTS],
                    c[FunnelLedger.COMMISSION_CENTS])));
    return new Funnel(
        period.from(),
        period.to(),
        segment.map(Segment::id),
        segment.map(Segment::name),
        stages,
        total[FunnelLedger.REVENUE_CENTS],
        total[FunnelLedger.COMMISSION_CENTS],
        days);
  }

  /** Every fan with attributed activity in the period, most revenue first, then most clicks. */
  public List<Funnel.FanRow> fans(OwnerId owner, FunnelPeriod period, Optional<Segment> segment)
      throws IOException {
    Map<FanId, long[]> perFan = new HashMap<>();
    ledger.forEach(
        owner,
        period.from(),
        period.to(),
        members(owner, segment),
        (day, fan, counts) ->
            add(perFan.computeIfAbsent(fan, f -> new long[FunnelLedger.SLOTS]), counts));
    return perFan.entrySet().stream()
        .map(e -> row(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingLong(Funnel.FanRow::revenueCents)
                .thenComparingLong(Funnel.FanRow::clicks)
                .reversed()
                .thenComparing(Funnel.FanRow::fan))
        .toList();
  }

  /** One fan's attributed counts with the owner since the start. */
  public Funnel.FanRow fan(OwnerId owner, FanId fan) {
    return row(fan, ledger.fan(owner, fan));
  }

  private static Funnel.FanRow row(FanId fan, long[] c) {
    return new Funnel.FanRow(
        fan.value(),
        c[FunnelLedger.OPENS],
        c[FunnelLedger.CLICKS],
        c[FunnelLedger.CARTS],
        c[FunnelLedger.PURCHASES],
        c[FunnelLedger.REVENUE_CENTS],
        c[FunnelLedger.COMMISSION_CENTS]);
  }

  /**
   * Adds the fans who held a live link in the period (made before its end, not revoked before its
   * start) to {@code shared}; returns how many links were made in the period.
   */
  private long sharedLinks(
      OwnerId owner, FunnelPeriod period, Predicate<FanId> members, Set<FanId> shared) {
    Instant start = period.from().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    long made = 0;
    for (ShareLink link : links.list(owner)) {
      if (!members.test(link.fan()) || !link.createdAt().isBefore(end)) {
        continue;
      }
      if (link.revokedAt().map(r -> !r.isBefore(start)).orElse(true)) {
        shared.add(link.fan());
      }
      if (!link.createdAt().isBefore(start)) {
        made++;
      }
    }
    return made;
  }

  private Predicate<FanId> members(OwnerId owner, Optional<Segment> segment) throws IOException {
    if (segment.isEmpty()) {
      return fan -> true;
    }
    Set<FanId> members = new HashSet<>();
    fans.forEach(
        owner,
        segment.get().labels(),
        segment.get().unlabelled(),
        profile -> members.add(profile.fan().id()));
    return members::contains;
  }

  private static void add(long[] sum, long[] counts) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += counts[i];
    }
  }
}
