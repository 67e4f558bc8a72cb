package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.LabelImportService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The label spreadsheet: upload, see every error and every change, then apply. The uploaded file
 * waits ({@link PendingSheets}: up to an hour, for its owner only) under a random id between
 * preview and apply.
 */
@Controller
@ConsolePage
class ConsoleImportController {
  private final LabelImportService imports;
  private final FanService fans;
  private final PendingSheets pending;

  ConsoleImportController(LabelImportService imports, FanService fans, PendingSheets pending) {
    this.imports = imports;
    this.fans = fans;
    this.pending = pending;
  }

  @GetMapping("/console/import")
  public String form(
      @CurrentOwner OwnerId owner,
      @ModelAttribute(name = "names", binding = false) ConsoleNames names,
      Model model)
      throws IOException {
    model.addAttribute("example", SheetTemplate.rows(exampleFans(owner), names));
    return "console/import";
  }

  /**
   * A sheet to fill in: the owner's dimensions as columns, two example rows with values by their
   * names in the page language. UTF-8 with a byte order mark, so spreadsheet programs read the
   * Chinese right.
   */
  @GetMapping(path = "/console/import/template.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<String> template(
      @CurrentOwner OwnerId owner,
      @ModelAttribute(name = "names", binding = false) ConsoleNames names)
      throws IOException {
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"fanshelf-labels-template.csv\"")
        .body(SheetTemplate.csv(SheetTemplate.rows(exampleFans(owner), names)));
  }

  /** Two of the owner's fans to show the format with, or made-up ids for an owner with none. */
  private List<String> exampleFans(OwnerId owner) throws IOException {
    List<String> ids = new ArrayList<>();
    fans.find(owner, Map.of(), Set.of(), Optional.empty(), 2)
        .fans()
        .forEach(p -> ids.add(p.fan().id().value()));
    for (int i = ids.size(); i < 2; i++) {
      ids.add("fan-00" + (i + 1));
    }
    return ids;
  }

  @PostMapping(path = "/console/import", consumes = "multipart/form-data")
  public String preview(
      @CurrentOwner OwnerId owner, @RequestParam("file") MultipartFile file, Model model)
      throws IOException {
    Uploads upload = Uploads.save("file", file, "labels.csv", Set.of(".csv", ".csv.gz"));
    LabelImportService.Preview preview = imports.preview(owner, upload.file());
    if (preview.valid()) {
      model.addAttribute("pending", pending.keep(owner, upload));
    } else {
      upload.close();
    }
    model.addAttribute("preview", preview);
    return "console/import";
  }

  @PostMapping("/console/import/apply")
  public String apply(@CurrentOwner OwnerId owner, @RequestParam("pending") String id, Model model)
      throws IOException, ImportRejectedException {
    Uploads waiting =
        pending
            .take(owner, id)
            .orElseThrow(
                () -> ApiException.notFound("this preview has expired; upload the file again"));
    try (waiting) {
      model.addAttribute("preview", imports.apply(owner, waiting.file()));
      model.addAttribute("applied", true);
    }
    return "console/import";
  }
}
