package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.OwnerId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's totals and daily series of attributed events. */
@RestController
@RequestMapping("/api/v1/owner/stats")
@OwnerOnly
public class StatsController {
  private final StatsService stats;

  public StatsController(StatsService stats) {
    this.stats = stats;
  }

  /** Totals and the last {@code days} UTC days, oldest first. */
  public record OwnerStats(AttributedStats.Counts total, List<AttributedStats.Day> days) {}

  @GetMapping
  public OwnerStats get(
      @CurrentOwner OwnerId owner, @RequestParam(name = "days", defaultValue = "30") int days) {
    if (days < 1 || days > 366) {
      throw ApiException.badRequest("days", "expected 1 to 366, got " + days);
    }
    return new OwnerStats(stats.owner(owner), stats.days(owner, days));
  }
}
