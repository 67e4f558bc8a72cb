package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Labels in bulk: by fan ids or by segment, and the label spreadsheet with its dry run. */
@RestController
@Tag(name = ApiContract.LABELS)
@RequestMapping("/api/v1/owner/labels")
@OwnerOnly
class LabelController {
  private final FanService fans;
  private final SegmentStore segments;
  private final LabelImportService imports;

  LabelController(FanService fans, SegmentStore segments, LabelImportService imports) {
    this.fans = fans;
    this.segments = segments;
    this.imports = imports;
  }

  /**
   * One dimension to set (or, with {@code remove}, clear) on many fans: {@code fans} lists fan ids,
   * or {@code segment} names a saved segment (exactly one of the two).
   *
   * @param fans fan ids
   * @param segment a segment id: every fan it selects now
   * @param dimension the dimension id, e.g. skin_type
   * @param values the values, by id or zh-CN or English name (ignored with remove)
   * @param confidence how sure the owner is, in (0, 1]; 1 when absent
   * @param remove clear the dimension instead of setting it
   */
  public record BulkLabelRequest(
      List<String> fans,
      String segment,
      @NotBlank String dimension,
      List<String> values,
      Double confidence,
      Boolean remove) {}

  /**
   * @param changed fans whose label was set or removed
   */
  public record BulkLabelResponse(int changed) {}

  /**
   * Labels many fans at once.
   *
   * <p>Sets (or clears) one dimension on every fan listed or selected by a segment, all or none:
   * one bad fan id or value refuses the whole request. Their cached shelves are ranked afresh.
   */
  @PostMapping("/bulk")
  public BulkLabelResponse labelFansInBulk(
      @CurrentOwner OwnerId owner, @Valid @RequestBody BulkLabelRequest body)
      throws IOException, ImportRejectedException {
    boolean byFans = body.fans() != null && !body.fans().isEmpty();
    boolean bySegment = body.segment() != null && !body.segment().isBlank();
    if (byFans == bySegment) {
      throw ApiException.badRequest(
          "fans", "expected either 'fans' (a list of fan ids) or 'segment' (a segment id)");
    }
    List<FanId> targets = new ArrayList<>();
    if (byFans) {
      for (int i = 0; i < body.fans().size(); i++) {
        targets.add(Params.fan("fans[" + i + "]", body.fans().get(i)));
      }
    } else {
      Segment segment =
          segments
              .get(owner, body.segment())
              .orElseThrow(() -> ApiException.notFound("no segment '" + body.segment() + "'"));
      fans.forEach(owner, segment.labels(), segment.unlabelled(), p -> targets.add(p.fan().id()));
    }
    return new BulkLabelResponse(
        fans.bulkLabel(
            owner,
            targets,
            body.dimension(),
            body.values() == null ? List.of() : body.values(),
            body.confidence() == null ? 1.0 : body.confidence(),
            Boolean.TRUE.equals(body.remove())));
  }

  /**
   * Imports the label spreadsheet.
   *
   * <p>The sheet is CSV (docs/data-formats.md, "Labels"; the owner_id column may be left out). With
   * {@code dryRun=true}, the default, it is only validated: the answer lists every error and every
   * change it would make. With {@code dryRun=false} all rows are applied or, when any row is bad,
   * none (400 with every error).
   *
   * @param file the sheet: labels.csv or labels.csv.gz, UTF-8
   * @param dryRun only validate and preview
   */
  @PostMapping(path = "/import", consumes = "multipart/form-data")
  public LabelImportService.Preview importLabelSheet(
      @CurrentOwner OwnerId owner,
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun)
      throws IOException, ImportRejectedException {
    try (Uploads upload = Uploads.save("file", file, "labels.csv", Set.of(".csv", ".csv.gz"))) {
      return dryRun ? imports.preview(owner, upload.file()) : imports.apply(owner, upload.file());
    }
  }
}
