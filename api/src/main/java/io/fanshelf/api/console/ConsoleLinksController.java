package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.shelf.QrCodes;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Share links with their QR codes: list, revoke, download as CSV. */
@Controller
@ConsolePage
class ConsoleLinksController {
  private final ShareLinkService links;

  ConsoleLinksController(ShareLinkService links) {
    this.links = links;
  }

  @GetMapping("/console/links")
  public String list(@CurrentOwner OwnerId owner, Model model) throws IOException {
    List<ShareLink> active = links.list(owner, false);
    model.addAttribute(
        "links", links.views(owner, active.subList(0, Math.min(200, active.size()))));
    model.addAttribute("total", active.size());
    return "console/links";
  }

  @PostMapping("/console/links/{id}/revoke")
  public String revoke(@CurrentOwner OwnerId owner, @PathVariable("id") String id)
      throws IOException {
    links.revoke(owner, id);
    return "redirect:/console/links";
  }

  @GetMapping(path = "/console/links/{id}/qr.svg", produces = "image/svg+xml")
  public ResponseEntity<String> qr(@CurrentOwner OwnerId owner, @PathVariable("id") String id) {
    ShareLink link = links.get(owner, id);
    if (!link.active()) {
      throw ApiException.notFound("share link '" + id + "' is revoked");
    }
    return ResponseEntity.ok()
        .header("Cache-Control", "private, max-age=300")
        .body(QrCodes.svg(links.url(link)));
  }
}
