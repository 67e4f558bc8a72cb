package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.feature.FeatureSchema;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The ranker in use, swapped atomically when a model is published or rolled back. Thread-safe: a
 * request reads the current ranker once and uses it throughout.
 */
public final class RankerHolder {
  private final AtomicReference<Ranker> current;
  private final List<Consumer<Ranker>> listeners = new CopyOnWriteArrayList<>();

  public RankerHolder(Ranker initial) {
    this.current = new AtomicReference<>(check(initial));
  }

  public Ranker current() {
    return current.get();
  }

  /** Switches to {@code next}; refused when it expects other features than this build extracts. */
  public void use(Ranker next) {
    current.set(check(next));
    listeners.forEach(listener -> listener.accept(next));
  }

  /** Called after each switch (e.g. to drop cached shelves). */
  public void onChange(Consumer<Ranker> listener) {
    listeners.add(listener);
  }

  private static Ranker check(Ranker ranker) {
    Objects.requireNonNull(ranker, "ranker");
    if (!ranker.featureNames().equals(FeatureSchema.names())) {
      throw new IllegalArgumentException(
          "ranker "
              + ranker.name()
              + " was trained on features "
              + ranker.featureNames()
              + " but this build extracts "
              + FeatureSchema.names()
              + "; retrain it with this version");
    }
    return ranker;
  }
}
