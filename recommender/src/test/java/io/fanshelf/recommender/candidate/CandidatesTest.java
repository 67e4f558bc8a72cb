package io.fanshelf.recommender.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidatesTest {
  @Test
  void keepsFirstProposalOrderAndEachSourcesBestScoreAcrossGrowth() {
    SplittableRandom random = new SplittableRandom(4);
    int sources = 3;
    Candidates candidates = new Candidates(sources);
    // the reference: a map in insertion order of each ordinal's best score per source
    Map<Integer, float[]> expected = new LinkedHashMap<>();
    for (int n = 0; n < 20_000; n++) {
      // clustered and far-apart ordinals, repeats, more than the first table holds
      int ordinal = n % 3 == 0 ? random.nextInt(3_000) : random.nextInt(1_000_000);
      int source = random.nextInt(sources);
      float score = (float) random.nextDouble(-0.5, 2);
      candidates.sink(source).add(ordinal, score);
      float[] best = expected.computeIfAbsent(ordinal, o -> new float[sources]);
      best[source] = Math.max(best[source], Math.max(score, 1e-6f));
    }
    candidates.ensure(7_000_001); // a pin no source proposed
    expected.putIfAbsent(7_000_001, new float[sources]);
    candidates.ensure(expected.keySet().iterator().next()); // already there: nothing changes

    assertEquals(expected.size(), candidates.size());
    List<Integer> order = new ArrayList<>();
    for (Candidates.Candidate candidate : candidates.all()) {
      order.add(candidate.ordinal());
      float[] best = expected.get(candidate.ordinal());
      for (int s = 0; s < sources; s++) {
        assertEquals(best[s], candidate.sourceScore(s), "ordinal " + candidate.ordinal());
        assertEquals(best[s] > 0, candidate.from(s));
      }
    }
    assertEquals(List.copyOf(expected.keySet()), order);
    for (int ordinal : expected.keySet()) {
      assertTrue(candidates.contains(ordinal));
    }
    assertFalse(candidates.contains(2_000_000));
    assertFalse(candidates.contains(-1));
    assertThrows(IllegalArgumentException.class, () -> candidates.sink(0).add(-1, 1f));
  }
}
