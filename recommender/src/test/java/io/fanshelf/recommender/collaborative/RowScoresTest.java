package io.fanshelf.recommender.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    RowScores byRow = new RowScores(binding, new RowArrays(rows));
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

  @Test
  void releasedSlotsComeBackZeroedAndTheNextRequestSumsTheSame() {
    // many rows written (the array is cleared whole), then few (slot by slot)
    releasedSlotsComeBackZeroed(5_000);
    releasedSlotsComeBackZeroed(40);
  }

  private static void releasedSlotsComeBackZeroed(int adds) {
    SplittableRandom random = new SplittableRandom(9);
    int rows = 2_000;
    BoundCollaborative.Binding binding = binding(rows, 2_500, random);
    RowArrays pool = new RowArrays(rows);
    RowScores first = new RowScores(binding, pool);
    for (int n = 0; n < adds; n++) {
      first.add(random.nextInt(rows), random.nextDouble() - 0.3); // bound and unbound rows
    }
    first.release();
    first.release(); // a second release gives nothing back twice
    assertEquals(1, pool.waiting());
    double[] back = pool.take();
    for (int row = 0; row < rows; row++) {
      assertEquals(0, back[row], "row " + row + " given back");
    }
    pool.give(back);
    RowScores reused = new RowScores(binding, pool);
    RowScores fresh = new RowScores(binding, new RowArrays(rows));
    assertEquals(0, pool.waiting(), "the released array is taken again");
    for (int n = 0; n < 3_000; n++) {
      int row = random.nextInt(rows);
      double score = random.nextDouble();
      reused.add(row, score);
      fresh.add(row, score);
    }
    for (int ordinal = 0; ordinal < 2_500; ordinal++) {
      assertEquals(fresh.get(ordinal), reused.get(ordinal), 0.0, "ordinal " + ordinal);
    }
    assertArrayEquals(fresh.top(100), reused.top(100));
  }

  @Test
  void aPoolKeepsABoundedNumberOfArraysOfItsLength() {
    RowArrays pool = new RowArrays(10);
    for (int i = 0; i < RowArrays.KEPT + 5; i++) {
      pool.give(new double[10]);
    }
    assertEquals(RowArrays.KEPT, pool.waiting());
    assertThrows(IllegalArgumentException.class, () -> pool.give(new double[11]));
  }
}
