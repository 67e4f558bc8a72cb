package io.fanshelf.api.funnel;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's shelf funnel, for the platform app. */
@RestController
@Tag(name = ApiContract.STATISTICS)
@RequestMapping("/api/v1/owner/funnel")
@OwnerOnly
class FunnelController {
  private final FunnelService funnels;

  FunnelController(FunnelService funnels) {
    this.funnels = funnels;
  }

  /**
   * The shelf funnel, from shared link to purchase.
   *
   * <p>Fans who held a share link, opened their shelf, clicked a product, carted and bought, with
   * the attributed revenue and commission, per stage and per day, for the owner or one segment.
   *
   * <p>Opens and clicks are those on the owner's shelves; a cart or purchase counts when it carries
   * the owner, or, carrying none, when the same fan clicked the same product on the owner's shelf
   * within the attribution window before it (7 days by default, last click wins). Revenue is the
   * catalog price times the purchase's quantity; commission that times the product's rate.
   *
   * @param from first UTC day, YYYY-MM-DD (default: 29 days before {@code to})
   * @param to last UTC day, YYYY-MM-DD (default: today); at most 366 days from {@code from}
   * @param segment one of the owner's segment ids: only the fans it selects now
   */
  @GetMapping
  public Funnel getFunnel(
      @CurrentOwner OwnerId owner,
      @Parameter(schema = @Schema(type = "string", format = "date"))
          @RequestParam(name = "from", required = false)
          String from,
      @Parameter(schema = @Schema(type = "string", format = "date"))
          @RequestParam(name = "to", required = false)
          String to,
      @RequestParam(name = "segment", required = false) String segment)
      throws IOException {
    FunnelPeriod period = FunnelPeriod.parse(from, to, funnels.today());
    Optional<Segment> chosen =
        segment == null || segment.isBlank()
            ? Optional.empty()
            : Optional.of(funnels.segment(owner, segment.strip()));
    return funnels.funnel(owner, period, chosen);
  }
}
