package io.fanshelf.api.shelf;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's share links: create for a fan or a segment, list, export, revoke, QR. */
@RestController
@Tag(name = ApiContract.SHARE_LINKS)
@RequestMapping("/api/v1/owner/links")
@OwnerOnly
class ShareLinkController {
  private final ShareLinkService links;

  ShareLinkController(ShareLinkService links) {
    this.links = links;
  }

  /**
   * Whose links to make: exactly one of {@code fan} or {@code segment}.
   *
   * @param fan a fan id of the owner's
   * @param segment a segment id: every fan it selects now
   */
  public record CreateLinks(String fan, String segment) {}

  /**
   * Makes share links.
   *
   * <p>The active link of the fan, or of every fan of the segment, made where a fan has none (one
   * active link per fan; an existing one is returned as it is).
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public List<ShareLinkService.LinkView> createShareLinks(
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
    return links.views(owner, made);
  }

  /**
   * Lists the owner's share links, newest first.
   *
   * @param segment only the links of the fans this segment selects now
   * @param revoked include revoked links
   */
  @GetMapping
  public List<ShareLinkService.LinkView> listShareLinks(
      @CurrentOwner OwnerId owner,
      @RequestParam(name = "segment", required = false) String segment,
      @RequestParam(name = "revoked", defaultValue = "false") boolean revoked)
      throws IOException {
    return links.views(owner, filtered(owner, segment, revoked));
  }

  /**
   * The active share links as CSV: fan_id, nickname, url, created_at, e.g. to send a segment's
   * links out.
   *
   * @param segment only the links of the fans this segment selects now
   */
  @GetMapping(path = "/export.csv", produces = "text/csv")
  @ApiResponse(
      responseCode = "200",
      description = "the CSV file (UTF-8, as an attachment)",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  public ResponseEntity<byte[]> exportShareLinks(
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

  /**
   * Revokes a share link: the fan's shelf no longer opens through it.
   *
   * @param id the link id
   */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void revokeShareLink(@CurrentOwner OwnerId owner, @PathVariable("id") String id)
      throws IOException {
    links.revoke(owner, id);
  }

  /**
   * What a revocation did.
   *
   * @param revoked how many links were revoked
   */
  public record Revoked(int revoked) {}

  /**
   * Revokes the share links of every fan a segment selects now.
   *
   * @param segment the segment id
   */
  @DeleteMapping
  public Revoked revokeSegmentShareLinks(
      @CurrentOwner OwnerId owner, @RequestParam("segment") String segment) throws IOException {
    return new Revoked(links.revokeSegment(owner, segment));
  }

  /**
   * The QR code of an active share link, as SVG.
   *
   * @param id the link id
   */
  @GetMapping(path = "/{id}/qr.svg", produces = "image/svg+xml")
  @ApiResponse(
      responseCode = "200",
      description = "the QR code",
      content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")))
  public String getShareLinkQrCode(@CurrentOwner OwnerId owner, @PathVariable("id") String id) {
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
