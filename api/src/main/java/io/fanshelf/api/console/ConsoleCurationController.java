package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.owner.CurationController;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.ScoredProduct;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pins and blocks, with a catalog search to find products. */
@Controller
@ConsolePage
class ConsoleCurationController {
  private final CurationController curation;
  private final Indexer indexer;

  ConsoleCurationController(CurationController curation, Indexer indexer) {
    this.curation = curation;
    this.indexer = indexer;
  }

  @GetMapping("/console/curation")
  public String page(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "q", required = false) String q,
      Model model)
      throws IOException {
    model.addAttribute("curation", curation.getCuration(owner));
    List<Product> found = new ArrayList<>();
    if (q != null && !q.isBlank()) {
      for (ScoredProduct hit :
          indexer.store().catalog().search(CatalogQuery.builder(20).text(q).build())) {
        indexer.store().catalog().get(hit.id()).ifPresent(found::add);
      }
    }
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("found", found);
    return "console/curation";
  }

  @PostMapping("/console/curation")
  public String change(
      @CurrentOwner OwnerId owner,
      @RequestParam("product") String product,
      @RequestParam("action") String action)
      throws IOException {
    switch (action) {
      case "pin" -> curation.pinProduct(owner, product);
      case "unpin" -> curation.unpinProduct(owner, product);
      case "block" -> curation.blockProduct(owner, product);
      default -> curation.unblockProduct(owner, product);
    }
    return "redirect:/console/curation";
  }
}
