package io.fanshelf.indexer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FanProductMaxTest {
  @Test
  void keepsEveryPairApartThroughGrowthAndOnlyEverRises() {
    FanProductMax max = new FanProductMax();
    // fan and product indexes that share low bits, so a weak hash would pile them up
    for (int fan = 0; fan < 300; fan++) {
      for (int product = 0; product < 300; product++) {
        assertEquals(0.5, max.raise(fan << 8, product << 8, 0.5));
      }
    }
    assertEquals(90_000, max.size());
    assertEquals(0.5, max.raise(7 << 8, 9 << 8, 1.0), 1e-12);
    assertEquals(0, max.raise(7 << 8, 9 << 8, 0.2));
    assertEquals(0, max.raise(9 << 8, 7 << 8, 0.5));
    assertEquals(0.2, max.raise(Integer.MAX_VALUE, Integer.MAX_VALUE, 0.2), 1e-12);
    assertEquals(90_001, max.size());
  }
}
