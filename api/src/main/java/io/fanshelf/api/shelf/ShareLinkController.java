package io.fanshelf.api.shelf;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's share links: create for a fan or a segment, list, export, revoke, QR. */
@RestController
@RequestMapping("/api/v1/owner/links")
@OwnerOnly
public class ShareLinkController {
  private final ShareLinkService links;

  public ShareLinkController(ShareLinkService links) {
    this.links = links;
  }

  /** Exactly one of {@code fan} (a fan id) or {@code segment} (a segment id). */
  public record CreateLinks(String fan, String segment) {}

  @PostMapping
  public ResponseEntity<List<ShareLinkService.LinkView>> create(
      @CurrentOwner OwnerId owner, @RequestBody CreateLinks body) throws IOException {
    boolean byFan = body.fan() != null && !body.fan().isBlank();
    boolean bySegment = body.segment() != null && !body.segment().isBlank();
    if (byFan == bySegment) {
      throw ApiException.badRequest("fan", "expected either 'fan' (a fan id) or 'segment'");
    }
    List<ShareLink> made =
        byFan
            ? List.of(links.forFan(owner, Params.fan("fan", body.fan())))
            : links.forSegment(owner, body.segment());
    return ResponseEntity.status(HttpStatus.CREATED).body(links.views(owner, made));
  }

  @GetMapping
  public List<ShareLinkService.LinkView> list(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "segment", required = false) String segment,
      @RequestParam(name = "revoked", defaultValue = "false") boolean revoked)
      throws IOException {
    return links.views(owner, filtered(owner, segment, revoked));
  }

  /** The links as CSV (fan_id, nickname, url, created_at), e.g. to send a segment's links out. */
  @GetMapping(path = "/export.csv")
  public ResponseEntity<byte[]> export(
      @CurrentOwner OwnerId owner, @RequestParam(name = "segment", required = false) String segment)
      throws IOException {
    String csv = links.csv(links.views(owner, filtered(owner, segment, false)));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"share-links"
                + (segment == null ? "" : "-" + segment)
                + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> revoke(@CurrentOwner OwnerId owner, @PathVariable("id") String id)
      throws IOException {
    links.revoke(owner, id);
    return ResponseEntity.noContent().build();
  }

  /**
   * @param revoked how many links were revoked
   */
  public record Revoked(int revoked) {}

  /** Revokes the links of every fan a segment selects. */
  @DeleteMapping
  public Revoked revokeSegment(@CurrentOwner OwnerId owner, @RequestParam("segment") String segment)
      throws IOException {
    return new Revoked(links.revokeSegment(owner, segment));
  }

  @GetMapping(path = "/{id}/qr.svg", produces = "image/svg+xml")
  public String qr(@CurrentOwner OwnerId owner, @PathVariable("id") String id) {
    ShareLink link = links.get(owner, id);
    if (!link.active()) {
      throw ApiException.notFound("share link '" + id + "' is revoked");
    }
    return QrCodes.svg(links.url(link));
  }

  private List<ShareLink> filtered(OwnerId owner, String segment, boolean revoked)
      throws IOException {
    if (segment != null && !segment.isBlank()) {
      return links.forSegmentList(owner, segment, revoked);
    }
    return links.list(owner, revoked);
  }
}
