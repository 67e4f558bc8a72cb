package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy's match rules as a prior, for a dimension too few fans are labelled in to learn:
 * among the fan's products that match any value's rule ({@code n} of them), {@code k} match this
 * value's. A one-value dimension gets the add-one (Laplace) estimate {@code (k + 1) / (n + V)} over
 * its {@code V} ruled values; a many-value dimension {@code (k + 1) / (n + 2)} per value. Not
 * calibrated on labels (there are none); the evaluation measures how far to trust it.
 */
final class RulePrior implements DimensionModel {
  private final Dimension dimension;
  private final List<DimensionValue> ruled;

  private RulePrior(Dimension dimension, List<DimensionValue> ruled) {
    this.dimension = dimension;
    this.ruled = ruled;
  }

  /** Empty when no active value of the dimension has a match rule. */
  static java.util.Optional<RulePrior> of(Dimension dimension) {
    List<DimensionValue> ruled =
        dimension.values().stream().filter(v -> !v.retired() && v.match().isPresent()).toList();
    return ruled.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new RulePrior(dimension, ruled));
  }

  @Override
  public Suggestion.Method method() {
    return Suggestion.Method.RULE_PRIOR;
  }

  @Override
  public Map<String, Double> probabilities(FanBehaviour fan) {
    Map<String, Integer> matching = new LinkedHashMap<>();
    int relevant = countMatches(fan, matching);
    Map<String, Double> probabilities = new LinkedHashMap<>();
    if (relevant == 0) {
      return probabilities; // nothing the rules recognise: no opinion
    }
    double denominator =
        dimension.cardinality() == Cardinality.ONE ? relevant + ruled.size() : relevant + 2;
    matching.forEach((value, k) -> probabilities.put(value, (k + 1) / denominator));
    return probabilities;
  }

  @Override
  public List<Evidence> evidence(FanBehaviour fan, String value) {
    Map<String, Integer> matching = new LinkedHashMap<>();
    int relevant = countMatches(fan, matching);
    Integer k = matching.get(value);
    return k == null || k == 0
        ? List.of()
        : List.of(new Evidence(Evidence.Kind.RULE, value, k, relevant));
  }

  /** Fills value to matching products; returns how many products match any ruled value. */
  private int countMatches(FanBehaviour fan, Map<String, Integer> matching) {
    ruled.forEach(v -> matching.put(v.id(), 0));
    int relevant = 0;
    for (Product product : fan.products()) {
      boolean any = false;
      for (DimensionValue value : ruled) {
        if (value.match().get().matches(product)) {
          matching.merge(value.id(), 1, Integer::sum);
          any = true;
        }
      }
      if (any) {
        relevant++;
      }
    }
    return relevant;
  }
}
