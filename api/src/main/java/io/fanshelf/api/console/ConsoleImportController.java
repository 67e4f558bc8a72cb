package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.owner.LabelImportService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.OwnerId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The label spreadsheet: upload, see every error and every change, then apply. The uploaded file
 * waits (up to an hour, for its owner only) under a random id between preview and apply.
 */
@Controller
@ConsolePage
class ConsoleImportController {
  private static final Duration KEEP = Duration.ofHours(1);

  private record Pending(OwnerId owner, Uploads upload, Instant at) {}

  private final LabelImportService imports;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  ConsoleImportController(LabelImportService imports) {
    this.imports = imports;
  }

  @GetMapping("/console/import")
  public String form() {
    return "console/import";
  }

  @PostMapping(path = "/console/import", consumes = "multipart/form-data")
  public String preview(
      @CurrentOwner OwnerId owner, @RequestParam("file") MultipartFile file, Model model)
      throws IOException {
    expire();
    Uploads upload = Uploads.save("file", file, "labels.csv", Set.of(".csv", ".csv.gz"));
    LabelImportService.Preview preview = imports.preview(owner, upload.file());
    if (preview.valid()) {
      String id = Tokens.id("");
      pending.put(id, new Pending(owner, upload, Instant.now()));
      model.addAttribute("pending", id);
    } else {
      upload.close();
    }
    model.addAttribute("preview", preview);
    return "console/import";
  }

  @PostMapping("/console/import/apply")
  public String apply(@CurrentOwner OwnerId owner, @RequestParam("pending") String id, Model model)
      throws IOException, ImportRejectedException {
    Pending waiting = pending.get(id);
    if (waiting == null || !waiting.owner().equals(owner)) {
      throw ApiException.notFound("this preview has expired; upload the file again");
    }
    pending.remove(id);
    try {
      model.addAttribute("preview", imports.apply(owner, waiting.upload().file()));
      model.addAttribute("applied", true);
    } finally {
      waiting.upload().close();
    }
    return "console/import";
  }

  private void expire() {
    Instant cutoff = Instant.now().minus(KEEP);
    pending
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().at().isBefore(cutoff)) {
                e.getValue().upload().close();
                return true;
              }
              return false;
            });
  }

  @PreDestroy
  void close() {
    pending.values().forEach(p -> p.upload().close());
    pending.clear();
  }
}
