package io.fanshelf.api;

import io.fanshelf.api.auth.ConsolePage;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.owner.CurationStore;
import io.fanshelf.api.owner.SegmentController.SegmentRequest;
import io.fanshelf.api.owner.SegmentController.SegmentService;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every owner endpoint (REST and console), found by reflection over the request mappings, is called
 * by shop-mu with shop-lily's ids: a fan only Lily has, Lily's segment, Lily's share link. Each
 * call must be refused (400/403/404) or act only on Mu's own data, no response may contain any of
 * Lily's data, and Lily's data must be unchanged afterwards. An owner endpoint missing from the
 * table below fails the test, so a new endpoint cannot skip this check.
 */
class CrossOwnerIT extends ItBase {
  private static final OwnerId LILY = OwnerId.of("shop-lily");
  private static final OwnerId MU = OwnerId.of("shop-mu");
  private static final String LILY_FAN = "fan-0004";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired SegmentService segments;
  @Autowired ShareLinkService links;
  @Autowired CurationStore curation;
  @Autowired Indexer indexer;

  private enum Expect {
    /** Must be refused: 400, 403 or 404. */
    DENY,
    /** May succeed, on Mu's own data only. */
    OWN
  }

  /** A request and what it sent (the URI and body), which the response may echo back. */
  private record Req(HttpRequest.Builder builder, String sent) {}

  private record Call(Expect expect, Req request) {}

  @Test
  void anotherOwnersCredentialsAndIdsGetNothing() throws Exception {
    String segment =
        segments
            .save(
                LILY,
                Optional.empty(),
                new SegmentRequest(
                    "lily-secret-segment", Map.of("skin_type", List.of("combination")), List.of()))
            .id();
    ShareLink link = links.forFan(LILY, FanId.of(LILY_FAN));
    curation.pin(LILY, ProductId.of("bh-004"));
    var labelsBefore = indexer.store().fans().get(LILY, FanId.of(LILY_FAN)).orElseThrow().labels();
    List<String> secrets =
        List.of(
            LILY_FAN, "Coco", "王小美", "李姐", segment, "lily-secret-segment", link.id(), link.token());

    String token = owner(MU);
    String session = consoleSession();
    String csrf = csrf(session);
    Map<String, List<Call>> table = table(token, session, csrf, segment, link);

    List<String> failures = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      boolean ownerOnly =
          AnnotatedElementUtils.hasAnnotation(handler.getMethod(), OwnerOnly.class)
              || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), OwnerOnly.class)
              || handler.getBeanType().isAnnotationPresent(ConsolePage.class);
      if (!ownerOnly) {
        continue;
      }
      for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
        Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          failures.add(pattern + " accepts every HTTP method; give it one");
        }
        for (RequestMethod method : methods) {
          String key = method + " " + pattern;
          seen.add(key);
          List<Call> calls = table.get(key);
          if (calls == null) {
            failures.add(key + " is an owner endpoint missing from CrossOwnerIT's table");
            continue;
          }
          for (Call call : calls) {
            HttpResponse<String> response = send(call.request().builder());
            int status = response.statusCode();
            String what = key + " -> " + status;
            if (call.expect() == Expect.DENY
                && !(status == 400 || status == 403 || status == 404)) {
              failures.add(what + ": expected 400, 403 or 404");
            }
            if (status >= 500) {
              failures.add(what + ": server error " + response.body());
            }
            for (String secret : secrets) {
              // Echoing an id the caller sent reveals nothing; anything else of Lily's does.
              boolean echoed = call.request().sent().contains(secret);
              if (!echoed
                  && (response.body().contains(secret)
                      || response.headers().allValues("Location").stream()
                          .anyMatch(l -> l.contains(secret)))) {
                failures.add(what + ": response reveals '" + secret + "'");
              }
            }
          }
        }
      }
    }
    Set<String> stale = new TreeSet<>(table.keySet());
    stale.removeAll(seen);
    if (!stale.isEmpty()) {
      failures.add("table entries for endpoints that do not exist: " + stale);
    }
    Assertions.assertTrue(seen.size() > 40, "found only " + seen.size() + " owner endpoints");
    Assertions.assertEquals(List.of(), failures, String.join("\n", failures));

    // Lily's data is as it was.
    Assertions.assertEquals(
        labelsBefore, indexer.store().fans().get(LILY, FanId.of(LILY_FAN)).orElseThrow().labels());
    Assertions.assertTrue(segments.list(LILY).stream().anyMatch(s -> s.id().equals(segment)));
    Assertions.assertTrue(links.get(LILY, link.id()).active());
    Assertions.assertEquals(List.of(ProductId.of("bh-004")), curation.forOwner(LILY).pins());
    Assertions.assertTrue(
        indexer.store().fans().get(MU, FanId.of(LILY_FAN)).isEmpty(), "Mu did not gain Lily's fan");
  }

  private Map<String, List<Call>> table(
      String token, String session, String csrf, String segment, ShareLink link) throws Exception {
    String fan = LILY_FAN;
    Map<String, List<Call>> t = new LinkedHashMap<>();
    // REST, with Mu's owner token.
    t.put(
        "GET /api/v1/owner/fans",
        List.of(own(rest("GET", "/api/v1/owner/fans?size=1000", token, null))));
    t.put(
        "GET /api/v1/owner/fans/{fan}",
        List.of(deny(rest("GET", "/api/v1/owner/fans/" + fan, token, null))));
    t.put(
        "GET /api/v1/owner/fans/{fan}/stats",
        List.of(deny(rest("GET", "/api/v1/owner/fans/" + fan + "/stats", token, null))));
    t.put(
        "PUT /api/v1/owner/fans/{fan}/labels/{dimension}",
        List.of(
            deny(
                rest(
                    "PUT",
                    "/api/v1/owner/fans/" + fan + "/labels/skin_type",
                    token,
                    "{\"values\": [\"dry\"]}"))));
    t.put(
        "DELETE /api/v1/owner/fans/{fan}/labels/{dimension}",
        List.of(
            deny(rest("DELETE", "/api/v1/owner/fans/" + fan + "/labels/skin_type", token, null))));
    t.put(
        "POST /api/v1/owner/labels/bulk",
        List.of(
            deny(
                rest(
                    "POST",
                    "/api/v1/owner/labels/bulk",
                    token,
                    "{\"fans\": [\""
                        + fan
                        + "\"], \"dimension\": \"skin_type\", \"values\": [\"dry\"]}")),
            deny(
                rest(
                    "POST",
                    "/api/v1/owner/labels/bulk",
                    token,
                    "{\"segment\": \""
                        + segment
                        + "\", \"dimension\": \"skin_type\", \"values\": [\"dry\"]}"))));
    var sheet =
        multipart("file", "labels.csv", "owner_id,fan_id,skin_type\nshop-lily," + fan + ",dry\n");
    t.put(
        "POST /api/v1/owner/labels/import",
        List.of(
            deny(
                new Req(
                    request("/api/v1/owner/labels/import?dryRun=false")
                        .header("Authorization", token)
                        .header("Content-Type", sheet.contentType())
                        .POST(sheet.publisher()),
                    sheet.body()))));
    t.put(
        "GET /api/v1/owner/segments",
        List.of(own(rest("GET", "/api/v1/owner/segments", token, null))));
    t.put(
        "POST /api/v1/owner/segments",
        List.of(own(rest("POST", "/api/v1/owner/segments", token, "{\"name\": \"mu's own\"}"))));
    t.put(
        "GET /api/v1/owner/segments/{id}",
        List.of(deny(rest("GET", "/api/v1/owner/segments/" + segment, token, null))));
    t.put(
        "PUT /api/v1/owner/segments/{id}",
        List.of(
            deny(
                rest("PUT", "/api/v1/owner/segments/" + segment, token, "{\"name\": \"taken\"}"))));
    t.put(
        "DELETE /api/v1/owner/segments/{id}",
        List.of(deny(rest("DELETE", "/api/v1/owner/segments/" + segment, token, null))));
    t.put(
        "GET /api/v1/owner/segments/{id}/fans",
        List.of(deny(rest("GET", "/api/v1/owner/segments/" + segment + "/fans", token, null))));
    t.put(
        "GET /api/v1/owner/segments/{id}/stats",
        List.of(deny(rest("GET", "/api/v1/owner/segments/" + segment + "/stats", token, null))));
    t.put(
        "GET /api/v1/owner/curation",
        List.of(own(rest("GET", "/api/v1/owner/curation", token, null))));
    t.put(
        "PUT /api/v1/owner/curation/pins/{product}",
        List.of(own(rest("PUT", "/api/v1/owner/curation/pins/bh-017", token, null))));
    t.put(
        "DELETE /api/v1/owner/curation/pins/{product}",
        List.of(deny(rest("DELETE", "/api/v1/owner/curation/pins/bh-004", token, null))));
    t.put(
        "PUT /api/v1/owner/curation/blocks/{product}",
        List.of(own(rest("PUT", "/api/v1/owner/curation/blocks/bh-016", token, null))));
    t.put(
        "DELETE /api/v1/owner/curation/blocks/{product}",
        List.of(own(rest("DELETE", "/api/v1/owner/curation/blocks/bh-016", token, null))));
    t.put(
        "POST /api/v1/owner/links",
        List.of(
            deny(rest("POST", "/api/v1/owner/links", token, "{\"fan\": \"" + fan + "\"}")),
            deny(
                rest("POST", "/api/v1/owner/links", token, "{\"segment\": \"" + segment + "\"}"))));
    t.put(
        "GET /api/v1/owner/links",
        List.of(
            own(rest("GET", "/api/v1/owner/links?revoked=true", token, null)),
            deny(rest("GET", "/api/v1/owner/links?segment=" + segment, token, null))));
    t.put(
        "GET /api/v1/owner/links/export.csv",
        List.of(
            own(rest("GET", "/api/v1/owner/links/export.csv", token, null)),
            deny(rest("GET", "/api/v1/owner/links/export.csv?segment=" + segment, token, null))));
    t.put(
        "DELETE /api/v1/owner/links/{id}",
        List.of(deny(rest("DELETE", "/api/v1/owner/links/" + link.id(), token, null))));
    t.put(
        "DELETE /api/v1/owner/links",
        List.of(deny(rest("DELETE", "/api/v1/owner/links?segment=" + segment, token, null))));
    t.put(
        "GET /api/v1/owner/links/{id}/qr.svg",
        List.of(deny(rest("GET", "/api/v1/owner/links/" + link.id() + "/qr.svg", token, null))));
    t.put("GET /api/v1/owner/stats", List.of(own(rest("GET", "/api/v1/owner/stats", token, null))));
    // Signing out ends only the token it is sent with: use a token of its own.
    t.put(
        "DELETE /api/v1/auth/token",
        List.of(own(rest("DELETE", "/api/v1/auth/token", owner(MU), null))));
    // Console, with Mu's session cookie and its CSRF value.
    t.put(
        "GET /console/fans",
        List.of(
            own(page("/console/fans", session)),
            own(page("/console/fans?f.skin_type=combination", session)),
            // Searching for part of Lily's fan's nickname finds none of Lily's fans.
            own(page("/console/fans?q=" + enc("小美") + "&sort=active", session))));
    t.put(
        "POST /console/fans/bulk",
        List.of(
            deny(
                form(
                    "/console/fans/bulk",
                    session,
                    csrf,
                    "fan",
                    fan,
                    "dimension",
                    "skin_type",
                    "value",
                    "dry"))));
    t.put("GET /console/fans/{fan}", List.of(deny(page("/console/fans/" + fan, session))));
    t.put(
        "POST /console/fans/{fan}/labels",
        List.of(
            deny(
                form(
                    "/console/fans/" + fan + "/labels",
                    session,
                    csrf,
                    "dimension",
                    "skin_type",
                    "value",
                    "dry"))));
    t.put(
        "POST /console/fans/{fan}/link",
        List.of(deny(form("/console/fans/" + fan + "/link", session, csrf))));
    t.put(
        "GET /console/links",
        List.of(
            own(page("/console/links", session)),
            own(page("/console/links?q=" + enc("小美"), session))));
    t.put(
        "POST /console/links/{id}/revoke",
        List.of(deny(form("/console/links/" + link.id() + "/revoke", session, csrf))));
    t.put(
        "GET /console/links/{id}/qr.svg",
        List.of(deny(page("/console/links/" + link.id() + "/qr.svg", session))));
    t.put("GET /console/import", List.of(own(page("/console/import", session))));
    t.put(
        "GET /console/import/template.csv",
        List.of(own(page("/console/import/template.csv", session))));
    var consoleSheet =
        multipart(
            "file",
            "labels.csv",
            "owner_id,fan_id,skin_type\nshop-lily," + fan + ",dry\n",
            "_csrf",
            csrf);
    t.put(
        "POST /console/import",
        List.of(
            own(
                new Req(
                    request("/console/import")
                        .header("Cookie", session)
                        .header("Content-Type", consoleSheet.contentType())
                        .POST(consoleSheet.publisher()),
                    consoleSheet.body()))));
    t.put(
        "POST /console/import/apply",
        List.of(
            deny(form("/console/import/apply", session, csrf, "pending", "not-a-pending-upload"))));
    t.put("GET /console/segments", List.of(own(page("/console/segments", session))));
    t.put(
        "POST /console/segments",
        List.of(own(form("/console/segments", session, csrf, "name", "mu console segment"))));
    t.put(
        "POST /console/segments/{id}/delete",
        List.of(deny(form("/console/segments/" + segment + "/delete", session, csrf))));
    t.put(
        "POST /console/segments/{id}/label",
        List.of(
            deny(
                form(
                    "/console/segments/" + segment + "/label",
                    session,
                    csrf,
                    "dimension",
                    "skin_type",
                    "value",
                    "dry"))));
    t.put(
        "POST /console/segments/{id}/links",
        List.of(deny(form("/console/segments/" + segment + "/links", session, csrf))));
    t.put(
        "POST /console/segments/{id}/revoke",
        List.of(deny(form("/console/segments/" + segment + "/revoke", session, csrf))));
    t.put("GET /console/curation", List.of(own(page("/console/curation?q=bh", session))));
    t.put(
        "POST /console/curation",
        List.of(
            own(form("/console/curation", session, csrf, "product", "bh-004", "action", "unpin"))));
    t.put("GET /console/stats", List.of(own(page("/console/stats", session))));
    String october = "from=2026-10-01&to=2026-10-31";
    t.put(
        "GET /api/v1/owner/funnel",
        List.of(
            own(rest("GET", "/api/v1/owner/funnel?" + october, token, null)),
            deny(rest("GET", "/api/v1/owner/funnel?segment=" + segment, token, null))));
    t.put(
        "GET /console/funnel",
        List.of(
            own(page("/console/funnel?" + october, session)),
            deny(page("/console/funnel?segment=" + segment, session))));
    t.put(
        "GET /console/funnel/export.csv",
        List.of(
            own(page("/console/funnel/export.csv?" + october, session)),
            deny(page("/console/funnel/export.csv?segment=" + segment, session))));
    // who to message today: Mu's own list; Lily's fan is not Mu's to mark, opt out or message
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    t.put(
        "GET /api/v1/owner/outreach",
        List.of(own(rest("GET", "/api/v1/owner/outreach", token, null))));
    t.put(
        "GET /api/v1/owner/outreach/export.csv",
        List.of(own(rest("GET", "/api/v1/owner/outreach/export.csv", token, null))));
    t.put(
        "POST /api/v1/owner/outreach/sent",
        List.of(
            deny(
                rest(
                    "POST",
                    "/api/v1/owner/outreach/sent",
                    token,
                    "{\"date\":\""
                        + today
                        + "\",\"messages\":[{\"fan\":\""
                        + LILY_FAN
                        + "\",\"product\":\"bh-004\",\"reason\":\"lapsed\"}]}"))));
    t.put(
        "GET /api/v1/owner/outreach/opt-outs",
        List.of(own(rest("GET", "/api/v1/owner/outreach/opt-outs", token, null))));
    t.put(
        "PUT /api/v1/owner/outreach/opt-outs/{fan}",
        List.of(deny(rest("PUT", "/api/v1/owner/outreach/opt-outs/" + LILY_FAN, token, null))));
    t.put(
        "DELETE /api/v1/owner/outreach/opt-outs/{fan}",
        List.of(deny(rest("DELETE", "/api/v1/owner/outreach/opt-outs/" + LILY_FAN, token, null))));
    t.put(
        "GET /api/v1/owner/outreach/templates",
        List.of(own(rest("GET", "/api/v1/owner/outreach/templates", token, null))));
    t.put(
        "PUT /api/v1/owner/outreach/templates",
        List.of(own(rest("PUT", "/api/v1/owner/outreach/templates", token, "{}"))));
    t.put("GET /console/outreach", List.of(own(page("/console/outreach", session))));
    t.put(
        "POST /console/outreach/sent",
        List.of(
            deny(
                form(
                    "/console/outreach/sent",
                    session,
                    csrf,
                    "date",
                    today,
                    "fan",
                    LILY_FAN,
                    "product",
                    "bh-004",
                    "reason",
                    "lapsed"))));
    t.put(
        "POST /console/outreach/opt-out",
        List.of(deny(form("/console/outreach/opt-out", session, csrf, "fan", LILY_FAN))));
    t.put(
        "POST /console/outreach/templates",
        List.of(own(form("/console/outreach/templates", session, csrf))));
    // label suggestions: Mu's own; a suggestion for Lily's fan cannot be accepted or rejected
    String lilysSuggestion =
        "{\"items\":[{\"fan\":\""
            + LILY_FAN
            + "\",\"dimension\":\"skin_type\",\"value\":\"dry\"}]}";
    t.put(
        "GET /api/v1/owner/suggestions",
        List.of(own(rest("GET", "/api/v1/owner/suggestions", token, null))));
    t.put(
        "POST /api/v1/owner/suggestions/accept",
        List.of(deny(rest("POST", "/api/v1/owner/suggestions/accept", token, lilysSuggestion))));
    t.put(
        "POST /api/v1/owner/suggestions/reject",
        List.of(deny(rest("POST", "/api/v1/owner/suggestions/reject", token, lilysSuggestion))));
    t.put("GET /console/suggestions", List.of(own(page("/console/suggestions", session))));
    t.put(
        "POST /console/suggestions",
        List.of(
            deny(
                form(
                    "/console/suggestions",
                    session,
                    csrf,
                    "pick",
                    LILY_FAN + "|skin_type|dry",
                    "decision",
                    "accept"))));
    return t;
  }

  private static Call deny(Req request) {
    return new Call(Expect.DENY, request);
  }

  private static Call own(Req request) {
    return new Call(Expect.OWN, request);
  }

  private Req rest(String method, String path, String token, String body) {
    return new Req(json(path, method, token, body == null ? "" : body), path + " " + body);
  }

  private Req page(String path, String session) {
    return new Req(request(path).header("Cookie", session).GET(), path);
  }

  private Req form(String path, String session, String csrf, String... fields) {
    StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
    }
    return new Req(
        request(path)
            .header("Cookie", session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        path + " " + String.join(" ", fields));
  }

  private String consoleSession() throws Exception {
    HttpResponse<String> response = send(signInForm("shop-mu", ApiTestBase.PASSWORD));
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private String csrf(String session) throws Exception {
    Matcher m =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(send(page("/console/fans", session).builder()).body());
    Assertions.assertTrue(m.find(), "console pages carry the CSRF value");
    return m.group(1);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
