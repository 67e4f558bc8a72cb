package io.fanshelf.recommender.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.aggregate.IntDoubleMap;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowScoresTest {
  /**
   * Rows 0..rows-1 of a model on a catalog where every fifth row is missing and the others sit at
   * shuffled ordinals.
   */
  private static BoundCollaborative.Binding binding(
      int rows, int catalog, SplittableRandom random) {
    int[] ordinals = new int[catalog];
    for (int i = 0; i < catalog; i++) {
      ordinals[i] = i;
    }
    for (int i = catalog - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = ordinals[i];
      ordinals[i] = ordinals[j];
      ordinals[j] = t;
    }
    int[] ordinalOfRow = new int[rows];
    int[] rowOfOrdinal = new int[catalog];
    Arrays.fill(rowOfOrdinal, -1);
    for (int row = 0; row < rows; row++) {
      ordinalOfRow[row] = row % 5 == 4 ? -1 : ordinals[row];
      if (ordinalOfRow[row] >= 0) {
        rowOfOrdinal[ordinalOfRow[row]] = row;
      }
    }
    return new BoundCollaborative.Binding(ordinalOfRow, rowOfOrdinal);
  }

  @Test
  void sumsAndTopEqualSummingByOrdinalToTheBit() {
    SplittableRandom random = new SplittableRandom(5);
    int rows = 3_000;
    int catalog = 4_000;
    BoundCollaborative.Binding binding = binding(rows, catalog, random);
    RowScores byRow = new RowScores(binding, rows);
    IntDoubleMap byOrdinal = IntDoubleMap.forScores();
    for (int n = 0; n < 20_000; n++) {
      // few distinct rows, negative weights (EASE has them) and sums that cancel to 0
      int row = random.nextInt(600);
      double score = n % 7 == 0 ? -0.25 : random.nextDouble() - 0.2;
      byRow.add(row, score);
      if (binding.ordinal(row) >= 0) {
        byOrdinal.add(binding.ordinal(row), score);
      }
    }
    byRow.add(700, 0.5);
    byRow.add(700, -0.5);
    byOrdinal.add(binding.ordinal(700), 0.5);
    byOrdinal.add(binding.ordinal(700), -0.5);
    assertEquals(byOrdinal.size(), byRow.size(), "unbound rows are not kept");
    for (int ordinal = 0; ordinal < catalog; ordinal++) {
      assertEquals(byOrdinal.get(ordinal), byRow.get(ordinal), 0.0, "ordinal " + ordinal);
    }
    TopK.Heap heap = new TopK.Heap(200);
    byOrdinal.forEach(heap::offer);
    assertArrayEquals(heap.best(), byRow.top(200));
    assertEquals(0, RowScores.none().get(3));
    assertEquals(0, RowScores.none().top(10).length);
  }
}
