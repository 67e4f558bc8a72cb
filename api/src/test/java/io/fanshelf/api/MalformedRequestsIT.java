package io.fanshelf.api;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.auth.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Requests that the servlet container itself parses, sent over real HTTP because MockMvc decodes
 * query strings and multipart bodies its own lenient way: each was answered 500 once (issue 16).
 */
class MalformedRequestsIT extends ItBase {

  @Test
  void aQueryParameterThatIsNotUtf8IsABadRequestNamingIt() throws Exception {
    String key = apiKey(Scope.RECOMMEND_READ);
    for (String query :
        new String[] {
          "owner=shop-lily&fan=fan-0001&need=%FF", "owner=shop-lily&fan=fan-0001&need=%C0%AF"
        }) {
      HttpResponse<String> answer =
          send(request("/api/v1/recommendations?" + query).header("Authorization", key).GET());
      Assertions.assertEquals(400, answer.statusCode(), answer.body());
      Assertions.assertEquals("need", JsonPath.read(answer.body(), "$.field"));
    }
  }

  @Test
  void aMultipartBodyWithoutBoundaryOrCutOffIsABadRequest() throws Exception {
    String lily = owner(ApiTestBase.LILY);
    HttpResponse<String> noBoundary =
        send(
            request("/api/v1/owner/labels/import")
                .header("Authorization", lily)
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("fan_id,skin_type\nfan-0005,dry\n")));
    Assertions.assertEquals(400, noBoundary.statusCode(), noBoundary.body());
    Assertions.assertTrue(
        noBoundary.body().contains("multipart/form-data body could not be read"),
        noBoundary.body());

    Multipart labels =
        multipart("labels", "labels.csv", "owner_id,fan_id,skin_type\nshop-lily,fan-0005,dry\n");
    String cutOff = labels.body().substring(0, labels.body().indexOf("fan-0005"));
    HttpResponse<String> truncated =
        send(
            request("/api/v1/admin/import")
                .header("Authorization", apiKey(Scope.ADMIN))
                .header("Content-Type", labels.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(cutOff)));
    Assertions.assertEquals(400, truncated.statusCode(), truncated.body());
  }

  @Test
  void aFileNameWithANulIsABadRequestNamingTheFile() throws Exception {
    Multipart sheet = multipart("file", "labels\0.csv", "fan_id,skin_type\nfan-0005,dry\n");
    HttpResponse<String> answer =
        send(
            request("/api/v1/owner/labels/import")
                .header("Authorization", owner(ApiTestBase.LILY))
                .header("Content-Type", sheet.contentType())
                .POST(sheet.publisher()));
    Assertions.assertEquals(400, answer.statusCode(), answer.body());
    // The container's multipart parser refuses the name itself, before any part has a name.
    Assertions.assertTrue(answer.body().contains("labels\\\\0.csv"), answer.body());
  }

  @Test
  void aSignInFormThatIsNotUtf8ShowsTheSignInPageWithA400() throws Exception {
    for (String body : new String[] {"owner=%FF&password=x", "owner=shop-lily&password=%C0%AF"}) {
      HttpResponse<String> answer =
          send(
              request("/console/login")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      Assertions.assertEquals(400, answer.statusCode(), answer.body());
      Assertions.assertTrue(answer.body().contains("id=\"sign-in\""), answer.body());
      Assertions.assertTrue(
          answer.body().contains("valid UTF-8 once percent-decoded"), answer.body());
    }
    HttpResponse<String> query = send(request("/console/login?lang=%FF").GET());
    Assertions.assertEquals(400, query.statusCode(), query.body());
    Assertions.assertTrue(query.body().contains("id=\"sign-in\""), query.body());
  }

  @Test
  void aConsoleFormThatIsNotUtf8ShowsTheConsoleErrorPage() throws Exception {
    HttpResponse<String> signedIn = send(signInForm("shop-anna", ApiTestBase.PASSWORD));
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    String session = cookie.substring(0, cookie.indexOf(';'));
    Matcher csrf =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(send(request("/console/segments").header("Cookie", session).GET()).body());
    Assertions.assertTrue(csrf.find(), "console pages carry the CSRF value");
    for (String body : new String[] {"_csrf=" + csrf.group(1) + "&name=%FF", "_csrf=%FF"}) {
      HttpResponse<String> answer =
          send(
              request("/console/segments")
                  .header("Cookie", session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      Assertions.assertEquals(400, answer.statusCode(), answer.body());
      Assertions.assertTrue(answer.body().contains("id=\"error-message\""), answer.body());
    }
    HttpResponse<String> query =
        send(request("/console/fans?lang=%FF").header("Cookie", session).GET());
    Assertions.assertEquals(400, query.statusCode(), query.body());
    Assertions.assertTrue(query.body().contains("id=\"error-message\""), query.body());
  }

  @Test
  void anApiFormBodyThatIsNotUtf8IsABadRequestNamingTheField() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/api/v1/auth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("owner=%FF")));
    Assertions.assertEquals(400, answer.statusCode(), answer.body());
    Assertions.assertEquals("owner", JsonPath.read(answer.body(), "$.field"));
  }

  @Test
  void aQueryThatIsNotUtf8OnAPathNoControllerServesIsAClientError() throws Exception {
    // Found by ApiFuzzIT: the refusal had no handler to answer it and became a 500.
    String key = apiKey(Scope.ADMIN);
    for (String target :
        new String[] {
          "/api/v1/recommendations.json?need=%FF",
          "/api/v1/products/bh-001/similar//?owner=%C0%AF",
          "/api/v1/admin/models/retrain//?%FF=1",
          "/pictures/bh-001.svg?x=%FF"
        }) {
      HttpResponse<String> answer = send(request(target).header("Authorization", key).GET());
      Assertions.assertEquals(4, answer.statusCode() / 100, target + " -> " + answer.body());
    }
  }

  @Test
  void theErrorPathAloneIsNotFound() throws Exception {
    HttpResponse<String> answer = send(request("/error").GET());
    Assertions.assertEquals(404, answer.statusCode(), answer.body());
  }
}
