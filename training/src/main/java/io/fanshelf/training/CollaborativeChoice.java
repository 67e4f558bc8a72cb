package io.fanshelf.training;

import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.training.collaborative.AlsOptions;
import io.fanshelf.training.collaborative.CollaborativeOptions;
import io.fanshelf.training.collaborative.EaseOptions;
import io.fanshelf.training.collaborative.FanKnnOptions;
import io.fanshelf.training.collaborative.Interactions;
import io.fanshelf.training.collaborative.ItemKnnOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which collaborative models a ranking uses, with the settings validation chose: implicit ALS, the
 * best of the item-to-item models (EASE, item-kNN, RP3beta) and, while the interactions are few
 * enough to keep every fan's products in memory, fan-kNN. Immutable.
 *
 * @param factors ALS settings
 * @param items the chosen item-to-item model's settings
 * @param fans fan-kNN settings, when used
 */
public record CollaborativeChoice(
    Optional<AlsOptions> factors,
    Optional<CollaborativeOptions> items,
    Optional<FanKnnOptions> fans) {

  /**
   * Fan-kNN keeps every fan's products: above this many (fan, product) pairs the ranking does
   * without it (about 8 bytes a pair, twice; 5 million pairs is 80 MB).
   */
  public static final int MAX_FAN_KNN_PAIRS = 5_000_000;

  private static final List<String> ITEM_MODELS =
      List.of(EaseOptions.ALGORITHM, ItemKnnOptions.COSINE, ItemKnnOptions.RP3BETA);

  /** The choice from each algorithm's tuning on the validation window. */
  public static CollaborativeChoice of(
      Map<String, CollaborativeTuning.Tuned> tuned, Interactions validationData) {
    Optional<AlsOptions> factors =
        Optional.ofNullable(tuned.get(AlsOptions.ALGORITHM)).map(t -> (AlsOptions) t.options());
    Optional<CollaborativeOptions> items = Optional.empty();
    double best = Double.NEGATIVE_INFINITY;
    for (String algorithm : ITEM_MODELS) {
      CollaborativeTuning.Tuned t = tuned.get(algorithm);
      if (t != null && t.validationNdcg() > best) {
        best = t.validationNdcg();
        items = Optional.of(t.options());
      }
    }
    Optional<FanKnnOptions> fans =
        validationData.size() > MAX_FAN_KNN_PAIRS
            ? Optional.empty()
            : Optional.ofNullable(tuned.get(FanKnnOptions.ALGORITHM))
                .map(t -> (FanKnnOptions) t.options());
    return new CollaborativeChoice(factors, items, fans);
  }

  /** Fits the chosen models to {@code data}. */
  public Collaborative fit(Interactions data) {
    Collaborative models = Collaborative.NONE;
    if (data.size() == 0) {
      return models;
    }
    if (factors.isPresent()) {
      models = models.with(factors.get().fit(data));
    }
    if (items.isPresent()) {
      models = models.with(items.get().fit(data));
    }
    if (fans.isPresent() && data.size() <= MAX_FAN_KNN_PAIRS) {
      models = models.with(fans.get().fit(data));
    }
    return models;
  }

  /** Each model's algorithm and settings, for artifacts and reports. */
  public Map<String, Map<String, Object>> describe() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    factors.ifPresent(o -> out.put(o.algorithm(), o.hyperParameters()));
    items.ifPresent(o -> out.put(o.algorithm(), o.hyperParameters()));
    fans.ifPresent(o -> out.put(o.algorithm(), o.hyperParameters()));
    return out;
  }
}
