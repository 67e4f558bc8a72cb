package io.fanshelf.api.shelf;

import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.owner.SegmentController.SegmentService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An owner's share links: make them for a fan or a segment, list, revoke, export. Thread-safe. */
@Service
public class ShareLinkService {
  private final ShareLinkStore links;
  private final FanService fans;
  private final SegmentService segments;
  private final String publicUrl;
  private final String buyUrl;

  public ShareLinkService(
      ShareLinkStore links,
      FanService fans,
      SegmentService segments,
      FanShelfProperties properties) {
    this.links = links;
    this.fans = fans;
    this.segments = segments;
    this.publicUrl = properties.publicUrl();
    this.buyUrl = properties.shelf().buyUrl();
  }

  /**
   * A share link as the owner sees it.
   *
   * @param id the link id, for revoking it and its QR code
   * @param fan the fan whose shelf it opens
   * @param nickname the owner's remark name for the fan, if any
   * @param url the address to send to the fan: /s/ and 43 random characters, nothing personal
   * @param segment the segment it was made for, if any
   * @param createdAt when it was made
   * @param revokedAt when it was revoked; absent while it works
   */
  public record LinkView(
      String id,
      String fan,
      String nickname,
      String url,
      String segment,
      java.time.Instant createdAt,
      java.time.Instant revokedAt) {}

  /** The active link of one of the owner's fans, made if needed. */
  public ShareLink forFan(OwnerId owner, FanId fan) throws IOException {
    fans.get(owner, fan);
    return links.ensure(owner, List.of(fan), Optional.empty()).getFirst();
  }

  /** The active link of every fan of a segment, made where needed. */
  public List<ShareLink> forSegment(OwnerId owner, String segmentId) throws IOException {
    Segment segment = segments.get(owner, segmentId);
    List<FanId> members = new ArrayList<>();
    fans.forEach(owner, segment.labels(), segment.unlabelled(), p -> members.add(p.fan().id()));
    return links.ensure(owner, members, Optional.of(segment.id()));
  }

  public List<ShareLink> list(OwnerId owner, boolean includeRevoked) {
    return links.list(owner).stream()
        .filter(l -> includeRevoked || l.active())
        .sorted(Comparator.comparing(ShareLink::createdAt).reversed())
        .toList();
  }

  public ShareLink get(OwnerId owner, String id) {
    return links.list(owner).stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("no share link '" + id + "'"));
  }

  public void revoke(OwnerId owner, String id) throws IOException {
    get(owner, id);
    if (links.revoke(owner, l -> l.id().equals(id)) == 0) {
      throw ApiException.notFound("share link '" + id + "' is already revoked");
    }
  }

  /** Revokes the links of every fan the segment selects now; returns how many. */
  public int revokeSegment(OwnerId owner, String segmentId) throws IOException {
    Set<FanId> members = members(owner, segmentId);
    return links.revoke(owner, l -> members.contains(l.fan()));
  }

  /** The links of the fans a segment selects now. */
  public List<ShareLink> forSegmentList(OwnerId owner, String segmentId, boolean includeRevoked)
      throws IOException {
    Set<FanId> members = members(owner, segmentId);
    return list(owner, includeRevoked).stream().filter(l -> members.contains(l.fan())).toList();
  }

  private Set<FanId> members(OwnerId owner, String segmentId) throws IOException {
    Segment segment = segments.get(owner, segmentId);
    Set<FanId> members = new HashSet<>();
    fans.forEach(owner, segment.labels(), segment.unlabelled(), p -> members.add(p.fan().id()));
    return members;
  }

  /** The URL a fan opens. */
  public String url(ShareLink link) {
    return base() + "/s/" + link.token();
  }

  /**
   * The product's page ({@code fanshelf.shelf.buy-url}) credited to the owner, for a post that many
   * fans read at once, such as a chat group: a share link is one fan's shelf, and posting it would
   * credit that fan with every reader's clicks.
   */
  public String productUrl(OwnerId owner, ProductId product) {
    String url =
        buyUrl
            .replace("{product}", URLEncoder.encode(product.value(), StandardCharsets.UTF_8))
            .replace("{owner}", URLEncoder.encode(owner.value(), StandardCharsets.UTF_8));
    return url.startsWith("/") ? base() + url : url;
  }

  private String base() {
    return publicUrl.isEmpty()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : publicUrl;
  }

  public List<LinkView> views(OwnerId owner, List<ShareLink> list) throws IOException {
    Map<FanId, String> nicknames = new HashMap<>();
    for (ShareLink link : list) {
      if (!nicknames.containsKey(link.fan())) {
        nicknames.put(link.fan(), fansNickname(owner, link.fan()));
      }
    }
    return list.stream()
        .map(
            l ->
                new LinkView(
                    l.id(),
                    l.fan().value(),
                    nicknames.get(l.fan()),
                    url(l),
                    l.segment().orElse(null),
                    l.createdAt(),
                    l.revokedAt().orElse(null)))
        .toList();
  }

  private String fansNickname(OwnerId owner, FanId fan) throws IOException {
    try {
      FanProfile profile = fans.get(owner, fan);
      return profile.fan().nickname().orElse("");
    } catch (ApiException e) {
      return "";
    }
  }

  /**
   * CSV of links: fan_id, nickname, url, created_at (RFC 4180, UTF-8 with BOM for spreadsheets).
   */
  public String csv(List<LinkView> views) {
    StringBuilder csv = new StringBuilder("\uFEFFfan_id,nickname,url,created_at\r\n");
    for (LinkView v : views) {
      csv.append(cell(v.fan()))
          .append(',')
          .append(cell(v.nickname() == null ? "" : v.nickname()))
          .append(',')
          .append(cell(v.url()))
          .append(',')
          .append(v.createdAt())
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String cell(String text) {
    boolean quote =
        text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    // A leading =, +, - or @ would run as a formula in a spreadsheet program.
    String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return quote || !safe.equals(text) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
