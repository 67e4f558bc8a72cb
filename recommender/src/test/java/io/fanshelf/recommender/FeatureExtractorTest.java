package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.Candidates;
import io.fanshelf.recommender.candidate.PopularSource;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.feature.FeatureExtractor;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTest {
  @TempDir Path dir;

  private static float feature(float[] vector, String name) {
    return vector[Feature.of(name).slot()];
  }

  private static float[] vector(Fixture f, String fan, String product) throws Exception {
    Signals signals = f.recommender.signals();
    float[] out = new float[Feature.count()];
    FeatureExtractor.of(f.recommender.evidence(Fixture.LILY, FanId.of(fan), Fixture.NOW))
        .extract(signals.catalog().ordinal(ProductId.of(product)).getAsInt(), null, out);
    return out;
  }

  @Test
  void labelHistoryAndPopularityFeaturesReadWhatTheyClaim() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // fan-0005: Lily's labels oily and price-insensitive (private: price >= 200), confidence 0.6
      assertEquals(0.6f, feature(vector(f, "fan-0005", "bh-001"), "label_rule_match"), 1e-6);
      assertEquals(1.2f, feature(vector(f, "fan-0005", "bh-007"), "label_rule_match"), 1e-6);
      assertEquals(0f, feature(vector(f, "fan-0005", "bh-002"), "label_rule_match"));
      assertEquals(1f, feature(vector(f, "fan-0005", "bh-002"), "has_labels"));
      assertEquals(0f, feature(vector(f, "fan-unknown", "bh-002"), "has_labels"));
      // fan-0001 bought bh-001
      assertEquals(1f, feature(vector(f, "fan-0001", "bh-001"), "bought_before"));
      assertTrue(feature(vector(f, "fan-0001", "bh-001"), "log_popularity") > 0);
      assertTrue(feature(vector(f, "fan-0001", "bh-001"), "category_affinity") > 0);
    }
  }

  @Test
  void theSameFanAndMomentGiveTheSameVector() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      assertArrayEquals(vector(f, "fan-0002", "bh-010"), vector(f, "fan-0002", "bh-010"));
      assertEquals(Feature.count(), Feature.names().size());
    }
  }

  @Test
  void vectorsFilledOnDemandEqualTheWholeOnesWhateverWasAskedFirst() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      Signals signals = f.recommender.signals();
      Candidates candidates = new Candidates(CandidateSources.ALL.size());
      Candidates.Sink popular = candidates.sink(CandidateSources.index(PopularSource.NAME));
      for (int ordinal = 0; ordinal < signals.catalog().size(); ordinal++) {
        popular.add(ordinal, ordinal + 1);
      }
      FanEvidence evidence =
          f.recommender.evidence(Fixture.LILY, FanId.of("fan-0005"), Fixture.NOW);
      float[][] whole = FeatureExtractor.of(evidence).extract(candidates.all());
      FeatureExtractor.Vectors lazy = FeatureExtractor.of(evidence).vectors(candidates.all());
      int[] some = {Feature.LABEL_RULE_MATCH.slot(), Feature.LOG_REACH.slot()};
      for (int i = 0; i < whole.length; i++) {
        float[] partial = lazy.vector(i, some);
        for (int slot : some) {
          assertEquals(whole[i][slot], partial[slot], "slot " + slot + " of candidate " + i);
        }
        if (i % 2 == 0) {
          assertArrayEquals(whole[i], lazy.vector(i), "candidate " + i + " completed");
        }
      }
      for (int i = 0; i < whole.length; i++) {
        assertArrayEquals(whole[i], lazy.vector(i), "candidate " + i);
      }
      assertTrue(whole.length > 10, "the fixture's catalog: " + whole.length);
      // read once: one array, filled again per call, right in the slots asked for
      FeatureExtractor.Vectors once = FeatureExtractor.of(evidence).vectors(candidates.all());
      int[][] asked = {
        some, {Feature.CATEGORY_AFFINITY.slot()}, IntStream.range(0, Feature.count()).toArray()
      };
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < whole.length; i++) {
          int[] slots = asked[(i + round) % asked.length];
          float[] read = once.vectorOnce(i, slots);
          for (int slot : slots) {
            assertEquals(whole[i][slot], read[slot], "slot " + slot + " of candidate " + i);
          }
        }
        once.vector(3); // a candidate kept whole reads the same
      }
    }
  }
}
