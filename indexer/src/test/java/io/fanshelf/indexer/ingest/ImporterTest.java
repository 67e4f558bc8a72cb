package io.fanshelf.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  private static final String TAXONOMY =
      """
      {"version": 1, "dimensions": [
        {"id": "skin_type", "domain": "beauty", "cardinality": "one", "visibility": "displayable",
         "names": {"zh-CN": "肤质", "en": "Skin type"},
         "values": [
           {"id": "oily", "names": {"zh-CN": "油皮", "en": "Oily skin"},
            "match": {"attribute": "skin_type", "value": "oily"}},
           {"id": "dry", "names": {"zh-CN": "干皮", "en": "Dry skin"},
            "match": {"attribute": "skin_type", "value": "dry"}},
           {"id": "normal", "names": {"zh-CN": "中性皮", "en": "Normal skin"}, "retired": true}]},
        {"id": "home_style", "domain": "home", "cardinality": "many", "visibility": "displayable",
         "names": {"zh-CN": "家居风格", "en": "Home style"},
         "values": [
           {"id": "value", "names": {"zh-CN": "性价比", "en": "Good value"}},
           {"id": "looks", "names": {"zh-CN": "颜值", "en": "Good looks"}}]}]}
      """;
  private static final String OWNERS = "id,name,locale\nshop-lily,莉莉小铺,zh-CN\nshop-ann,Ann's,en\n";
  private static final String CATALOG =
      """
      {"id": "p1", "title": "清爽控油洁面乳 油皮适用", "category": ["美妆", "护肤", "洁面"], "price": 59.9, "stock": 10, "attributes": {"skin_type": ["oily"]}, "created_at": "2026-01-01T00:00:00Z"}
      {"id": "p2", "title": "滋润面霜", "category": "美妆>护肤>面霜", "price": "129", "attributes": {"skin_type": "dry"}, "tags": ["gift"], "created_at": "2026-01-02T00:00:00+08:00"}
      """;

  @TempDir Path dir;
  private LuceneBackend store;
  private Importer importer;

  @BeforeEach
  void open() throws IOException {
    store = LuceneBackend.open(dir.resolve("data"));
    importer =
        new Importer(
            store, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), e -> {});
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    if (name.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(file, content);
    }
    return file;
  }

  private ImportRequest base() throws IOException {
    return ImportRequest.none()
        .withTaxonomy(write("taxonomy.json", TAXONOMY))
        .withOwners(write("owners.csv", OWNERS))
        .withCatalog(write("catalog.jsonl", CATALOG));
  }

  @Test
  void importsEveryKindAndReportsCounts() throws Exception {
    ImportRequest request =
        base()
            .withFans(write("fans.csv", "owner_id,fan_id,nickname\nshop-lily,f1,小王\n"))
            .withLabels(
                write(
                    "labels.csv",
                    "owner_id,fan_id,skin_type,home_style,confidence\n"
                        + "shop-lily,f1,油皮,性价比;颜值,\n"
                        + "shop-ann,f1,Dry skin,,0.5\n"
                        + "shop-ann,f8,,,\n"
                        + "shop-ann,f9,,,\n"))
            .withEvents(
                write(
                    "events.csv.gz",
                    "id,fan,product,type,time,value\n"
                        + "e1,f1,p1,purchase,2026-02-01T10:00:00+08:00,2\n"
                        + "e2,f1,p2,view,2026-02-02T10:00:00Z,\n"));
    ImportSummary summary = importer.run(request, ImportListener.NONE);

    assertEquals(
        List.of("taxonomy", "owners", "catalog", "fans", "labels", "events"),
        summary.files().stream().map(ImportSummary.FileSummary::kind).toList());
    assertEquals(2, store.catalog().count());
    assertEquals(2, store.events().count());
    Product p2 = store.catalog().get(ProductId.of("p2")).orElseThrow();
    assertEquals(12900, p2.priceCents());
    assertEquals(List.of("美妆", "护肤", "面霜"), p2.categoryPath());
    assertEquals(Instant.parse("2026-01-01T16:00:00Z"), p2.createdAt());

    FanProfile lily = store.fans().get(OwnerId.of("shop-lily"), FanId.of("f1")).orElseThrow();
    assertEquals(List.of("oily"), lily.label("skin_type").orElseThrow().values());
    assertEquals(List.of("value", "looks"), lily.label("home_style").orElseThrow().values());
    assertEquals("小王", lily.fan().nickname().orElseThrow());
    FanProfile ann = store.fans().get(OwnerId.of("shop-ann"), FanId.of("f1")).orElseThrow();
    assertEquals(List.of("dry"), ann.label("skin_type").orElseThrow().values());
    assertEquals(0.5, ann.label("skin_type").orElseThrow().confidence());
    assertTrue(ann.label("home_style").isEmpty(), "an empty cell sets no label");
    ImportSummary.FileSummary labels = summary.files().get(4);
    assertEquals(4, labels.rowsRead());
    assertEquals(4, labels.accepted(), "rows without labels are fine, and counted as rows");
  }

  @Test
  void importingTheSameEventsTwiceCountsNothingTwice() throws Exception {
    Path events =
        write(
            "events.jsonl",
            """
            {"id": "e1", "fan": "f1", "product": "p1", "type": "purchase", "time": "2026-02-01T10:00:00Z"}
            {"id": "e2", "fan": "f2", "product": "p2", "type": "rating", "value": 5, "time": "2026-02-01T10:00:00Z"}
            """);
    importer.run(base().withEvents(events), ImportListener.NONE);
    ImportSummary again =
        importer.run(ImportRequest.none().withEvents(events), ImportListener.NONE);
    assertEquals(0, again.files().getFirst().accepted());
    assertEquals(2, again.files().getFirst().duplicates());
    assertEquals(2, store.events().count());
  }

  @Test
  void plantedErrorsAreAllReportedWithLineAndFieldAndNothingIsApplied() throws Exception {
    importer.run(base(), ImportListener.NONE);
    long productsBefore = store.catalog().count();
    ImportRequest bad =
        ImportRequest.none()
            .withCatalog(
                write(
                    "catalog2.csv",
                    "id,title,category,price,created_at,image\n"
                        + "p9,新品,美妆>彩妆,19.9,2026-03-01T00:00:00Z,\n"
                        + "p9,重复,美妆>彩妆,19.9,2026-03-01T00:00:00Z,\n"
                        + "p10,价格错,美妆,abc,2026-03-01T00:00:00Z,\n"
                        + "p11,图片错,美妆,9,2026-03-01T00:00:00Z,//cdn.example.com/p11.jpg\n"))
            .withLabels(
                write(
                    "labels.csv",
                    "owner_id,fan_id,skin_type,home_style\n"
                        + "shop-lily,f1,olly,\n"
                        + "shop-lily,f2,normal,\n"
                        + "shop-lily,f3,oily;dry,\n"))
            .withEvents(
                write(
                    "events.csv",
                    "id,fan,product,type,time\n"
                        + "e1,f1,p1,purchase,2026-02-01T10:00:00Z\n"
                        + "e2,f1,nope,purchase,2026-02-01T10:00:00Z\n"
                        + "e1,f1,p1,view,2026-02-01T10:00:00Z\n"
                        + "e3,f1,p1,purchase,yesterday\n"
                        + "e4,f1,\"p1,purchase,2026-02-01T10:00:00Z\n"));

    ImportRejectedException rejected =
        assertThrows(ImportRejectedException.class, () -> importer.run(bad, ImportListener.NONE));

    List<String> errors = rejected.errors().stream().map(ValidationError::toString).toList();
    assertHas(errors, "catalog2.csv:3: duplicate of the row at line 2");
    assertHas(errors, "catalog2.csv:4 [price]: expected a price such as 59.9, got 'abc'");
    assertHas(
        errors,
        "catalog2.csv:5 [image]: expected an http(s) URL or a path starting with /, got"
            + " '//cdn.example.com/p11.jpg'");
    assertHas(errors, "labels.csv:2 [skin_type]: expected one of oily (油皮), dry (干皮), got 'olly'");
    assertHas(errors, "labels.csv:3 [skin_type]: value 'normal' is retired");
    assertHas(errors, "labels.csv:4 [skin_type]: takes exactly one value, got 2");
    assertHas(errors, "events.csv:3 [product]: unknown product 'nope'");
    assertHas(errors, "events.csv:4 [id]: duplicate event id 'e1', first at line 2");
    assertHas(errors, "events.csv:5 [time]: expected an ISO-8601 time");
    assertHas(errors, "events.csv:6: malformed line: a quoted cell is never closed");
    assertEquals(10, rejected.totalErrors());

    assertEquals(productsBefore, store.catalog().count());
    assertTrue(store.catalog().get(ProductId.of("p9")).isEmpty());
    assertEquals(0, store.fans().count());
    assertEquals(0, store.events().count());
  }

  @Test
  void fansCarryTheOwnersGroups() throws Exception {
    importer.run(
        base()
            .withFans(
                write(
                    "fans.csv",
                    "owner_id,fan_id,nickname,groups\n"
                        + "shop-lily,f1,小王, 护肤交流群 ; VIP群 \n"
                        + "shop-lily,f2,,\n"
                        + "shop-ann,f1,,Ann's group\n")),
        ImportListener.NONE);

    FanProfile lily = store.fans().get(OwnerId.of("shop-lily"), FanId.of("f1")).orElseThrow();
    assertEquals(Set.of("护肤交流群", "VIP群"), lily.fan().groups());
    assertEquals(
        Set.of(),
        store.fans().get(OwnerId.of("shop-lily"), FanId.of("f2")).orElseThrow().fan().groups());
    assertEquals(
        Set.of("Ann's group"),
        store.fans().get(OwnerId.of("shop-ann"), FanId.of("f1")).orElseThrow().fan().groups(),
        "another owner's groups on the same fan stay theirs");
  }

  @Test
  void aBadGroupNamesTheLineAndFieldAndImportsNoFan() throws Exception {
    importer.run(base(), ImportListener.NONE);
    String tooLong = "群".repeat(61);
    ImportRequest bad =
        ImportRequest.none()
            .withFans(
                write(
                    "fans.jsonl",
                    "{\"owner_id\": \"shop-lily\", \"fan_id\": \"f1\", \"groups\": [\"护肤群\"]}\n"
                        + "{\"owner_id\": \"shop-lily\", \"fan_id\": \"f2\", \"groups\": [\""
                        + tooLong
                        + "\"]}\n"
                        + "{\"owner_id\": \"shop-lily\", \"fan_id\": \"f3\", \"groups\": [\"a;b\"]}\n"));

    ImportRejectedException rejected =
        assertThrows(ImportRejectedException.class, () -> importer.run(bad, ImportListener.NONE));

    List<String> errors = rejected.errors().stream().map(ValidationError::toString).toList();
    assertHas(errors, "fans.jsonl:2 [groups]: group must be at most 60 characters, got 61");
    assertHas(errors, "fans.jsonl:3 [groups]: group must not contain ';', got 'a;b'");
    assertEquals(2, rejected.totalErrors());
    assertEquals(0, store.fans().count(), "a rejected batch changes nothing");
  }

  private static void assertHas(List<String> errors, String expected) {
    assertTrue(
        errors.stream().anyMatch(e -> e.startsWith(expected) || e.contains(expected)),
        () -> "expected an error like\n  " + expected + "\nin\n  " + String.join("\n  ", errors));
  }

  @Test
  void unknownColumnsAndMissingColumnsRejectTheFile() throws Exception {
    importer.run(base(), ImportListener.NONE);
    ImportRequest bad =
        ImportRequest.none()
            .withLabels(write("labels.csv", "owner_id,fan_id,skin_typ\nshop-lily,f1,oily\n"))
            .withEvents(write("events.csv", "id,fan,type,time\ne1,f1,view,2026-02-01T10:00:00Z\n"));
    ImportRejectedException rejected =
        assertThrows(ImportRejectedException.class, () -> importer.run(bad, ImportListener.NONE));
    List<String> errors = rejected.errors().stream().map(ValidationError::toString).toList();
    assertHas(errors, "labels.csv:1 [skin_typ]: unknown column 'skin_typ'");
    assertHas(errors, "events.csv:1 [product]: missing required column 'product'");
  }

  @Test
  void aTaxonomyThatDropsAValueIsRejected() throws Exception {
    importer.run(base(), ImportListener.NONE);
    String dropped =
        TAXONOMY
            .replace("\"version\": 1", "\"version\": 2")
            .replaceAll(",\\s*\\{\"id\": \"normal\"[^\\n]*\"retired\": true}", "");
    assertFalse(dropped.contains("\"normal\""), "fixture edit must remove the value");
    ImportRejectedException rejected =
        assertThrows(
            ImportRejectedException.class,
            () ->
                importer.run(
                    ImportRequest.none().withTaxonomy(write("taxonomy2.json", dropped)),
                    ImportListener.NONE));
    assertHas(
        rejected.errors().stream().map(ValidationError::toString).toList(),
        "value 'normal' of dimension 'skin_type' was removed");
    assertEquals(1, store.metadata().taxonomy().version());
  }

  @Test
  void yamlTaxonomyIsRead() throws Exception {
    Path yaml =
        write(
            "taxonomy.yaml",
            """
            version: 1
            dimensions:
              - id: kids
                domain: grocery
                cardinality: one
                visibility: displayable
                names: {zh-CN: 孩子, en: Kids}
                values:
                  - id: has-kids
                    names: {zh-CN: 有孩子, en: Has kids}
                    match: {any: [{category: "BABY"}, {tag: kids}]}
                  - id: none
                    names: {zh-CN: 无孩子, en: No kids}
            """);
    importer.run(ImportRequest.none().withTaxonomy(yaml), ImportListener.NONE);
    assertTrue(
        store
            .metadata()
            .taxonomy()
            .dimension("kids")
            .orElseThrow()
            .value("has-kids")
            .orElseThrow()
            .match()
            .isPresent());
  }
}
