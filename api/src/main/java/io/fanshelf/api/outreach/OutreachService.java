package io.fanshelf.api.outreach;

import io.fanshelf.api.event.EventService;
import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.recommender.outreach.OutreachGroup;
import io.fanshelf.recommender.outreach.OutreachModel;
import io.fanshelf.recommender.outreach.OutreachPick;
import io.fanshelf.recommender.outreach.OutreachPlan;
import io.fanshelf.recommender.outreach.OutreachPlanner;
import io.fanshelf.recommender.outreach.OutreachReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The owner's day: the planner's list with messages and links, marking messages sent, and the
 * owner's opt-outs and templates. Days are UTC days, as the statistics count them. A day's list is
 * drawn once and kept for {@link #KEPT} (or until the owner changes a setting or marks a message
 * sent), so the rows do not move while the owner works down them. Thread-safe.
 *
 * <p>The records' schemas are named Outreach...: the stats and the suggestions have a {@code Day}
 * and an {@code EvidenceView} of their own, and the OpenAPI document keeps one schema per name.
 */
@Service
public class OutreachService {
  /** How long a drawn list is kept before it is drawn again. */
  static final Duration KEPT = Duration.ofMinutes(10);

  /** How far back a day may be asked for. */
  static final int MAX_DAYS_BACK = 366;

  private final OutreachPlanner planner;
  private final OutreachSettingsStore settings;
  private final Templates templates;
  private final FanService fans;
  private final ShareLinkService links;
  private final EventService events;
  private final Indexer indexer;
  private final Clock clock;
  private final MessageSource messages;
  private final Map<Drawn.Key, Drawn> drawn = new ConcurrentHashMap<>();

  OutreachService(
      OutreachPlanner planner,
      OutreachSettingsStore settings,
      Templates templates,
      FanService fans,
      ShareLinkService links,
      EventService events,
      Indexer indexer,
      Clock clock,
      MessageSource messages) {
    this.planner = planner;
    this.settings = settings;
    this.templates = templates;
    this.fans = fans;
    this.links = links;
    this.events = events;
    this.indexer = indexer;
    this.clock = clock;
    this.messages = messages;
  }

  private record Drawn(OutreachPlan plan, Instant at) {
    record Key(OwnerId owner, LocalDate date) {}
  }

  /**
   * One fan on the day's list.
   *
   * @param rank 1 for the best
   * @param fan the fan id
   * @param nickname the owner's remark name, empty when none
   * @param reason why today ({@link OutreachReason#wireName})
   * @param why the evidence in a sentence, in the language asked for
   * @param product the product the message is about
   * @param productTitle its title
   * @param priceCents its price now
   * @param probability estimated chance the fan buys within 7 days
   * @param expectedCommission expected commission of the message, in yuan, the list's order
   * @param evidence the numbers behind {@code why}
   * @param link what the message links to: the product through the fan's shelf, or the shelf
   * @param message the ready-to-paste message from the owner's template
   * @param sent whether a message to the fan was marked sent this day
   */
  @Schema(name = "OutreachEntry")
  public record Entry(
      int rank,
      String fan,
      String nickname,
      String reason,
      String why,
      String product,
      String productTitle,
      long priceCents,
      double probability,
      BigDecimal expectedCommission,
      EvidenceView evidence,
      String link,
      String message,
      boolean sent) {}

  /**
   * What an owner can check behind a reason; fields that do not apply to it are null.
   *
   * @param at the moment the reason rests on (the fan's view or cart, last purchase, last shelf
   *     open, or the product's arrival)
   * @param action the fan's action (view, click, favorite, cart) for back in stock and price drop
   * @param previousPriceCents the price before the catalog's change
   * @param previousStock the stock before it
   * @param changedAt when the catalog changed
   * @param intervalDays the fan's usual days between purchases
   * @param purchases purchases counted (of the product, or days with a purchase for lapsed)
   * @param changedShare the share of the shelf's top that is new
   */
  @Schema(name = "OutreachEvidence")
  public record EvidenceView(
      Instant at,
      String action,
      Long previousPriceCents,
      Integer previousStock,
      Instant changedAt,
      Double intervalDays,
      Integer purchases,
      Double changedShare) {}

  /**
   * The day's list.
   *
   * @param date the UTC day
   * @param drawnAt when the list was drawn (events up to then counted)
   * @param entries best first, at most the budget
   * @param fans the owner's fans looked at
   * @param optedOut fans the owner opted out
   * @param capped fans messaged within the last {@code capDays} days
   * @param withoutReason fans with no reason today
   * @param overBudget fans with a reason beyond the budget
   * @param budget the daily budget
   * @param capDays a fan is listed at most once in this many days
   * @param groups the owner's groups with a listed fan in them, the most valuable first
   * @param probabilities how the entries' probabilities were made
   */
  @Schema(name = "OutreachDay")
  public record Day(
      LocalDate date,
      Instant drawnAt,
      List<Entry> entries,
      int fans,
      int optedOut,
      int capped,
      int withoutReason,
      int overBudget,
      int budget,
      int capDays,
      List<GroupView> groups,
      ProbabilityView probabilities) {}

  /**
   * How the day's probabilities were made: fitted on the owner's own fans (a logistic model of
   * "bought within the week" over the weeks before the day), or set by judgement when too few of
   * them bought to fit.
   *
   * @param fitted whether they were fitted
   * @param weeks the weeks before the day the fit read
   * @param fanWeeks the rows offered to the fit: each fan once per week
   * @param withPurchase of them, the fan-weeks with a purchase
   * @param weights each feature's fitted weight (log-odds per unit), empty when not fitted
   * @param judgedReasons the reasons whose probability uses a set lift because the fit cannot see
   *     them (all when not fitted)
   */
  @Schema(name = "OutreachProbabilities")
  public record ProbabilityView(
      boolean fitted,
      int weeks,
      int fanWeeks,
      int withPurchase,
      Map<String, Double> weights,
      List<String> judgedReasons) {}

  /**
   * One of the owner's chat groups (imported with the fans): where one post reaches the most of the
   * day's list.
   *
   * @param name the group
   * @param listedFans how many fans on the day's list are in it
   * @param expectedCommission the sum of their entries' expected commission, in yuan: the order
   * @param product the product the most of that sum rests on
   * @param productTitle its title
   * @param link the product's page credited to the owner: a group reads one post, so it gets no
   *     fan's personal shelf link
   * @param message a ready-to-paste post for the group, in the language asked for
   */
  @Schema(name = "OutreachGroup")
  public record GroupView(
      String name,
      int listedFans,
      BigDecimal expectedCommission,
      String product,
      String productTitle,
      String link,
      String message) {}

  /** The UTC day a {@code date} parameter names, today when blank; checked. */
  public LocalDate date(String text) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (text == null || text.isBlank()) {
      return today;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.badRequest("date", "expected a day as YYYY-MM-DD, got '" + text + "'");
    }
    if (date.isAfter(today)) {
      throw ApiException.badRequest(
          "date", "expected today (" + today + ") or an earlier day, got " + date);
    }
    if (date.isBefore(today.minusDays(MAX_DAYS_BACK))) {
      throw ApiException.badRequest(
          "date", "expected a day within " + MAX_DAYS_BACK + " days of today, got " + date);
    }
    return date;
  }

  /** The day's list for the owner, messages in {@code language} (zh-CN or en). */
  public Day day(OwnerId owner, LocalDate date, String language) throws IOException {
    if (!Templates.LANGUAGES.contains(language)) {
      throw ApiException.badRequest(
          "lang", "expected one of " + Templates.LANGUAGES + ", got '" + language + "'");
    }
    WhyTexts why = new WhySentences(messages, Locale.forLanguageTag(language));
    OutreachPlan plan = plan(owner, date);
    OutreachSettings own = settings.get(owner);
    List<Entry> entries = new ArrayList<>();
    for (OutreachPick pick : plan.picks()) {
      entries.add(entry(owner, own, pick, entries.size() + 1, language, why));
    }
    return new Day(
        date,
        plan.at(),
        entries,
        plan.fans(),
        plan.optedOut(),
        plan.capped(),
        plan.withoutReason(),
        plan.overBudget(),
        planner.options().budget(),
        planner.options().capDays(),
        plan.groups().stream().map(group -> group(owner, group, language)).toList(),
        probabilities(plan.model()));
  }

  private static ProbabilityView probabilities(OutreachModel model) {
    return new ProbabilityView(
        model.fitted(),
        OutreachPlanner.FIT_WINDOWS,
        model.rows(),
        model.buyers(),
        new java.util.TreeMap<>(model.weights()),
        model.judged().stream().sorted().map(OutreachReason::wireName).toList());
  }

  private GroupView group(OwnerId owner, OutreachGroup group, String language) {
    String link = links.productUrl(owner, group.product().id());
    String message =
        messages.getMessage(
            "outreach.group.post",
            new Object[] {group.product().title(), yuan(group.product().priceCents()), link},
            Locale.forLanguageTag(language));
    return new GroupView(
        group.name(),
        group.listedFans(),
        yuanAmount(group.expectedCommissionCents()),
        group.product().id().value(),
        group.product().title(),
        link,
        message);
  }

  private static BigDecimal yuanAmount(double cents) {
    return BigDecimal.valueOf(cents / 100).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private OutreachPlan plan(OwnerId owner, LocalDate date) throws IOException {
    Instant now = clock.instant();
    Drawn.Key key = new Drawn.Key(owner, date);
    Drawn kept = drawn.get(key);
    if (kept != null && kept.at().plus(KEPT).isAfter(now)) {
      return kept.plan();
    }
    // Today as of now; an earlier day as of its end.
    Instant endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    Instant at = now.isBefore(endOfDay) ? now : endOfDay;
    OutreachSettings own = settings.get(owner);
    OutreachPlan plan = planner.plan(owner, at, own.optedOut()::contains);
    drawn.put(key, new Drawn(plan, now));
    return plan;
  }

  private Entry entry(
      OwnerId owner,
      OutreachSettings own,
      OutreachPick pick,
      int rank,
      String language,
      WhyTexts why)
      throws IOException {
    FanProfile profile = fans.get(owner, pick.fan());
    String nickname = profile.fan().nickname().orElse("");
    String shelf = links.url(links.forFan(owner, pick.fan()));
    boolean oneProduct =
        pick.reason() != OutreachReason.SHELF_CHANGED
            && pick.reason() != OutreachReason.LAPSED
            && pick.reason() != OutreachReason.REGULAR_SHOP_DUE;
    String link = oneProduct ? shelf + "/go/" + pick.product().id().value() : shelf;
    Optional<ProductChange> change = pick.evidence().change();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", nickname.isEmpty() ? (language.equals("en") ? "there" : "") : nickname);
    values.put("product", pick.product().title());
    values.put("price", yuan(pick.product().priceCents()));
    values.put(
        "oldPrice",
        yuan(change.map(ProductChange::previousPriceCents).orElse(pick.product().priceCents())));
    values.put("link", link);
    String message = Templates.fill(templates.template(own, pick.reason(), language), values);
    return new Entry(
        rank,
        pick.fan().value(),
        nickname,
        pick.reason().wireName(),
        why.sentence(pick),
        pick.product().id().value(),
        pick.product().title(),
        pick.product().priceCents(),
        pick.probability(),
        yuanAmount(pick.expectedCommissionCents()),
        evidence(pick),
        link,
        message,
        pick.sentToday().isPresent());
  }

  private static EvidenceView evidence(OutreachPick pick) {
    var e = pick.evidence();
    Optional<ProductChange> change = e.change();
    return new EvidenceView(
        e.at(),
        e.action().map(EventType::wireName).orElse(null),
        change.map(ProductChange::previousPriceCents).orElse(null),
        change.map(ProductChange::previousStock).orElse(null),
        change.map(ProductChange::changedAt).orElse(null),
        boxed(e.intervalDays()),
        e.purchases().isPresent() ? e.purchases().getAsInt() : null,
        boxed(e.changedShare()));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  static String yuan(long cents) {
    return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
  }

  /** Writes the evidence of a pick as a sentence in the page's language. */
  @FunctionalInterface
  interface WhyTexts {
    String sentence(OutreachPick pick);
  }

  /**
   * One message the owner sent.
   *
   * @param fan to whom
   * @param product the product it was about (the entry's product)
   * @param reason the entry's reason
   */
  public record SentMessage(String fan, String product, String reason) {}

  /**
   * What marking recorded.
   *
   * @param recorded new share events
   * @param duplicates messages already marked sent that day
   */
  public record Marked(long recorded, long duplicates) {}

  /**
   * Records each message as a share event attributed to the owner (source {@value
   * OutreachPlanner#SENT_SOURCE}, page {@code outreach:<reason>}), one per fan and day: marking the
   * same fan again that day changes nothing. All or nothing: an unknown fan, product or reason
   * rejects the whole batch.
   */
  public Marked markSent(OwnerId owner, LocalDate date, List<SentMessage> messages)
      throws IOException {
    if (messages == null || messages.isEmpty()) {
      throw ApiException.badRequest("messages", "expected at least one message, got none");
    }
    if (messages.size() > 1_000) {
      throw ApiException.badRequest(
          "messages", "expected at most 1000 messages, got " + messages.size());
    }
    Instant now = clock.instant();
    Instant at =
        date.equals(LocalDate.ofInstant(now, ZoneOffset.UTC))
            ? now
            : date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    List<Event> shares = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      SentMessage message = messages.get(i);
      String field = "messages[" + i + "]";
      if (message == null) {
        throw ApiException.badRequest(field, "expected a message, got null");
      }
      FanId fan = id(field + ".fan", message.fan(), FanId::of);
      ProductId product = id(field + ".product", message.product(), ProductId::of);
      OutreachReason reason;
      try {
        reason = OutreachReason.parse(message.reason() == null ? "" : message.reason());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(field + ".reason", e.getMessage());
      }
      if (indexer.store().fans().get(owner, fan).isEmpty()) {
        throw ApiException.badRequest(field + ".fan", "no fan '" + fan + "' among your fans");
      }
      shares.add(
          new Event(
              EventId.of(sentEventId(owner, fan, date)),
              fan,
              product,
              EventType.SHARE,
              at,
              Optional.of(owner),
              Optional.of("outreach:" + reason.wireName()),
              Optional.of(OutreachPlanner.SENT_SOURCE),
              OptionalDouble.empty()));
    }
    EventService.Accepted accepted;
    try {
      accepted = events.append(shares);
    } catch (ImportRejectedException e) {
      var error = e.errors().getFirst();
      throw ApiException.badRequest(
          "messages[" + (error.line() - 1) + "]." + error.field(), error.message());
    }
    forget(owner);
    return new Marked(accepted.added() + accepted.queued(), accepted.duplicates());
  }

  /** One id per (owner, fan, day): marking twice is the same event. */
  static String sentEventId(OwnerId owner, FanId fan, LocalDate date) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (owner.value() + "\n" + fan.value() + "\n" + date)
                      .getBytes(StandardCharsets.UTF_8));
      return "outreach-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static <T> T id(String field, String value, java.util.function.Function<String, T> of) {
    if (value == null) {
      throw ApiException.badRequest(field, "expected an id, got nothing");
    }
    try {
      return of.apply(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(field, e.getMessage());
    }
  }

  /** Opts a fan out of (or back into) the list. */
  public void optOut(OwnerId owner, FanId fan, boolean out) throws IOException {
    fans.get(owner, fan); // 404 for a fan that is not the owner's
    settings.update(
        owner,
        s -> {
          var next = new java.util.HashSet<>(s.optedOut());
          if (out) {
            next.add(fan);
          } else {
            next.remove(fan);
          }
          return s.withOptedOut(next);
        });
    forget(owner);
  }

  public List<String> optedOut(OwnerId owner) {
    return settings.get(owner).optedOut().stream().map(FanId::value).sorted().toList();
  }

  /** The templates in use, by reason, then language. */
  public Map<String, Map<String, String>> templates(OwnerId owner) {
    OutreachSettings own = settings.get(owner);
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    for (OutreachReason reason : OutreachReason.values()) {
      Map<String, String> byLanguage = new LinkedHashMap<>();
      for (String language : Templates.LANGUAGES) {
        byLanguage.put(language, templates.template(own, reason, language));
      }
      all.put(reason.wireName(), byLanguage);
    }
    return all;
  }

  /**
   * Sets the owner's templates: reason, then language, to the text; a text equal to the built-in
   * one, or empty, goes back to the built-in one. Checked whole before anything is stored.
   */
  public Map<String, Map<String, String>> setTemplates(
      OwnerId owner, Map<String, Map<String, String>> texts) throws IOException {
    if (texts == null || texts.isEmpty()) {
      throw ApiException.badRequest("templates", "expected at least one reason, got none");
    }
    Map<String, String> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> byReason : texts.entrySet()) {
      OutreachReason reason;
      try {
        reason = OutreachReason.parse(byReason.getKey());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("templates." + byReason.getKey(), e.getMessage());
      }
      if (byReason.getValue() == null) {
        throw ApiException.badRequest("templates." + byReason.getKey(), "expected languages");
      }
      for (Map.Entry<String, String> byLanguage : byReason.getValue().entrySet()) {
        String field = "templates." + reason.wireName() + "." + byLanguage.getKey();
        if (!Templates.LANGUAGES.contains(byLanguage.getKey())) {
          throw ApiException.badRequest(
              field,
              "expected a language of " + Templates.LANGUAGES + ", got " + byLanguage.getKey());
        }
        String text = byLanguage.getValue();
        String key = Templates.key(reason, byLanguage.getKey());
        if (text == null
            || text.isBlank()
            || text.strip().equals(templates.builtIn(reason, byLanguage.getKey()))) {
          changes.put(key, null);
        } else {
          changes.put(key, Templates.check(field, text));
        }
      }
    }
    settings.update(
        owner,
        s -> {
          Map<String, String> next = new java.util.TreeMap<>(s.templates());
          changes.forEach(
              (key, text) -> {
                if (text == null) {
                  next.remove(key);
                } else {
                  next.put(key, text);
                }
              });
          return s.withTemplates(next);
        });
    forget(owner);
    return templates(owner);
  }

  private void forget(OwnerId owner) {
    drawn.keySet().removeIf(key -> key.owner().equals(owner));
  }
}
