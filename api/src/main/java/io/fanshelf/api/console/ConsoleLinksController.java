package io.fanshelf.api.console;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.owner.FanDirectory;
import io.fanshelf.api.shelf.QrCodes;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Share links: a searchable list in numbered pages (one row per link, its QR code drawn only when
 * the owner opens it), copy buttons, all of a segment's links as text to paste, revoke after a
 * confirmation.
 */
@Controller
@ConsolePage
class ConsoleLinksController {
  static final int PAGE_SIZE = 50;

  private final ShareLinkService links;
  private final FanDirectory directory;

  ConsoleLinksController(ShareLinkService links, FanDirectory directory) {
    this.links = links;
    this.directory = directory;
  }

  /**
   * The owner's active links, newest first: {@code q} searches fan id and nickname, {@code segment}
   * keeps the links of the fans a segment selects now.
   */
  @GetMapping("/console/links")
  public String list(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "q", defaultValue = "") String q,
      @RequestParam(name = "segment", defaultValue = "") String segment,
      @RequestParam(name = "page", defaultValue = "1") String page,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      Model model)
      throws IOException {
    if (q.length() > 100) {
      throw ApiException.badRequest("q", "expected at most 100 characters, got " + q.length());
    }
    List<ShareLink> shown =
        segment.isBlank() ? links.list(owner, false) : links.forSegmentList(owner, segment, false);
    if (!q.isBlank()) {
      Set<FanId> found = new HashSet<>(directory.matching(owner, Map.of(), q));
      shown = shown.stream().filter(l -> found.contains(l.fan())).toList();
    }
    int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(pageNumber(page), pages);
    int from = (current - 1) * PAGE_SIZE;
    model.addAttribute(
        "links", links.views(owner, shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE))));
    model.addAttribute("total", shown.size());
    model.addAttribute("pageNumber", current);
    model.addAttribute("pages", pages);
    model.addAttribute("q", q.strip());
    model.addAttribute("segment", segment.strip());
    model.addAttribute("baseUrl", baseUrl(q.strip(), segment.strip()));
    if (!segment.isBlank()) {
      model.addAttribute("allText", text(links.views(owner, shown), texts));
    }
    return "console/links";
  }

  private static int pageNumber(String value) {
    try {
      int page = Integer.parseInt(value.strip());
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiException.badRequest("page", "expected a page number from 1, got '" + value + "'");
  }

  /** The list's address without the page, ready for "&page=N". */
  private static String baseUrl(String q, String segment) {
    return "/console/links?q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + "&segment="
        + URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }

  /** One line per link, "nickname (fan id): url", ready to paste into a chat or a note. */
  static String text(List<ShareLinkService.LinkView> views, ConsoleErrors texts) {
    StringBuilder text = new StringBuilder();
    for (ShareLinkService.LinkView view : views) {
      String who =
          view.nickname() == null || view.nickname().isBlank()
              ? view.fan()
              : texts.message("links.line", view.nickname(), view.fan());
      text.append(who).append(": ").append(view.url()).append('\n');
    }
    return text.toString();
  }

  @PostMapping("/console/links/{id}/revoke")
  public String revoke(
      @CurrentOwner OwnerId owner,
      @PathVariable("id") String id,
      @RequestParam(name = ConfirmStep.CONFIRMED, defaultValue = "false") boolean confirmed,
      @ModelAttribute(name = "errorTexts", binding = false) ConsoleErrors texts,
      Model model)
      throws IOException {
    ShareLink link = links.get(owner, id);
    if (!confirmed) {
      return new ConfirmStep(
              "/console/links/" + link.id() + "/revoke",
              texts.message("links.confirmRevoke", link.fan().value()),
              texts.message("links.revoke"),
              "/console/links?q=" + URLEncoder.encode(link.fan().value(), StandardCharsets.UTF_8),
              List.of())
          .show(model);
    }
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
