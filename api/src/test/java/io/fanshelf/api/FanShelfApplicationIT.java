package io.fanshelf.api;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.shelf.ShelfService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole service over HTTP: an app, an owner and a fan, each doing their part. */
class FanShelfApplicationIT extends ItBase {
  @Autowired ShelfService shelves;

  @Test
  void anAppAnOwnerAndAFan() throws Exception {
    // The platform makes a key for its app.
    HttpResponse<String> created =
        send(
            json(
                "/api/v1/admin/api-keys",
                "POST",
                apiKey(Scope.ADMIN),
                "{\"name\": \"mini-program\", \"scopes\": [\"events:write\", \"recommend:read\"]}"));
    Assertions.assertEquals(201, created.statusCode(), created.body());
    String app = "Bearer " + JsonPath.read(created.body(), "$.key");

    // The app sends events and asks for recommendations.
    HttpResponse<String> events =
        send(
            json(
                "/api/v1/events",
                "POST",
                app,
                "{\"events\": [{\"id\": \"it-e-1\", \"fan\": \"fan-0002\", \"product\": \"bh-005\","
                    + " \"type\": \"cart\", \"time\": \"2026-11-02T10:00:00Z\", \"owner\": \"shop-lily\"}]}"));
    Assertions.assertEquals(200, events.statusCode(), events.body());
    Assertions.assertEquals(1, (int) JsonPath.read(events.body(), "$.added"));
    HttpResponse<String> recommended =
        send(
            request("/api/v1/recommendations?owner=shop-lily&fan=fan-0002&limit=4")
                .header("Authorization", app)
                .GET());
    Assertions.assertEquals(200, recommended.statusCode(), recommended.body());
    List<String> products = JsonPath.read(recommended.body(), "$.items[*].product");
    Assertions.assertEquals(4, products.size());

    // The owner signs in, labels the fan and makes a share link.
    HttpResponse<String> signedIn =
        send(
            request("/api/v1/auth/token")
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"owner\": \"shop-lily\", \"password\": \""
                            + ApiTestBase.PASSWORD
                            + "\"}")));
    String owner = "Bearer " + JsonPath.read(signedIn.body(), "$.token");
    Assertions.assertEquals(
        200,
        send(json(
                "/api/v1/owner/fans/fan-0002/labels/skin_type",
                "PUT",
                owner,
                "{\"values\": [\"干皮\"]}"))
            .statusCode());
    HttpResponse<String> link =
        send(json("/api/v1/owner/links", "POST", owner, "{\"fan\": \"fan-0002\"}"));
    Assertions.assertEquals(201, link.statusCode(), link.body());
    String url = JsonPath.read(link.body(), "$[0].url");
    Assertions.assertTrue(url.startsWith(base() + "/s/"), url);

    // The fan opens the shelf and clicks an item.
    HttpResponse<String> shelf =
        send(request(url.substring(base().length())).header("Accept-Language", "zh-CN").GET());
    Assertions.assertEquals(200, shelf.statusCode());
    Assertions.assertTrue(shelf.body().contains("莉莉美妆小铺"));
    Matcher href = Pattern.compile("href=\"(/s/[^\"]+/go/[^\"]+)\"").matcher(shelf.body());
    Assertions.assertTrue(href.find(), "the shelf links its products");
    HttpResponse<String> click = send(request(href.group(1).replace("&amp;", "&")).GET());
    Assertions.assertEquals(302, click.statusCode());
    Assertions.assertTrue(
        click.headers().firstValue("Location").orElseThrow().contains("ref=shop-lily"));
    shelves.flush();

    // The owner sees the page view, the click and the app's cart.
    HttpResponse<String> stats =
        send(request("/api/v1/owner/fans/fan-0002/stats").header("Authorization", owner).GET());
    Assertions.assertEquals(1, (int) JsonPath.read(stats.body(), "$.pageViews"), stats.body());
    Assertions.assertEquals(
        2, (int) JsonPath.read(stats.body(), "$.clicks"), stats.body()); // one in the fixture
    Assertions.assertEquals(1, (int) JsonPath.read(stats.body(), "$.carts"), stats.body());

    // Operations.
    Assertions.assertEquals(200, send(request("/actuator/health/readiness").GET()).statusCode());
    String metrics = send(request("/actuator/prometheus").GET()).body();
    Assertions.assertTrue(
        metrics.contains("fanshelf_recommend_seconds_count{"), "recommendation latency");
    Assertions.assertTrue(metrics.contains("fanshelf_shelf_cache_total{"), "cache hit rate");
  }
}
