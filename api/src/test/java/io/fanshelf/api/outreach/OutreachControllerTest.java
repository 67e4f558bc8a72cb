package io.fanshelf.api.outreach;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The outreach API on the beauty-home fixture, with two fans of its own: shop-lily's fan-9151 buys
 * a laundry liquid every four weeks and is due again; fan-9152 is shop-mu's alone and due as well.
 */
class OutreachControllerTest extends ApiTestBase {
  private static final String DUE = "fan-9151";
  private static final String MU_ONLY = "fan-9152";

  @Autowired Indexer indexer;
  @TempDir Path groupsDir;

  @BeforeEach
  void dueFans() throws Exception {
    Instant now = Instant.now();
    List<Label> labels =
        List.of(
            new Label(
                LILY,
                FanId.of(DUE),
                "skin_type",
                List.of("dry"),
                LabelSource.OWNER,
                1,
                now,
                "test"),
            new Label(
                MU,
                FanId.of(MU_ONLY),
                // a dimension Mu already labels: the tests share one shop, whose dimensions
                // ConsoleControllerTest checks
                "home_style",
                List.of("looks"),
                LabelSource.OWNER,
                1,
                now,
                "test"));
    indexer.changeLabels(labels, List.of());
    List<Event> purchases = new ArrayList<>();
    for (String fan : List.of(DUE, MU_ONLY)) {
      for (int ago : new int[] {113, 85, 57, 29}) {
        purchases.add(
            Event.of(
                "outreach-test-" + fan + "-" + ago,
                fan,
                "bh-021",
                EventType.PURCHASE,
                now.minus(Duration.ofDays(ago))));
      }
    }
    indexer.appendEvents(purchases);
    Path fans = groupsDir.resolve("fans.csv");
    Files.writeString(
        fans,
        "owner_id,fan_id,groups\n"
            + "shop-lily,"
            + DUE
            + ",护肤群;VIP 群\n"
            + "shop-mu,"
            + MU_ONLY
            + ",Mu 的群\n");
    indexer.importFiles(ImportRequest.none().withFans(fans), ImportListener.NONE);
  }

  @Test
  void groupsSayWhereOnePostReachesTheListedFans() throws Exception {
    String due = "$.groups[?(@.name == '护肤群')]";
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", owner(LILY)))
        .andExpect(status().isOk())
        .andExpect(jsonPath(due + ".listedFans").value(hasItem(1)))
        .andExpect(jsonPath(due + ".product").value(hasItem("bh-021")))
        .andExpect(jsonPath(due + ".link").value(hasItem(endsWith("/buy/bh-021?ref=shop-lily"))))
        .andExpect(jsonPath(due + ".message").value(hasItem(startsWith("今日推荐：大容量洗衣液 3kg"))))
        .andExpect(jsonPath("$.groups[*].name").value(hasItem("VIP 群")))
        .andExpect(jsonPath("$.groups[*].name").value(not(hasItem("Mu 的群"))));
    String body =
        mvc.perform(get("/api/v1/owner/outreach").header("Authorization", owner(LILY)))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // The fan is the group's only listed member: the group is worth what the fan's entry is.
    assertEquals(
        JsonPath.<List<Object>>read(
            body, "$.entries[?(@.fan == '" + DUE + "')].expectedCommission"),
        JsonPath.<List<Object>>read(body, due + ".expectedCommission"));
    mvc.perform(get("/api/v1/owner/outreach?lang=en").header("Authorization", owner(LILY)))
        .andExpect(
            jsonPath(due + ".message")
                .value(hasItem(startsWith("Picked for you today: 大容量洗衣液 3kg"))));
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", owner(MU)))
        .andExpect(jsonPath("$.groups[*].name").value(hasItem("Mu 的群")))
        .andExpect(jsonPath("$.groups[*].name").value(not(hasItem("护肤群"))))
        .andExpect(jsonPath("$.groups[*].name").value(not(hasItem("VIP 群"))));
  }

  @Test
  void listsTheDueFanWithAReasonAMessageAndAProductLink() throws Exception {
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", owner(LILY)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.budget").value(200))
        .andExpect(jsonPath("$.capDays").value(7))
        // The shared test shop has too few buyers in the weeks before to fit the chances.
        .andExpect(jsonPath("$.probabilities.fitted").value(false))
        .andExpect(jsonPath("$.probabilities.weeks").value(4))
        .andExpect(jsonPath("$.probabilities.judgedReasons").value(hasItem("regular_shop_due")))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].reason")
                .value(hasItem("repurchase_due")))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].product").value(hasItem("bh-021")))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].evidence.purchases").value(hasItem(4)))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].evidence.intervalDays")
                .value(hasItem(28.0)))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].why")
                .value(hasItem(containsString("买过 4 次，约每 28 天一次"))))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].message")
                .value(hasItem(containsString("大容量洗衣液 3kg"))))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].link")
                .value(hasItem(containsString("/go/bh-021"))))
        .andExpect(jsonPath("$.entries[*].fan").value(not(hasItem(MU_ONLY))));
    mvc.perform(get("/api/v1/owner/outreach?lang=en").header("Authorization", owner(LILY)))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].message")
                .value(hasItem(startsWith("Hi there, time to stock up"))))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + DUE + "')].why")
                .value(hasItem(containsString("Bought 4 times, about every 28 days"))));
  }

  @Test
  void anOwnerNeverSeesOrTouchesAnotherOwnersFans() throws Exception {
    String mu = owner(MU);
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", mu))
        .andExpect(
            jsonPath("$.entries[?(@.fan == '" + MU_ONLY + "')].reason")
                .value(hasItem("repurchase_due")))
        .andExpect(jsonPath("$.entries[*].fan").value(not(hasItem(DUE))));
    mvc.perform(put("/api/v1/owner/outreach/opt-outs/" + DUE).header("Authorization", mu))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/owner/outreach/sent")
                .header("Authorization", mu)
                .contentType(MediaType.APPLICATION_JSON)
                .content(sent(DUE)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("messages[0].fan"));
    mvc.perform(get("/api/v1/owner/outreach/export.csv").header("Authorization", mu))
        .andExpect(content().string(not(containsString(DUE))));
  }

  @Test
  void markingSentRecordsOneShareEventPerFanAndDay() throws Exception {
    String lily = owner(LILY);
    mvc.perform(
            post("/api/v1/owner/outreach/sent")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(sent(DUE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recorded").value(1));
    mvc.perform(
            post("/api/v1/owner/outreach/sent")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(sent(DUE)))
        .andExpect(jsonPath("$.recorded").value(0))
        .andExpect(jsonPath("$.duplicates").value(1));
    // Still on today's list, marked sent; the share event is attributed to the owner.
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", lily))
        .andExpect(jsonPath("$.entries[?(@.fan == '" + DUE + "')].sent").value(hasItem(true)));
    List<Event> shares =
        indexer.store().events().allOf(FanId.of(DUE)).stream()
            .filter(e -> e.type() == EventType.SHARE)
            .toList();
    org.junit.jupiter.api.Assertions.assertEquals(1, shares.size());
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.Optional.of(LILY), shares.getFirst().owner());
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.Optional.of("outreach:repurchase_due"), shares.getFirst().page());
  }

  @Test
  void anOptedOutFanIsNeverListedUntilOptedBackIn() throws Exception {
    String mu = owner(MU);
    mvc.perform(put("/api/v1/owner/outreach/opt-outs/" + MU_ONLY).header("Authorization", mu))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", mu))
        .andExpect(jsonPath("$.entries[*].fan").value(not(hasItem(MU_ONLY))))
        .andExpect(jsonPath("$.optedOut").value(1));
    mvc.perform(get("/api/v1/owner/outreach/opt-outs").header("Authorization", mu))
        .andExpect(jsonPath("$").value(hasItem(MU_ONLY)));
    mvc.perform(get("/api/v1/owner/outreach/opt-outs").header("Authorization", owner(LILY)))
        .andExpect(jsonPath("$").value(not(hasItem(MU_ONLY))));
    mvc.perform(delete("/api/v1/owner/outreach/opt-outs/" + MU_ONLY).header("Authorization", mu))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/owner/outreach").header("Authorization", mu))
        .andExpect(jsonPath("$.entries[*].fan").value(hasItem(MU_ONLY)));
  }

  @Test
  void templatesAreCheckedAndUsed() throws Exception {
    String anna = owner(ANNA);
    mvc.perform(
            put("/api/v1/owner/outreach/templates")
                .header("Authorization", anna)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lapsed\": {\"en\": \"Hi {nam}: {link}\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("templates.lapsed.en"))
        .andExpect(jsonPath("$.detail").value(containsString("unknown placeholder {nam}")));
    mvc.perform(
            put("/api/v1/owner/outreach/templates")
                .header("Authorization", anna)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"lapsed\": {\"en\": \"Hi {name}\"}, \"price_drop\": {\"fr\": \"{link}\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("templates.lapsed.en"));
    mvc.perform(
            put("/api/v1/owner/outreach/templates")
                .header("Authorization", anna)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"repurchase_due\": {\"zh-CN\": \"{name}亲，{product}该补货了 {link}\"}, \"gone\": {\"en\": \"{link}\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("templates.gone"));
    // Nothing of a rejected batch was stored.
    mvc.perform(get("/api/v1/owner/outreach/templates").header("Authorization", anna))
        .andExpect(jsonPath("$.repurchase_due.zh-CN").value(startsWith("{name}你好～你常用的")));
    mvc.perform(
            put("/api/v1/owner/outreach/templates")
                .header("Authorization", anna)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"repurchase_due\": {\"zh-CN\": \"{name}亲，{product}该补货了 {link}\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.repurchase_due.zh-CN").value("{name}亲，{product}该补货了 {link}"));
    mvc.perform(get("/api/v1/owner/outreach/templates").header("Authorization", owner(LILY)))
        .andExpect(jsonPath("$.repurchase_due.zh-CN").value(startsWith("{name}你好～你常用的")));
  }

  @Test
  void badParametersAreRefusedNamingTheField() throws Exception {
    String lily = owner(LILY);
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    mvc.perform(get("/api/v1/owner/outreach?date=" + tomorrow).header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("date"));
    mvc.perform(get("/api/v1/owner/outreach?date=12/06/2026").header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("date"));
    mvc.perform(get("/api/v1/owner/outreach?lang=fr").header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("lang"));
    mvc.perform(
            post("/api/v1/owner/outreach/sent")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"messages\": [{\"fan\": \""
                        + DUE
                        + "\", \"product\": \"bh-021\", \"reason\": \"because\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("messages[0].reason"));
    mvc.perform(
            post("/api/v1/owner/outreach/sent")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"messages\": [{\"fan\": \""
                        + DUE
                        + "\", \"product\": \"no-such\", \"reason\": \"lapsed\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("messages[0].product"));
    mvc.perform(
            post("/api/v1/owner/outreach/sent")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"messages\": []}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("messages"));
    mvc.perform(get("/api/v1/owner/outreach")).andExpect(status().isUnauthorized());
  }

  @Test
  void theCsvHasAHeaderAndOneRowPerEntry() throws Exception {
    mvc.perform(
            get("/api/v1/owner/outreach/export.csv?lang=en").header("Authorization", owner(LILY)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(startsWith("\uFEFFrank,fan_id,nickname,reason,why,product_id")))
        .andExpect(content().string(containsString(DUE + ",,repurchase_due,")));
  }

  private static String sent(String fan) {
    return "{\"messages\": [{\"fan\": \""
        + fan
        + "\", \"product\": \"bh-021\", \"reason\": \"repurchase_due\"}]}";
  }
}
