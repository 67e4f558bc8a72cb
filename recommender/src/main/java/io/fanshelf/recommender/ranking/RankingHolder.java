package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.feature.Feature;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The ranking model in use, swapped atomically when a model is published, rolled back or chosen by
 * validation. Thread-safe: a request reads the current model once and uses it throughout.
 */
public final class RankingHolder {
  private final AtomicReference<RankingModel> current;
  private final List<Consumer<RankingModel>> listeners = new CopyOnWriteArrayList<>();

  public RankingHolder(RankingModel initial) {
    this.current = new AtomicReference<>(check(initial));
  }

  public RankingModel current() {
    return current.get();
  }

  /** Switches to {@code next}; refused when it expects other features than this build extracts. */
  public void use(RankingModel next) {
    current.set(check(next));
    listeners.forEach(listener -> listener.accept(next));
  }

  /** Called after each switch (e.g. to drop cached shelves). */
  public void onChange(Consumer<RankingModel> listener) {
    listeners.add(listener);
  }

  private static RankingModel check(RankingModel model) {
    Objects.requireNonNull(model, "model");
    if (!model.ranker().featureNames().equals(Feature.names())) {
      throw new IllegalArgumentException(
          "ranker "
              + model.name()
              + " was trained on features "
              + model.ranker().featureNames()
              + " but this build extracts "
              + Feature.names()
              + "; retrain it with this version");
    }
    return model;
  }
}
