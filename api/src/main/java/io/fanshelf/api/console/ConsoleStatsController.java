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
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Totals and a 30-day chart (inline SVG) of page views and clicks on the owner's shelves, and which
 * ranking orders them, with the validation figures that chose it.
 */
@Controller
@ConsolePage
class ConsoleStatsController {
  static final int DAYS = 30;
  static final int HEIGHT = 120;

  private final StatsService stats;
  private final ModelRegistry registry;
  private final Recommender recommender;

  ConsoleStatsController(StatsService stats, ModelRegistry registry, Recommender recommender) {
    this.stats = stats;
    this.registry = registry;
    this.recommender = recommender;
  }

  /** One bar of the chart, in SVG units. */
  public record Bar(int x, int y, int height, String label, long value) {}

  @GetMapping("/console/stats")
  public String page(@CurrentOwner OwnerId owner, Model model) throws IOException {
    List<AttributedStats.Day> days = stats.days(owner, DAYS);
    model.addAttribute("total", stats.owner(owner));
    model.addAttribute("views", bars(days, true));
    model.addAttribute("clicks", bars(days, false));
    model.addAttribute("first", days.getFirst().day());
    model.addAttribute("last", days.getLast().day());
    ModelRegistry.Serving serving = registry.serving(recommender.rankings().current().name());
    model.addAttribute("serving", serving);
    model.addAttribute("gate", serving.gate().orElse(null));
    model.addAttribute(
        "rankingName", serving.info().map(ArtifactInfo::ranking).orElse(serving.ranking()));
    return "console/stats";
  }

  static List<Bar> bars(List<AttributedStats.Day> days, boolean views) {
    long max = 1;
    for (AttributedStats.Day day : days) {
      max = Math.max(max, views ? day.counts().pageViews() : day.counts().clicks());
    }
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      AttributedStats.Day day = days.get(i);
      long value = views ? day.counts().pageViews() : day.counts().clicks();
      int height = (int) Math.round((double) value / max * HEIGHT);
      bars.add(new Bar(i * 10, HEIGHT - height, height, day.day().toString(), value));
    }
    return bars;
  }
}
