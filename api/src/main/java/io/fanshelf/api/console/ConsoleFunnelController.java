package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.funnel.Funnel;
import io.fanshelf.api.funnel.FunnelPeriod;
import io.fanshelf.api.funnel.FunnelProperties;
import io.fanshelf.api.funnel.FunnelService;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.owner.SegmentStore;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The shelf funnel: for a period and optionally a segment, a chart of the fans at each stage
 * (shared, opened, clicked, carted, bought) and charts per day, the stage table with revenue and
 * commission, the fans who brought the most, and the per-fan CSV. The period defaults to the 30
 * days up to the owner's latest attributed activity.
 */
@Controller
@ConsolePage
class ConsoleFunnelController {
  static final int TOP_FANS = 20;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final FunnelService funnels;
  private final SegmentStore segments;
  private final ObjectMapper mapper;
  private final String currency;
  private final long windowDays;

  ConsoleFunnelController(
      FunnelService funnels,
      SegmentStore segments,
      ObjectMapper mapper,
      FanShelfProperties properties,
      FunnelProperties funnel) {
    this.funnels = funnels;
    this.segments = segments;
    this.mapper = mapper;
    this.currency = properties.shelf().currency();
    this.windowDays = funnel.attributionWindow().toDays();
  }

  @GetMapping("/console/funnel")
  public String page(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "segment", defaultValue = "") String segment,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      Model model)
      throws IOException {
    FunnelPeriod period = FunnelPeriod.parse(from, to, funnels.lastActiveDay(owner));
    Optional<Segment> chosen = segment(owner, segment);
    Funnel funnel = funnels.funnel(owner, period, chosen);
    List<Funnel.FanRow> fans = funnels.fans(owner, period, chosen);
    model.addAttribute("funnel", funnel);
    model.addAttribute("segments", segments.list(owner));
    model.addAttribute("segment", chosen.map(Segment::id).orElse(""));
    model.addAttribute("topFans", fans.subList(0, Math.min(TOP_FANS, fans.size())));
    model.addAttribute("fanCount", fans.size());
    model.addAttribute("currency", currency);
    model.addAttribute("windowDays", windowDays);
    model.addAttribute("stagesChart", stagesChart(funnel, texts).json(mapper));
    model.addAttribute("daysChart", daysChart(funnel, texts).json(mapper));
    model.addAttribute("moneyChart", moneyChart(funnel, texts).json(mapper));
    return "console/funnel";
  }

  /** Every fan with attributed activity in the period, one row each, most revenue first. */
  @GetMapping(path = "/console/funnel/export.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<String> export(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "segment", defaultValue = "") String segment)
      throws IOException {
    FunnelPeriod period = FunnelPeriod.parse(from, to, funnels.lastActiveDay(owner));
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "fan_id",
            "opens",
            "clicks",
            "carts",
            "purchases",
            "revenue",
            "commission",
            "from",
            "to"));
    for (Funnel.FanRow fan : funnels.fans(owner, period, segment(owner, segment))) {
      rows.add(
          List.of(
              fan.fan(),
              Long.toString(fan.opens()),
              Long.toString(fan.clicks()),
              Long.toString(fan.carts()),
              Long.toString(fan.purchases()),
              money(fan.revenueCents()),
              money(fan.commissionCents()),
              period.from().toString(),
              period.to().toString()));
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"funnel-" + period.from() + "-" + period.to() + ".csv\"")
        .body(SheetTemplate.csv(rows));
  }

  private Optional<Segment> segment(OwnerId owner, String id) {
    return id.isBlank() ? Optional.empty() : Optional.of(funnels.segment(owner, id.strip()));
  }

  /** Cents as a decimal amount: 25800 is 258.00. */
  static String money(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  static ConsoleChart stagesChart(Funnel funnel, ConsoleErrors texts) {
    List<String> labels = new ArrayList<>();
    List<Long> fans = new ArrayList<>();
    for (Funnel.FunnelStage stage : funnel.stages()) {
      labels.add(texts.message("funnel.stage." + stage.stage().name().toLowerCase()));
      fans.add(stage.fans());
    }
    return new ConsoleChart(
        true,
        labels,
        List.of(new ConsoleChart.Series(texts.message("funnel.fans"), fans, ConsoleChart.RED)),
        0);
  }

  static ConsoleChart daysChart(Funnel funnel, ConsoleErrors texts) {
    List<Long> opens = new ArrayList<>();
    List<Long> clicks = new ArrayList<>();
    List<Long> purchases = new ArrayList<>();
    for (Funnel.FunnelDay day : funnel.days()) {
      opens.add(day.opens());
      clicks.add(day.clicks());
      purchases.add(day.purchases());
    }
    return new ConsoleChart(
        false,
        days(funnel),
        List.of(
            new ConsoleChart.Series(texts.message("funnel.opens"), opens, ConsoleChart.RED),
            new ConsoleChart.Series(texts.message("funnel.clicks"), clicks, ConsoleChart.BLUE),
            new ConsoleChart.Series(
                texts.message("funnel.purchases"), purchases, ConsoleChart.GREEN)),
        0);
  }

  static ConsoleChart moneyChart(Funnel funnel, ConsoleErrors texts) {
    List<BigDecimal> revenue = new ArrayList<>();
    List<BigDecimal> commission = new ArrayList<>();
    for (Funnel.FunnelDay day : funnel.days()) {
      revenue.add(BigDecimal.valueOf(day.revenueCents(), 2));
      commission.add(BigDecimal.valueOf(day.commissionCents(), 2));
    }
    return new ConsoleChart(
        false,
        days(funnel),
        List.of(
            new ConsoleChart.Series(texts.message("funnel.revenue"), revenue, ConsoleChart.GREEN),
            new ConsoleChart.Series(
                texts.message("funnel.commission"), commission, ConsoleChart.AMBER)),
        2);
  }

  private static List<String> days(Funnel funnel) {
    return funnel.days().stream().map(d -> DAY.format(d.day())).toList();
  }
}
