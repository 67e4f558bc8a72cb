package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's fans: list and filter, one fan, its labels and statistics. */
@RestController
@Tag(name = ApiContract.FANS)
@RequestMapping("/api/v1/owner/fans")
@OwnerOnly
class FanController {
  private final FanService fans;
  private final StatsService stats;

  FanController(FanService fans, StatsService stats) {
    this.fans = fans;
    this.stats = stats;
  }

  /**
   * Lists the owner's fans.
   *
   * <p>Fans in id order, a page at a time, with their labels, optionally filtered by labels.
   *
   * @param label {@code dimension:value,value} (repeatable): fans with any of the values of each
   *     dimension given (AND across parameters, OR within one); values by id or zh-CN or English
   *     name, e.g. skin_type:oily,dry or skin_type:油皮
   * @param unlabelled dimensions the fans must not have a label for (repeatable), e.g. home_style
   * @param after the {@code next} of the previous page; absent for the first page
   * @param size fans per page
   */
  @GetMapping
  public FanViews.FanPageView listFans(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "label", required = false) List<String> label,
      @RequestParam(name = "unlabelled", required = false) List<String> unlabelled,
      @RequestParam(name = "after", required = false) String after,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "50"))
          @RequestParam(name = "size", defaultValue = "50")
          int size)
      throws IOException {
    var taxonomy = fans.taxonomy();
    return FanViews.FanPageView.of(
        fans.find(
            owner,
            LabelFilters.parse("label", label == null ? List.of() : label, taxonomy),
            LabelFilters.dimensions(
                "unlabelled", unlabelled == null ? List.of() : unlabelled, taxonomy),
            Optional.ofNullable(after).filter(a -> !a.isBlank()),
            size));
  }

  /**
   * One fan of the owner, with the owner's labels on the fan.
   *
   * @param fan the fan id
   */
  @GetMapping("/{fan}")
  public FanViews.FanView getFan(@CurrentOwner OwnerId owner, @PathVariable("fan") String fan)
      throws IOException {
    return FanViews.FanView.of(fans.get(owner, Params.fan("fan", fan)));
  }

  /**
   * A label to set.
   *
   * @param values the values, by id or by zh-CN or English name, e.g. ["油皮"]; one for a
   *     single-valued dimension
   * @param confidence how sure the owner is, in (0, 1]; 1 when absent
   */
  public record LabelRequest(
      @NotNull List<String> values, @Schema(minimum = "0", maximum = "1") Double confidence) {}

  /**
   * Sets a label on a fan.
   *
   * <p>Sets or replaces the fan's label for one dimension of the taxonomy, as the owner's own
   * label. The fan's cached shelf is ranked afresh at its next view.
   *
   * @param fan the fan id (one of the owner's fans)
   * @param dimension the dimension id, e.g. skin_type
   */
  @PutMapping("/{fan}/labels/{dimension}")
  public FanViews.FanView setFanLabel(
      @CurrentOwner OwnerId owner,
      @PathVariable("fan") String fan,
      @PathVariable("dimension") String dimension,
      @Valid @RequestBody LabelRequest body)
      throws IOException, ImportRejectedException {
    return FanViews.FanView.of(
        fans.setLabel(
            owner,
            Params.fan("fan", fan),
            dimension,
            body.values(),
            body.confidence() == null ? 1.0 : body.confidence()));
  }

  /**
   * Removes a label from a fan.
   *
   * @param fan the fan id
   * @param dimension the dimension id, e.g. skin_type
   */
  @DeleteMapping("/{fan}/labels/{dimension}")
  public FanViews.FanView removeFanLabel(
      @CurrentOwner OwnerId owner,
      @PathVariable("fan") String fan,
      @PathVariable("dimension") String dimension)
      throws IOException, ImportRejectedException {
    return FanViews.FanView.of(fans.removeLabel(owner, Params.fan("fan", fan), dimension));
  }

  /**
   * What one fan did on the owner's shelves.
   *
   * <p>Page views, impressions, views, clicks, favorites, carts, purchases and shares attributed to
   * the owner, for this fan, since the start.
   *
   * @param fan the fan id
   */
  @GetMapping("/{fan}/stats")
  public AttributedStats.Counts getFanStats(
      @CurrentOwner OwnerId owner, @PathVariable("fan") String fan) throws IOException {
    var id = Params.fan("fan", fan);
    fans.get(owner, id);
    return stats.fan(owner, id);
  }
}
