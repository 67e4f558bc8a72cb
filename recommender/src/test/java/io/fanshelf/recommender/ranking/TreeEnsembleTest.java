package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.feature.Feature;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {
  /** Popularity as the base, one stump on co-visit, weighed in with the base. */
  private static TreeEnsemble stumpOnPopularity(int rescoreDepth) {
    return new TreeEnsemble(
        "test",
        Feature.names(),
        FeatureRanker.popularity(),
        1.0,
        new int[] {0},
        new int[] {Feature.CO_VISIT.slot(), -1, -1},
        new float[] {0.5f, 0, 0},
        new int[] {1, 0, 0},
        new int[] {2, 0, 0},
        new double[] {0, -1, 10},
        rescoreDepth);
  }

  /** Whole vectors that record which slots each candidate was asked for. */
  private static final class Recorded implements FeatureVectors {
    final float[][] whole;
    final List<Set<Integer>> asked;

    Recorded(float[][] whole) {
      this.whole = whole;
      this.asked = Arrays.stream(whole).<Set<Integer>>map(v -> new HashSet<>()).toList();
    }

    @Override
    public int size() {
      return whole.length;
    }

    @Override
    public float[] vector(int i, int[] slots) {
      Arrays.stream(slots).forEach(asked.get(i)::add);
      return whole[i];
    }

    @Override
    public float[] vector(int i) {
      return vector(i, IntStream.range(0, Feature.count()).toArray());
    }
  }

  private static float[][] randomVectors(int n) {
    Random random = new Random(5);
    float[][] vectors = new float[n][Feature.count()];
    for (float[] vector : vectors) {
      for (int f = 0; f < vector.length; f++) {
        vector[f] = random.nextFloat();
      }
    }
    return vectors;
  }

  @Test
  void aCascadeAsksTheCandidatesBelowItsDepthOnlyForWhatTheBaseReads() {
    float[][] whole = randomVectors(40);
    TreeEnsemble cascade = stumpOnPopularity(10);
    Recorded recorded = new Recorded(whole);
    double[] scores = cascade.scores(recorded);
    Set<Integer> base = Set.of(Feature.LOG_REACH.slot(), Feature.LABEL_RULE_MATCH.slot());
    Set<Integer> trees = new HashSet<>(base);
    trees.add(Feature.CO_VISIT.slot());
    long rescored = recorded.asked.stream().filter(trees::equals).count();
    long baseOnly = recorded.asked.stream().filter(base::equals).count();
    Assertions.assertEquals(10, rescored, "the trees read co-visit of the best 10 by the base");
    Assertions.assertEquals(30, baseOnly, "the others only the base's features");
    Assertions.assertArrayEquals(cascade.scores(whole), scores);
  }

  @Test
  void readsAreTheSplitFeaturesAndTheBaseOnlyWhenItIsWeighedIn() {
    Assertions.assertArrayEquals(
        new int[] {
          Feature.LABEL_RULE_MATCH.slot(), Feature.CO_VISIT.slot(), Feature.LOG_REACH.slot()
        },
        stumpOnPopularity(0).reads());
    float[][] whole = randomVectors(5);
    Recorded recorded = new Recorded(whole);
    double[] scores = stumpOnPopularity(0).scores(recorded);
    for (int i = 0; i < whole.length; i++) {
      Assertions.assertEquals(stumpOnPopularity(0).score(whole[i]), scores[i]);
    }
  }
}
