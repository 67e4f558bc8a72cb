package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.indexer.store.elasticsearch.SharedNode;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import io.fanshelf.recommender.rules.CurationLookup;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same data imported into the Lucene backend and into the Elasticsearch backend (a real node in
 * this JVM) gives the same recommendations: the same items in the same order with the same scores,
 * sources and reasons, up to ties (items of equal score may swap places). Two data sets: a slice of
 * the demo data (real Complete Journey purchases, labels, English text; see {@link #demoSlice}) for
 * many (owner, fan) pairs, and the indexer's zh-CN beauty-home fixture for every section and
 * Chinese needs.
 *
 * <p>Each data set is imported once per backend for the whole class; every test compares one kind
 * of request over many fans ({@link ParityCheck}) and reports every difference at once.
 */
class BackendParityIT {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  private static final Path DEMO = Path.of("..", "demo");
  private static final Instant DEMO_NOW = Instant.parse("2018-01-01T00:00:00Z");
  private static final List<String> DEMO_OWNERS = List.of("shop-lily", "shop-green", "shop-jie");
  private static final List<String> FIXTURE_FILES =
      List.of(
          "taxonomy.json", "owners.csv", "catalog.jsonl", "fans.csv", "labels.csv", "events.jsonl");

  @TempDir static Path dir;

  private static Pair demo;
  private static Pair beauty;

  /** One data set on both backends. */
  private record Pair(String name, Side lucene, Side elasticsearch, Instant now) {
    ParityCheck check(String what) {
      return new ParityCheck(name + " " + what, lucene.recommender(), elasticsearch.recommender());
    }
  }

  private record Side(Indexer indexer, Recommender recommender) {}

  @BeforeAll
  static void importIntoBothBackends() throws Exception {
    ImportRequest demoFiles = demoSlice(Files.createDirectories(dir.resolve("demo-files")));
    demo = pair("demo", demoFiles, DEMO_NOW);
    Path files = Files.createDirectories(dir.resolve("beauty-home-files"));
    for (String name : FIXTURE_FILES) {
      try (InputStream in =
          BackendParityIT.class.getResourceAsStream("/fixtures/beauty-home/" + name)) {
        Files.copy(in, files.resolve(name));
      }
    }
    beauty = pair("beauty-home", ImportRequest.inDirectory(files), Fixture.NOW);
  }

  /**
   * A third of the demo's fans (by id) with their labels and every event of theirs, and the
   * products those events name plus a quarter of the others: real purchase histories, a catalog of
   * several thousand products, and an import that keeps the test short.
   */
  private static ImportRequest demoSlice(Path out) throws IOException {
    Files.copy(DEMO.resolve("taxonomy.json"), out.resolve("taxonomy.json"));
    Files.copy(DEMO.resolve("owners.csv"), out.resolve("owners.csv"));
    Predicate<String> keptFan = fan -> Math.floorMod(fan.hashCode(), 3) == 0;
    Set<String> products = new HashSet<>();
    filter(DEMO.resolve("fans.csv"), out.resolve("fans.csv"), fields -> keptFan.test(fields[1]));
    filter(
        DEMO.resolve("labels.csv"), out.resolve("labels.csv"), fields -> keptFan.test(fields[1]));
    filter(
        DEMO.resolve("events.csv.gz"),
        out.resolve("events.csv"),
        fields -> {
          if (!keptFan.test(fields[1])) {
            return false;
          }
          products.add(fields[2]);
          return true;
        });
    filter(
        DEMO.resolve("catalog.csv.gz"),
        out.resolve("catalog.csv"),
        fields -> products.contains(fields[0]) || Math.floorMod(fields[0].hashCode(), 4) == 0);
    return ImportRequest.inDirectory(out);
  }

  /**
   * Copies the header and the rows {@code keep} accepts, given the row's leading comma-separated
   * fields (the demo files have no line breaks inside quoted fields, and ids and fans come first).
   */
  private static void filter(Path in, Path out, Predicate<String[]> keep) throws IOException {
    InputStream raw = Files.newInputStream(in);
    if (in.getFileName().toString().endsWith(".gz")) {
      raw = new GZIPInputStream(raw);
    }
    try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      writer.write(reader.readLine());
      writer.newLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (keep.test(line.split(",", 4))) {
          writer.write(line);
          writer.newLine();
        }
      }
    }
  }

  private static Pair pair(String name, ImportRequest files, Instant now) throws Exception {
    IndexerOptions options =
        IndexerOptions.of(dir.resolve(name)).withClock(Clock.fixed(now, ZoneOffset.UTC));
    Side lucene = side(options, LuceneBackend.open(options.dataDir()), files);
    ElasticsearchOptions es =
        ElasticsearchOptions.builder(prefix(name), NODE.uri())
            .replicas(0)
            .refresh(ElasticsearchOptions.Refresh.IMMEDIATE)
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    Side elasticsearch = side(options, ElasticsearchBackend.open(es), files);
    return new Pair(name, lucene, elasticsearch, now);
  }

  private static Side side(IndexerOptions options, StoreBackend store, ImportRequest files)
      throws Exception {
    long started = System.nanoTime();
    Indexer indexer = Indexer.open(options, store);
    indexer.importFiles(files, ImportListener.NONE);
    long imported = System.nanoTime();
    indexer.aggregates();
    System.out.printf(
        Locale.ROOT,
        "parity: %s imported in %.1f s, aggregates in %.1f s%n",
        store.describe(),
        (imported - started) / 1e9,
        (System.nanoTime() - imported) / 1e9);
    return new Side(
        indexer, Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE));
  }

  private static String prefix(String name) {
    return "parity-" + name;
  }

  @AfterAll
  static void close() throws IOException {
    for (Pair pair : new Pair[] {demo, beauty}) {
      if (pair != null) {
        pair.lucene().indexer().close();
        pair.elasticsearch().indexer().close();
        NODE.deleteIndices(prefix(pair.name()));
      }
    }
  }

  @Test
  void bothSidesHoldTheSameData() throws IOException {
    for (Pair pair : new Pair[] {demo, beauty}) {
      assertInstanceOf(LuceneBackend.class, pair.lucene().indexer().store());
      assertInstanceOf(ElasticsearchBackend.class, pair.elasticsearch().indexer().store());
      Indexer.Stats lucene = pair.lucene().indexer().stats();
      Indexer.Stats es = pair.elasticsearch().indexer().stats();
      assertEquals(
          List.of(lucene.products(), lucene.fans(), lucene.events(), (long) lucene.owners()),
          List.of(es.products(), es.fans(), es.events(), (long) es.owners()),
          pair.name());
    }
    Indexer.Stats slice = demo.lucene().indexer().stats();
    assertTrue(slice.products() > 5_000 && slice.events() > 15_000, slice.toString());
  }

  @Test
  void forYouForEveryFourthDemoFan() throws IOException {
    ParityCheck check = demo.check("for-you");
    for (FanProfile fan : fans(demo, 4)) {
      check.recommend(RecommendRequest.forYou(fan.fan().owner(), fan.fan().id(), 20, demo.now()));
    }
    // Fans no owner has: the labels-less, history-less fallback.
    for (String owner : DEMO_OWNERS) {
      check.recommend(
          RecommendRequest.forYou(OwnerId.of(owner), FanId.of("nobody"), 20, demo.now()));
    }
    check.assertSame(200, 4_000);
  }

  @Test
  void everySectionForDemoFans() throws IOException {
    ParityCheck check = demo.check("sections");
    for (FanProfile fan : fans(demo, 20)) {
      for (Section section : Section.values()) {
        check.recommend(
            RecommendRequest.forYou(fan.fan().owner(), fan.fan().id(), 20, demo.now())
                .withSection(section));
      }
    }
    check.assertSame(150, 1_000);
  }

  @Test
  void needsAndFiltersForDemoFans() throws IOException {
    ParityCheck check = demo.check("needs and filters");
    List<String> needs =
        List.of("organic milk", "baby food diapers", "frozen pizza", "coffee", "fresh chicken");
    List<FanProfile> fans = fans(demo, 40);
    for (int i = 0; i < fans.size(); i++) {
      FanProfile fan = fans.get(i);
      RecommendRequest plain =
          RecommendRequest.forYou(fan.fan().owner(), fan.fan().id(), 20, demo.now());
      check.recommend(plain.withNeed(needs.get(i % needs.size())));
      check.recommend(
          new RecommendRequest(
              plain.owner(),
              plain.fan(),
              20,
              Section.FOR_YOU,
              Optional.empty(),
              List.of(i % 2 == 0 ? "GROCERY" : "PRODUCE"),
              OptionalLong.of(100),
              OptionalLong.of(500),
              demo.now()));
    }
    check.assertSame(40, 800);
  }

  @Test
  void similarProductsForEveryOwner() throws IOException {
    ParityCheck check = demo.check("similar");
    TreeSet<ProductId> bought = new TreeSet<>();
    for (FanProfile fan : fans(demo, 14)) {
      demo.lucene()
          .indexer()
          .store()
          .events()
          .recent(fan.fan().id(), 3)
          .forEach(e -> bought.add(e.product()));
    }
    for (ProductId product : bought) {
      for (String owner : DEMO_OWNERS) {
        OwnerId id = OwnerId.of(owner);
        check.compare(
            "similar " + owner + " " + product,
            demo.lucene().recommender().similar(id, product, 20, demo.now()),
            demo.elasticsearch().recommender().similar(id, product, 20, demo.now()));
      }
    }
    check.assertSame(300, 5_000);
  }

  @Test
  void everySectionAndChineseNeedsOnTheBeautyHomeFixture() throws IOException {
    ParityCheck check = beauty.check("sections and needs");
    List<String> needs = List.of("想买花茶 调理身体", "油皮 控油 洁面", "保湿面霜", "green tea", "香薰蜡烛 颜值");
    for (FanProfile fan : fans(beauty, 1)) {
      RecommendRequest plain =
          RecommendRequest.forYou(fan.fan().owner(), fan.fan().id(), 20, beauty.now());
      for (Section section : Section.values()) {
        check.recommend(plain.withSection(section));
      }
      for (String need : needs) {
        check.recommend(plain.withNeed(need));
      }
    }
    check.assertSame(100, 300);
  }

  /** Every {@code step}-th profile of every owner, in fan id order (from the Lucene side). */
  private static List<FanProfile> fans(Pair pair, int step) throws IOException {
    List<FanProfile> picked = new ArrayList<>();
    Indexer indexer = pair.lucene().indexer();
    for (var owner : indexer.store().metadata().owners()) {
      FanQuery query = FanQuery.all(owner.id(), FanQuery.MAX_PAGE_SIZE);
      int seen = 0;
      while (true) {
        FanPage page = indexer.store().fans().find(query);
        for (FanProfile profile : page.fans()) {
          if (seen++ % step == 0) {
            picked.add(profile);
          }
        }
        if (page.next().isEmpty()) {
          break;
        }
        query = new FanQuery(owner.id(), query.labels(), query.unlabelled(), page.next(), 1_000);
      }
    }
    assertTrue(!picked.isEmpty(), pair.name() + " has no fans");
    return picked;
  }
}
