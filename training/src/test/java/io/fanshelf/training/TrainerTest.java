package io.fanshelf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
  @Test
  void treeLadderDoublesFromNoTreeToTheWholeEnsemble() {
    assertEquals(List.of(0, 6, 12, 25, 50, 100, 200, 400), Trainer.treeLadder(400));
    assertEquals(List.of(0, 4, 8), Trainer.treeLadder(8));
    assertEquals(List.of(0), Trainer.treeLadder(0));
  }
}
