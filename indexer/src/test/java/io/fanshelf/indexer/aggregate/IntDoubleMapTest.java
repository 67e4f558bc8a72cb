package io.fanshelf.indexer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntDoubleMapTest {

  @Test
  void intDoubleMapAgreesWithAHashMap() {
    agreesWithAHashMap(new IntDoubleMap());
  }

  @Test
  void aMapForScoresAgreesWithAHashMap() {
    agreesWithAHashMap(IntDoubleMap.forScores());
  }

  private static void agreesWithAHashMap(IntDoubleMap map) {
    Random random = new Random(11);
    Map<Integer, Double> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      int key = random.nextInt(3_000);
      double delta = random.nextDouble();
      expected.merge(key, delta, Double::sum);
      assertEquals(expected.get(key), map.add(key, delta), 1e-9);
    }
    map.scale(2);
    assertEquals(expected.size(), map.size());
    expected.forEach((key, value) -> assertEquals(2 * value, map.get(key), 1e-9));
    assertEquals(0, map.get(5_000));
    Map<Integer, Double> visited = new HashMap<>();
    map.forEach(visited::put);
    assertEquals(expected.keySet(), visited.keySet());
  }
}
