package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.owner.SegmentController.SegmentRequest;
import io.fanshelf.api.owner.SegmentController.SegmentService;
import io.fanshelf.api.owner.SegmentController.SegmentView;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saved segments: create, tag all their fans, make their share links, see their numbers. */
@Controller
@ConsolePage
class ConsoleSegmentsController {
  private final SegmentService segments;
  private final FanService fans;
  private final StatsService stats;
  private final ShareLinkService links;

  ConsoleSegmentsController(
      SegmentService segments, FanService fans, StatsService stats, ShareLinkService links) {
    this.segments = segments;
    this.fans = fans;
    this.stats = stats;
    this.links = links;
  }

  /** A segment with its size and statistics. */
  public record Row(SegmentView segment, io.fanshelf.api.owner.AttributedStats.Counts stats) {}

  @GetMapping("/console/segments")
  public String list(@CurrentOwner OwnerId owner, Model model) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Segment segment : segments.list(owner)) {
      rows.add(new Row(segments.view(segment), stats.segment(owner, segment)));
    }
    model.addAttribute("rows", rows);
    return "console/segments";
  }

  /** Filters come as {@code f.<dimension>=<value>}. */
  @PostMapping("/console/segments")
  public String create(
      @CurrentOwner OwnerId owner,
      @RequestParam("name") String name,
      @RequestParam Map<String, String> params)
      throws IOException {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    params.forEach(
        (key, value) -> {
          if (key.startsWith("f.") && value != null && !value.isBlank()) {
            labels.put(key.substring(2), List.of(value));
          }
        });
    segments.save(owner, Optional.empty(), new SegmentRequest(name, labels, List.of()));
    return "redirect:/console/segments";
  }

  @PostMapping("/console/segments/{id}/delete")
  public String delete(
      @CurrentOwner OwnerId owner,
      @PathVariable("id") String id,
      @RequestParam(name = ConfirmStep.CONFIRMED, defaultValue = "false") boolean confirmed,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      Model model)
      throws IOException {
    Segment segment = segments.get(owner, id);
    if (!confirmed) {
      return new ConfirmStep(
              "/console/segments/" + segment.id() + "/delete",
              texts.message("segments.confirmDelete", segment.name()),
              texts.message("segments.delete"),
              "/console/segments",
              List.of())
          .show(model);
    }
    segments.delete(owner, id);
    return "redirect:/console/segments";
  }

  /** Tags every fan of the segment, after a confirmation that names how many. */
  @PostMapping("/console/segments/{id}/label")
  public String label(
      @CurrentOwner OwnerId owner,
      @PathVariable("id") String id,
      @RequestParam("dimension") String dimension,
      @RequestParam(name = "value", required = false) List<String> values,
      @RequestParam(name = ConfirmStep.CONFIRMED, defaultValue = "false") boolean confirmed,
      @RequestParam(name = "count", defaultValue = "-1") long confirmedCount,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      @ModelAttribute(name = "names", binding = false) ConsoleNames names,
      Model model,
      RedirectAttributes redirect)
      throws IOException, ImportRejectedException {
    Segment segment = segments.get(owner, id);
    List<String> chosen = values == null ? List.of() : values;
    fans.checkBulkLabel(dimension, chosen, false);
    List<FanId> members = new ArrayList<>();
    fans.forEach(owner, segment.labels(), segment.unlabelled(), p -> members.add(p.fan().id()));
    if (!confirmed || confirmedCount != members.size()) {
      List<ConfirmStep.Field> fields = new ArrayList<>();
      fields.add(new ConfirmStep.Field("dimension", dimension));
      chosen.forEach(v -> fields.add(new ConfirmStep.Field("value", v)));
      fields.add(new ConfirmStep.Field("count", Integer.toString(members.size())));
      return new ConfirmStep(
              "/console/segments/" + segment.id() + "/label",
              texts.message(
                  "segments.confirmTag",
                  segment.name(),
                  members.size(),
                  names.dimension(dimension),
                  names.values(dimension, chosen)),
              texts.message("fans.bulk.confirmButton", members.size()),
              "/console/segments",
              fields)
          .show(model);
    }
    int changed = fans.bulkLabel(owner, members, dimension, chosen, 1.0, false);
    redirect.addFlashAttribute("notice", changed);
    return "redirect:/console/segments";
  }

  @PostMapping("/console/segments/{id}/links")
  public String makeLinks(
      @CurrentOwner OwnerId owner, @PathVariable("id") String id, RedirectAttributes redirect)
      throws IOException {
    redirect.addFlashAttribute("made", links.forSegment(owner, id).size());
    return "redirect:/console/links?segment=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  @PostMapping("/console/segments/{id}/revoke")
  public String revokeLinks(
      @CurrentOwner OwnerId owner,
      @PathVariable("id") String id,
      @RequestParam(name = ConfirmStep.CONFIRMED, defaultValue = "false") boolean confirmed,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    Segment segment = segments.get(owner, id);
    if (!confirmed) {
      return new ConfirmStep(
              "/console/segments/" + segment.id() + "/revoke",
              texts.message(
                  "segments.confirmRevoke",
                  segment.name(),
                  links.forSegmentList(owner, id, false).size()),
              texts.message("segments.revoke"),
              "/console/segments",
              List.of())
          .show(model);
    }
    redirect.addFlashAttribute("revoked", links.revokeSegment(owner, id));
    return "redirect:/console/segments";
  }
}
