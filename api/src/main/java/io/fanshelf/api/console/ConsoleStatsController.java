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

/**
 * Totals and 30-day charts (inline SVG, with axes and values) of page views and clicks on the
 * owner's shelves, and which ranking orders them, with the validation figures that chose it.
 */
@Controller
@ConsolePage
class ConsoleStatsController {
  static final int DAYS = 30;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final StatsService stats;
  private final ModelRegistry registry;
  private final Recommender recommender;

  ConsoleStatsController(StatsService stats, ModelRegistry registry, Recommender recommender) {
    this.stats = stats;
    this.registry = registry;
    this.recommender = recommender;
  }

  @GetMapping("/console/stats")
  public String page(@CurrentOwner OwnerId owner, Model model) throws IOException {
    List<AttributedStats.Day> days = stats.days(owner, DAYS);
    model.addAttribute("total", stats.owner(owner));
    model.addAttribute("views", chart(days, true));
    model.addAttribute("clicks", chart(days, false));
    model.addAttribute("first", days.getFirst().day());
    model.addAttribute("last", days.getLast().day());
    ModelRegistry.Serving serving = registry.serving(recommender.rankings().current().name());
    model.addAttribute("serving", serving);
    model.addAttribute("gate", serving.gate().orElse(null));
    model.addAttribute(
        "rankingName", serving.info().map(ArtifactInfo::ranking).orElse(serving.ranking()));
    return "console/stats";
  }

  static BarChart chart(List<AttributedStats.Day> days, boolean views) {
    List<String> labels = new ArrayList<>();
    List<String> axisLabels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      AttributedStats.Day day = days.get(i);
      labels.add(day.day().toString());
      // Every fifth day from the last one, so today is always labelled.
      axisLabels.add((days.size() - 1 - i) % 5 == 0 ? DAY.format(day.day()) : "");
      values.add(views ? day.counts().pageViews() : day.counts().clicks());
    }
    return BarChart.of(labels, axisLabels, values);
  }
}
