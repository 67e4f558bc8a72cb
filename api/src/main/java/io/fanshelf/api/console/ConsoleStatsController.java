package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelRegistry;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.ObjectMapper;

/**
 * Totals and 30-day charts (Chart.js, with axes and values) of page views and clicks on the owner's
 * shelves, and which ranking orders them, with the validation figures that chose it.
 */
@Controller
@ConsolePage
class ConsoleStatsController {
  static final int DAYS = 30;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final StatsService stats;
  private final ModelRegistry registry;
  private final Recommender recommender;
  private final ObjectMapper mapper;

  ConsoleStatsController(
      StatsService stats, ModelRegistry registry, Recommender recommender, ObjectMapper mapper) {
    this.stats = stats;
    this.registry = registry;
    this.recommender = recommender;
    this.mapper = mapper;
  }

  @GetMapping("/console/stats")
  public String page(
      @CurrentOwner OwnerId owner,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      Model model)
      throws IOException {
    List<AttributedStats.Day> days = stats.days(owner, DAYS);
    model.addAttribute("total", stats.owner(owner));
    model.addAttribute(
        "views",
        chart(days, texts.message("stats.pageViews"), true, ConsoleChart.RED).json(mapper));
    model.addAttribute(
        "clicks",
        chart(days, texts.message("stats.clicks"), false, ConsoleChart.BLUE).json(mapper));
    model.addAttribute("first", days.getFirst().day());
    model.addAttribute("last", days.getLast().day());
    ModelRegistry.Serving serving = registry.serving(recommender.rankings().current().name());
    model.addAttribute("serving", serving);
    model.addAttribute("gate", serving.gate().orElse(null));
    model.addAttribute(
        "rankingName", serving.info().map(ArtifactInfo::ranking).orElse(serving.ranking()));
    return "console/stats";
  }

  static ConsoleChart chart(
      List<AttributedStats.Day> days, String label, boolean views, String color) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (AttributedStats.Day day : days) {
      labels.add(DAY.format(day.day()));
      values.add(views ? day.counts().pageViews() : day.counts().clicks());
    }
    return new ConsoleChart(
        false, labels, List.of(new ConsoleChart.Series(label, values, color)), 0);
  }
}
