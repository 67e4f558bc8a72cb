package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.OwnerId;
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
@RequestMapping("/api/v1/owner/fans")
@OwnerOnly
public class FanController {
  private final FanService fans;
  private final StatsService stats;

  public FanController(FanService fans, StatsService stats) {
    this.fans = fans;
    this.stats = stats;
  }

  /**
   * Fans by id, filtered: {@code label=skin_type:oily,dry} (repeatable; AND across dimensions, OR
   * within one), {@code unlabelled=home_style}; {@code after} is the previous page's {@code next}.
   */
  @GetMapping
  public FanViews.FanPageView list(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "label", required = false) List<String> label,
      @RequestParam(name = "unlabelled", required = false) List<String> unlabelled,
      @RequestParam(name = "after", required = false) String after,
      @RequestParam(name = "size", defaultValue = "50") int size)
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

  @GetMapping("/{fan}")
  public FanViews.FanView get(@CurrentOwner OwnerId owner, @PathVariable("fan") String fan)
      throws IOException {
    return FanViews.FanView.of(fans.get(owner, Params.fan("fan", fan)));
  }

  /** A label: values by id or by zh-CN or English name; confidence defaults to 1. */
  public record LabelRequest(@NotNull List<String> values, Double confidence) {}

  @PutMapping("/{fan}/labels/{dimension}")
  public FanViews.FanView setLabel(
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

  @DeleteMapping("/{fan}/labels/{dimension}")
  public FanViews.FanView removeLabel(
      @CurrentOwner OwnerId owner,
      @PathVariable("fan") String fan,
      @PathVariable("dimension") String dimension)
      throws IOException {
    return FanViews.FanView.of(fans.removeLabel(owner, Params.fan("fan", fan), dimension));
  }

  /** Page views, impressions, clicks, carts and purchases attributed to the owner, for this fan. */
  @GetMapping("/{fan}/stats")
  public AttributedStats.Counts stats(@CurrentOwner OwnerId owner, @PathVariable("fan") String fan)
      throws IOException {
    var id = Params.fan("fan", fan);
    fans.get(owner, id);
    return stats.fan(owner, id);
  }
}
