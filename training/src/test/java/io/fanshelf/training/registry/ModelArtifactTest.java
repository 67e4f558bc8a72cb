package io.fanshelf.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.collaborative.AlsOptions;
import io.fanshelf.training.collaborative.FanKnnOptions;
import io.fanshelf.training.collaborative.Interactions;
import io.fanshelf.training.collaborative.ItemKnnOptions;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.LambdaMartOptions;
import io.fanshelf.training.model.LogisticOptions;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {
  @TempDir Path dir;

  /** Groups of 10 rows where feature 0 decides the label, with noise. */
  public static Dataset toyData(long seed) {
    Random random = new Random(seed);
    int n = 600;
    float[][] x = new float[n][Feature.count()];
    int[] y = new int[n];
    int[] groups = new int[n];
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < x[i].length; f++) {
        x[i][f] = (float) random.nextGaussian();
      }
      y[i] = x[i][0] + 0.5 * random.nextGaussian() > 0.8 ? 1 : 0;
      groups[i] = i / 10;
      if (i % 10 == 0) {
        fans.add("f" + i / 10);
      }
    }
    return new Dataset(x, y, groups, fans, Instant.EPOCH, "toy", 1, 1);
  }

  /** Interactions of 40 fans on 30 products in three taste groups. */
  static Interactions toyInteractions() {
    List<Event> events = new ArrayList<>();
    Random random = new Random(5);
    for (int fan = 0; fan < 40; fan++) {
      int group = fan % 3;
      for (int k = 0; k < 6; k++) {
        int product = group * 10 + random.nextInt(10);
        events.add(
            new Event(
                EventId.of("e" + events.size()),
                FanId.of("f" + fan),
                ProductId.of("p" + product),
                EventType.PURCHASE,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(events.size()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty()));
      }
    }
    return Interactions.of(events, e -> true, FeedbackPolicy.defaults(), id -> true);
  }

  /** A ranking with every collaborative part and {@code ranker}. */
  public static RankingModel toyModel(Ranker ranker) {
    Interactions data = toyInteractions();
    Collaborative models =
        Collaborative.NONE
            .with(new AlsOptions(8, 5, 0.01, 0.1, 1, 0.1, 3, 1).fit(data))
            .with(ItemKnnOptions.rp3beta(5, 0.75, 0.3).fit(data))
            .with(new FanKnnOptions(5, 1, 50, 100).fit(data));
    return new RankingModel("toy", models, ranker, true);
  }

  public static ArtifactInfo info(String ranking, double validation, double popularity) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(ArtifactInfo.BASELINE + "popularity", popularity);
    figures.put(ArtifactInfo.BASELINE + "ease", popularity * 1.01);
    return new ArtifactInfo(
        ModelArtifact.FORMAT_VERSION,
        "pending",
        ranking,
        "lambdamart",
        Map.of("trees", 20),
        Map.of("ials", Map.of("factors", 8)),
        true,
        Feature.names(),
        new ArtifactInfo.DataWindow("2017-10-21T00:00:00Z", "toy", 600, 100),
        5,
        Map.of(ArtifactInfo.VALIDATION_NDCG, validation),
        figures,
        "2025-01-01T00:00:00Z",
        false,
        Map.of("popularityHalfLife", "PT336H"));
  }

  @Test
  void rankingsRoundTripWithEveryPart() throws Exception {
    Dataset data = toyData(3);
    Ranker linear = Fit.fit(data, LogisticOptions.defaults(5), "linear");
    LambdaMartOptions trees = new LambdaMartOptions(20, 8, 5, 0.1, 0.8, 10, 5);
    List<Ranker> rankers =
        List.of(
            Fit.fit(data, trees, "trees"),
            Fit.fit(data, trees, "trees-on-popularity", Optional.of(FeatureRanker.popularity())),
            Fit.fit(data, trees, "trees-on-linear", Optional.of(linear)),
            ((TreeEnsemble)
                    Fit.fit(
                        data,
                        trees,
                        "cascade-on-popularity",
                        Optional.of(FeatureRanker.popularity())))
                .withRescoreDepth(7),
            ((TreeEnsemble) Fit.fit(data, trees, "cascade-on-linear", Optional.of(linear)))
                .withRescoreDepth(3),
            linear,
            FeatureRanker.popularity());
    for (Ranker ranker : rankers) {
      RankingModel model = toyModel(ranker);
      Path file = dir.resolve(ranker.name() + ".fsm");
      new ModelArtifact(info("learned", 0.1, 0.05).withId("learned-1"), model).write(file);
      ModelArtifact back = ModelArtifact.read(file);
      assertEquals("learned-1", back.model().name());
      for (float[] row : data.features()) {
        assertEquals(ranker.score(row), back.model().ranker().score(row), 0.0);
      }
      assertTrue(
          java.util.Arrays.equals(
              ranker.scores(data.features()), back.model().ranker().scores(data.features())),
          "the same list scores, the rescore depth included");
      if (ranker instanceof TreeEnsemble cascade) {
        assertEquals(cascade.rescoreDepth(), ((TreeEnsemble) back.model().ranker()).rescoreDepth());
      }
      FanItems history = new FanItems(new int[] {0, 3}, new float[] {1f, 0.5f});
      var before = model.collaborative().factors().orElseThrow();
      var after = back.model().collaborative().factors().orElseThrow();
      assertTrue(
          java.util.Arrays.equals(before.foldIn(history), after.foldIn(history)),
          "the same fold-in after a round trip");
      assertEquals(
          model.collaborative().items().orElseThrow().weight(0, 1),
          back.model().collaborative().items().orElseThrow().weight(0, 1));
      assertEquals(
          model.collaborative().fans().orElseThrow().fans(),
          back.model().collaborative().fans().orElseThrow().fans());
      // fitted on one set of interactions, the three share their product list, read back too
      var items = back.model().collaborative().models().stream().map(m -> m.items()).toList();
      assertEquals(3, items.size());
      assertSame(items.get(0), items.get(1));
      assertSame(items.get(0), items.get(2));
      assertEquals(model.collaborative().items().orElseThrow().items().ids(), items.get(0).ids());
    }
  }

  @Test
  void tamperedArtifactIsRefused() throws Exception {
    Path file = dir.resolve("model.fsm");
    new ModelArtifact(info("learned", 0.1, 0.05), toyModel(FeatureRanker.popularity())).write(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x01;
    Files.write(file, bytes);
    var e = assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(file));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }

  @Test
  void foreignFilesAreRefused() throws Exception {
    Path text = dir.resolve("notes.fsm");
    Files.writeString(text, "hello, I am not a model at all");
    var e = assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(text));
    assertTrue(e.getMessage().contains("not a FanShelf model artifact"), e.getMessage());

    // A bare Java-serialized object, as an attacker would send one.
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
      out.writeObject(new ArrayList<>(List.of("x")));
    }
    Path serialized = dir.resolve("serialized.fsm");
    Files.write(serialized, raw.toByteArray());
    assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(serialized));
  }

  @Test
  void payloadsThatLieAboutTheirSizeAreRefused() throws Exception {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(0); // no collaborative model
      out.writeInt(1); // trees
      out.writeInt(Integer.MAX_VALUE); // a root count the payload cannot hold
    }
    var e =
        assertThrows(
            ArtifactRefusedException.class,
            () -> ModelCodec.decode(raw.toByteArray(), "evil", "evil.fsm"));
    assertTrue(e.getMessage().contains("evil.fsm"), e.getMessage());
    ByteArrayOutputStream cyclic = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(cyclic)) {
      out.writeInt(0); // no collaborative model
      out.writeInt(1); // trees: one node that splits and points back at itself
      int[][] ints = {{0}, {0}};
      for (int[] array : ints) { // roots, feature
        out.writeInt(1);
        out.writeInt(array[0]);
      }
      out.writeInt(1); // threshold
      out.writeFloat(0f);
      out.writeInt(1); // left
      out.writeInt(0);
      out.writeInt(1); // right
      out.writeInt(0);
      out.writeInt(1); // value
      out.writeDouble(0);
      out.writeBoolean(true);
    }
    e =
        assertThrows(
            ArtifactRefusedException.class,
            () -> ModelCodec.decode(cyclic.toByteArray(), "evil", "cyclic.fsm"));
    assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
  }

  @Test
  void otherFeatureSchemaIsRefused() throws Exception {
    ArtifactInfo base = info("learned", 0.1, 0.05);
    ArtifactInfo old =
        new ArtifactInfo(
            base.formatVersion(),
            base.id(),
            base.ranking(),
            base.algorithm(),
            base.hyperParameters(),
            base.collaborative(),
            base.usesLabels(),
            List.of("some_old_feature"),
            base.dataWindow(),
            base.seed(),
            base.metrics(),
            base.validation(),
            base.createdAt(),
            false,
            Map.of());
    Path file = dir.resolve("old.fsm");
    new ModelArtifact(old, toyModel(FeatureRanker.popularity())).write(file);
    var e = assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(file));
    assertTrue(e.getMessage().contains("retrain"), e.getMessage());
  }
}
