package io.fanshelf.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.recommender.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the server serves is the one checked in as openapi/fanshelf-api.json, which
 * the Java client is generated from and the linter checks: a change to the API that the checked-in
 * document does not show fails the build. After a deliberate change, review the new document
 * (target/openapi/fanshelf-api.json) and copy it over, or run this test with {@code
 * -Dfanshelf.openapi.update=true}; then raise the version (docs/api.md).
 */
class OpenApiDocumentTest extends ApiTestBase {
  private static final Path CHECKED_IN = Path.of("..", "openapi", "fanshelf-api.json");
  private static final Path SERVED = Path.of("target", "openapi", "fanshelf-api.json");

  @Test
  void theServedDocumentIsTheCheckedInOne() throws Exception {
    String served =
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
            + "\n";
    Files.createDirectories(SERVED.getParent());
    Files.writeString(SERVED, served);
    if (Boolean.getBoolean("fanshelf.openapi.update")) {
      Files.writeString(CHECKED_IN, served);
    }
    String checkedIn = Files.readString(CHECKED_IN);
    if (!checkedIn.equals(served)) {
      fail(
          "the API differs from "
              + CHECKED_IN.normalize()
              + " (first difference: "
              + firstDifference(checkedIn, served)
              + "). If the change is meant, review "
              + SERVED.toAbsolutePath()
              + ", copy it over (or run with -Dfanshelf.openapi.update=true) and raise the"
              + " version: only additions are allowed within /api/v1 (docs/api.md)");
    }
  }

  @Test
  void everyOperationIsNamedDescribedTaggedAndStatesItsErrors() throws Exception {
    JsonNode document =
        JsonMapper.shared()
            .readTree(
                mvc.perform(get("/v3/api-docs"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
    List<String> operationIds = new ArrayList<>();
    for (var path : document.get("paths").properties()) {
      for (var entry : path.getValue().properties()) {
        JsonNode operation = entry.getValue();
        String where = entry.getKey().toUpperCase() + " " + path.getKey();
        String id = operation.path("operationId").asString();
        assertTrue(id.matches("[a-z][A-Za-z]+"), where + " has operationId '" + id + "'");
        operationIds.add(id);
        assertTrue(!operation.path("summary").asString().isBlank(), where + " summary");
        assertTrue(operation.path("description").asString().contains("Needs "), where);
        assertEquals(1, operation.path("tags").size(), where + " tags");
        assertTrue(operation.path("responses").has("500"), where + " 500");
        assertTrue(operation.path("responses").has("429"), where + " 429");
        boolean open = operation.path("description").asString().contains("Needs no credentials");
        assertEquals(open, !operation.has("security"), where + " security");
        for (var parameter : operation.path("parameters")) {
          assertTrue(
              !parameter.path("name").asString().equals("owner")
                  || !path.getKey().startsWith("/api/v1/owner/"),
              where + " takes the owner from the request");
        }
      }
    }
    assertEquals(operationIds.size(), operationIds.stream().distinct().count(), "unique ids");
    List<String> sections = new ArrayList<>();
    document
        .at("/paths/~1api~1v1~1recommendations/get/parameters")
        .forEach(
            p -> {
              if (p.path("name").asString().equals("section")) {
                p.at("/schema/enum").forEach(value -> sections.add(value.asString()));
              }
            });
    assertEquals(Arrays.stream(Section.values()).map(Section::wireName).toList(), sections);
    assertTrue(operationIds.containsAll(List.of("recommendForFan", "appendEvents", "listFans")));
    JsonNode tooMany = document.at("/components/responses/TooManyRequests");
    assertTrue(tooMany.at("/headers/Retry-After").isObject(), tooMany::toString);
    assertEquals(
        "#/components/schemas/Problem",
        tooMany.at("/content/application~1problem+json/schema/$ref").asString());
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return "line "
            + (i + 1)
            + ": checked in '"
            + a[i].strip()
            + "', served '"
            + b[i].strip()
            + "'";
      }
    }
    return "line " + (Math.min(a.length, b.length) + 1) + ": one document is longer";
  }
}
