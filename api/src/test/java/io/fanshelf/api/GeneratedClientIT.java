package io.fanshelf.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.Problem;
import io.fanshelf.client.ApiClient;
import io.fanshelf.client.ApiException;
import io.fanshelf.client.Problems;
import io.fanshelf.client.api.AdministrationApi;
import io.fanshelf.client.api.EventsApi;
import io.fanshelf.client.api.FansApi;
import io.fanshelf.client.api.RecommendationsApi;
import io.fanshelf.client.api.SignInApi;
import io.fanshelf.client.model.EventBatchRequest;
import io.fanshelf.client.model.EventBatchResponse;
import io.fanshelf.client.model.EventInput;
import io.fanshelf.client.model.FanPageView;
import io.fanshelf.client.model.KeyRequest;
import io.fanshelf.client.model.KeyView;
import io.fanshelf.client.model.ProblemItem;
import io.fanshelf.client.model.RecommendationsView;
import io.fanshelf.client.model.SignIn;
import io.fanshelf.client.model.TokenResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A platform team's first hour, with nothing but the Java client generated from the checked-in
 * OpenAPI document (clients/java) against a real server: sign in, send events, get recommendations
 * with a need, and read refusals as typed problems. Only the admin key comes from the operator (the
 * key store), as it would in a real installation.
 */
class GeneratedClientIT extends ItBase {
  private static final Set<String> PROBLEM_MEMBERS =
      Arrays.stream(Problem.class.getRecordComponents())
          .map(c -> c.getName())
          .collect(Collectors.toSet());

  private ApiClient client(String authorization) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base());
    if (authorization != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", authorization));
    }
    return client;
  }

  private String appKey() throws Exception {
    KeyView key =
        new AdministrationApi(client(apiKey(Scope.ADMIN)))
            .createApiKey(
                new KeyRequest()
                    .name("platform app")
                    .scopes(
                        List.of(
                            KeyRequest.ScopesEnum.fromValue("events:write"),
                            KeyRequest.ScopesEnum.fromValue("recommend:read"))));
    assertTrue(key.getKey().startsWith("fsk_"), key::toString);
    return "Bearer " + key.getKey();
  }

  private static EventInput event(String id, String fan, String product, String type) {
    return new EventInput()
        .id(id)
        .fan(fan)
        .product(product)
        .type(EventInput.TypeEnum.fromValue(type))
        .time(OffsetDateTime.of(2026, 10, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8)))
        .source("generated-client-it");
  }

  @Test
  void anOwnerSignsInAndListsTheirFans() throws Exception {
    TokenResponse token =
        new SignInApi(client(null))
            .signIn(new SignIn().owner("shop-lily").password(ApiTestBase.PASSWORD));
    assertEquals("shop-lily", token.getOwner());
    assertTrue(token.getToken().startsWith("fso_"));

    FanPageView fans =
        new FansApi(client("Bearer " + token.getToken())).listFans(null, null, null, 2);
    assertEquals(2, fans.getFans().size());
    assertNotNull(fans.getNext());
    assertTrue(fans.getTotal() > 2);

    ApiException wrong =
        assertThrows(
            ApiException.class,
            () ->
                new SignInApi(client(null))
                    .signIn(new SignIn().owner("shop-lily").password("not-the-password")));
    assertEquals(401, wrong.getCode());
    assertEquals(401, Problems.of(wrong).orElseThrow().getStatus());
  }

  @Test
  void anAppSendsEventsAndGetsRecommendationsWithANeed() throws Exception {
    ApiClient app = client(appKey());
    String run = UUID.randomUUID().toString().substring(0, 8);
    EventBatchResponse sent =
        new EventsApi(app)
            .appendEvents(
                new EventBatchRequest()
                    .events(
                        List.of(
                            event("gc-" + run + "-1", "fan-0003", "bh-011", "view"),
                            event("gc-" + run + "-2", "fan-0003", "bh-011", "cart"))));
    assertEquals(2, sent.getReceived());
    assertEquals(2, sent.getAdded() + sent.getQueued());

    RecommendationsView tea =
        new RecommendationsApi(app)
            .recommendForFan("shop-lily", "fan-0003", 5, null, "想买花茶 调理身体", null, null, null);
    assertEquals("for-you", tea.getSection());
    assertFalse(tea.getItems().isEmpty());
    assertTrue(tea.getNeed().getUsed());
    assertTrue(tea.getNeed().getMatched() > 0);

    RecommendationsView nothing =
        new RecommendationsApi(app)
            .recommendForFan("shop-lily", "fan-0003", 5, null, "xqzv wplk", null, null, null);
    assertEquals(0, nothing.getNeed().getMatched());
    assertFalse(nothing.getNeed().getUsed());
    assertFalse(nothing.getItems().isEmpty());
  }

  @Test
  void refusalsArriveAsTypedProblemsThatNameEveryBadItem() throws Exception {
    ApiClient app = client(appKey());
    String run = UUID.randomUUID().toString().substring(0, 8);
    EventInput badTime =
        event("gc-" + run + "-t", "fan-0001", "bh-001", "view").time(null).source(null);
    EventInput unknownProduct = event("gc-" + run + "-p", "fan-0001", "no-such-product", "view");
    EventInput badOwner = event("gc-" + run + "-o", "fan-0001", "bh-002", "view").owner("a b");
    ApiException refused =
        assertThrows(
            ApiException.class,
            () ->
                new EventsApi(app)
                    .appendEvents(
                        new EventBatchRequest()
                            .events(
                                List.of(
                                    event("gc-" + run + "-ok", "fan-0001", "bh-001", "view"),
                                    badTime,
                                    unknownProduct,
                                    badOwner))));
    assertEquals(400, refused.getCode());
    var problem = Problems.of(refused).orElseThrow();
    assertEquals(400, problem.getStatus());
    assertEquals(
        List.of("2:time", "3:product", "4:owner"),
        problem.getErrors().stream().map(GeneratedClientIT::where).toList(),
        problem::toString);
    assertTrue(problem.getErrors().stream().allMatch(e -> "events".equals(e.getFile())));
    assertOnlyDocumentedMembers(refused);

    ApiException badLimit =
        assertThrows(
            ApiException.class,
            () ->
                new RecommendationsApi(app)
                    .recommendForFan("shop-lily", "fan-0001", 999, null, null, null, null, null));
    assertEquals("limit", Problems.of(badLimit).orElseThrow().getField());
    assertOnlyDocumentedMembers(badLimit);

    ApiException noOwner =
        assertThrows(
            ApiException.class,
            () ->
                new RecommendationsApi(app)
                    .recommendForFan("shop-nobody", "fan-0001", 5, null, null, null, null, null));
    assertEquals(404, Problems.of(noOwner).orElseThrow().getStatus());

    ApiException wrongKey =
        assertThrows(ApiException.class, () -> new FansApi(app).listFans(null, null, null, 10));
    assertEquals(403, wrongKey.getCode());
    assertOnlyDocumentedMembers(wrongKey);
  }

  private static String where(ProblemItem item) {
    return item.getLine() + ":" + item.getField();
  }

  /** The body has no member the Problem schema does not name. */
  private static void assertOnlyDocumentedMembers(ApiException e) throws Exception {
    Map<?, ?> body = new ObjectMapper().readValue(e.getResponseBody(), Map.class);
    assertTrue(
        PROBLEM_MEMBERS.containsAll(body.keySet().stream().map(String::valueOf).toList()),
        () -> "undocumented members in " + e.getResponseBody());
  }
}
