package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's totals and daily series of attributed events. */
@RestController
@Tag(name = ApiContract.STATISTICS)
@RequestMapping("/api/v1/owner/stats")
@OwnerOnly
class StatsController {
  private final StatsService stats;

  StatsController(StatsService stats) {
    this.stats = stats;
  }

  /**
   * The owner's statistics.
   *
   * @param total since the start
   * @param days the last days (UTC), oldest first
   */
  public record OwnerStats(AttributedStats.Counts total, List<AttributedStats.Day> days) {}

  /**
   * What fans did on the owner's shelves: totals and a daily series.
   *
   * <p>Page views, impressions, views, clicks, favorites, carts, purchases and shares attributed to
   * the owner.
   *
   * @param days how many days (UTC) the series covers, today included
   */
  @GetMapping
  public OwnerStats getOwnerStats(
      @CurrentOwner OwnerId owner,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "366",
                      defaultValue = "30"))
          @RequestParam(name = "days", defaultValue = "30")
          int days) {
    if (days < 1 || days > 366) {
      throw ApiException.badRequest("days", "expected 1 to 366, got " + days);
    }
    return new OwnerStats(stats.owner(owner), stats.days(owner, days));
  }
}
