package io.fanshelf.training.eval;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.collaborative.CollaborativeModel;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.recommender.collaborative.TopK;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A collaborative model as a list: the fan's whole known history before the fan's moment, scored by
 * the model, the {@value #LENGTH} best products that the snapshot's catalog has. Thread-safe.
 */
public final class CollaborativeList implements ListModel {
  /** How long a list is: far past every cut-off the metrics read. */
  static final int LENGTH = 1_000;

  private final String name;
  private final CollaborativeModel model;
  private final TrainingData data;
  private final Predicate<? super Event> known;
  private final FeedbackPolicy feedback;
  private final int[] ordinalOfRow;
  private final ThreadLocal<double[]> scratch;

  public CollaborativeList(
      String name,
      CollaborativeModel model,
      TrainingData data,
      Predicate<? super Event> known,
      CatalogSnapshot catalog) {
    this.name = name;
    this.model = model;
    this.data = data;
    this.known = known;
    this.feedback = data.feedback();
    int rows = model.items().size();
    this.ordinalOfRow = new int[rows];
    for (int row = 0; row < rows; row++) {
      OptionalInt ordinal = catalog.ordinal(model.items().id(row));
      ordinalOfRow[row] = ordinal.orElse(-1);
    }
    this.scratch = ThreadLocal.withInitial(() -> new double[rows]);
  }

  @Override
  public String name() {
    return name;
  }

  public CollaborativeModel model() {
    return model;
  }

  @Override
  public int[] head(FanCase fan) {
    List<Event> history = new ArrayList<>();
    for (Event event : data.log().ofFan(fan.fan())) {
      if (known.test(event) && event.time().isBefore(fan.now())) {
        history.add(event);
      }
    }
    FanItems items = FanItems.of(history, feedback, model.items());
    if (items.isEmpty()) {
      return new int[0];
    }
    double[] scores = scratch.get();
    java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
    model.scores(
        fan.fan(),
        items,
        (row, score) -> {
          if (ordinalOfRow[row] >= 0) {
            scores[row] = scores[row] == Double.NEGATIVE_INFINITY ? score : scores[row] + score;
          }
        });
    int[] best = TopK.indices(scores, LENGTH);
    int n = 0;
    int[] head = new int[best.length];
    for (int row : best) {
      if (scores[row] == Double.NEGATIVE_INFINITY) {
        break;
      }
      head[n++] = ordinalOfRow[row];
    }
    return java.util.Arrays.copyOf(head, n);
  }
}
