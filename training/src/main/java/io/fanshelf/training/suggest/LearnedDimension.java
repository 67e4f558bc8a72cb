package io.fanshelf.training.suggest;

import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.MatchRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import smile.classification.LogisticRegression;

/**
 * A dimension learned from labelled fans: for a one-value dimension one multinomial logistic
 * regression over its values, for a many-value dimension one binary regression per value. Inputs
 * are the fan's feature shares scaled by their standard deviation over the labelled fans, so that
 * the penalty treats rare and common features alike.
 */
final class LearnedDimension implements DimensionModel {
  private static final int EVIDENCE = 3;

  private final Vocabulary vocabulary;
  private final double[] scale;
  private final List<Head> heads;
  private final Map<String, double[]> lift;
  private final Optional<RulePrior> rules;
  // The attribute feature each value's rule tests, e.g. a:skin_type=oily: shown as the rule
  // already.
  private final Map<String, String> ruleFeatures;

  /** One regression: its classes (value ids, or for a binary head the one value it judges). */
  private record Head(LogisticRegression model, List<String> classes, boolean binary) {}

  /** A labelled fan: the behaviour and the owner's values. */
  record Example(FanBehaviour fan, List<String> values) {}

  /** What fitting chose, per head: for the evaluation and the log. */
  record FitReport(String target, int classes, double lambda, double logLoss, double priorLoss) {}

  private LearnedDimension(
      Vocabulary vocabulary,
      double[] scale,
      List<Head> heads,
      Map<String, double[]> lift,
      Optional<RulePrior> rules,
      Map<String, String> ruleFeatures) {
    this.vocabulary = vocabulary;
    this.scale = scale;
    this.heads = heads;
    this.lift = lift;
    this.rules = rules;
    this.ruleFeatures = ruleFeatures;
  }

  /** Empty when no value has enough labelled fans to be learned. */
  static Optional<LearnedDimension> fit(
      Dimension dimension,
      List<Example> examples,
      Vocabulary vocabulary,
      SuggestionOptions options,
      List<FitReport> reports) {
    Random random = new Random(options.seed());
    Map<String, Integer> valueCounts = new LinkedHashMap<>();
    for (DimensionValue value : dimension.values()) {
      valueCounts.put(value.id(), 0);
    }
    examples.forEach(e -> e.values().forEach(v -> valueCounts.merge(v, 1, Integer::sum)));
    List<String> learnable = new ArrayList<>();
    valueCounts.forEach(
        (value, count) -> {
          if (count >= options.minClassFans()) {
            learnable.add(value);
          }
        });
    double[] scale = scale(examples, vocabulary);
    double[][] x = new double[examples.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = scaled(vocabulary.vector(examples.get(i).fan()), scale);
    }
    List<Head> heads = new ArrayList<>();
    if (dimension.cardinality() == Cardinality.ONE) {
      if (learnable.size() < 2) {
        return Optional.empty();
      }
      List<double[]> rows = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        int label = learnable.indexOf(examples.get(i).values().getFirst());
        if (label >= 0) {
          rows.add(x[i]);
          labels.add(label);
        }
      }
      PenalisedLogistic.Fitted fitted =
          PenalisedLogistic.fit(
              rows.toArray(double[][]::new),
              labels.stream().mapToInt(Integer::intValue).toArray(),
              learnable.size(),
              options.lambdas(),
              options.validationShare(),
              random);
      heads.add(new Head(fitted.model(), List.copyOf(learnable), false));
      reports.add(report(dimension.id(), learnable.size(), fitted));
    } else {
      for (String value : learnable) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
          y[i] = examples.get(i).values().contains(value) ? 1 : 0;
        }
        if (x.length - valueCounts.get(value) < options.minClassFans()) {
          continue; // nearly everyone has it: nothing to tell apart
        }
        PenalisedLogistic.Fitted fitted =
            PenalisedLogistic.fit(x, y, 2, options.lambdas(), options.validationShare(), random);
        heads.add(new Head(fitted.model(), List.of(value), true));
        reports.add(report(dimension.id() + "=" + value, 2, fitted));
      }
      if (heads.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new LearnedDimension(
            vocabulary,
            scale,
            heads,
            lift(examples, vocabulary),
            RulePrior.of(dimension),
            ruleFeatures(dimension)));
  }

  private static Map<String, String> ruleFeatures(Dimension dimension) {
    Map<String, String> features = new LinkedHashMap<>();
    for (DimensionValue value : dimension.values()) {
      if (value.match().orElse(null) instanceof MatchRule.Attribute rule) {
        features.put(value.id(), ProfileFeature.ATTRIBUTE + rule.name() + "=" + rule.value());
      }
    }
    return features;
  }

  private static FitReport report(String target, int classes, PenalisedLogistic.Fitted fitted) {
    return new FitReport(
        target, classes, fitted.lambda(), fitted.validationLogLoss(), fitted.priorLogLoss());
  }

  @Override
  public Suggestion.Method method() {
    return Suggestion.Method.CLASSIFIER;
  }

  @Override
  public Map<String, Double> probabilities(FanBehaviour fan) {
    double[] x = scaled(vocabulary.vector(fan), scale);
    Map<String, Double> probabilities = new LinkedHashMap<>();
    for (Head head : heads) {
      double[] posterior = new double[head.binary() ? 2 : head.classes().size()];
      head.model().predict(x, posterior);
      if (head.binary()) {
        probabilities.put(head.classes().getFirst(), posterior[1]);
      } else {
        for (int c = 0; c < posterior.length; c++) {
          probabilities.put(head.classes().get(c), posterior[c]);
        }
      }
    }
    return probabilities;
  }

  /**
   * The value's match rule, when the fan's products meet it, then the fan's features that are most
   * over-represented among fans labelled with the value (share times log lift), nested categories
   * counted once, each shared by at least two of the fan's products (one product is no pattern).
   */
  @Override
  public List<Evidence> evidence(FanBehaviour fan, String value) {
    List<Evidence> evidence = new ArrayList<>();
    rules.ifPresent(prior -> evidence.addAll(prior.evidence(fan, value)));
    double[] valueLift = lift.get(value);
    if (valueLift == null) {
      return evidence;
    }
    double[] x = vocabulary.vector(fan);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0 && valueLift[i] > 1) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble(i -> -x[i] * Math.log(valueLift[i])));
    List<String> chosen = new ArrayList<>();
    for (int i : order) {
      String key = vocabulary.key(i);
      if (key.equals(ruleFeatures.get(value))
          || chosen.stream().anyMatch(c -> c.startsWith(key) || key.startsWith(c))) {
        continue;
      }
      int matching = fan.productsWith(key);
      if (matching < 2) {
        continue;
      }
      chosen.add(key);
      evidence.add(
          new Evidence(
              ProfileFeature.kind(key), ProfileFeature.name(key), matching, fan.products().size()));
      if (evidence.size() >= EVIDENCE) {
        break;
      }
    }
    return evidence;
  }

  private static double[] scale(List<Example> examples, Vocabulary vocabulary) {
    int p = vocabulary.size();
    double[] sum = new double[p];
    double[] squares = new double[p];
    for (Example example : examples) {
      double[] x = vocabulary.vector(example.fan());
      for (int j = 0; j < p; j++) {
        sum[j] += x[j];
        squares[j] += x[j] * x[j];
      }
    }
    double[] scale = new double[p];
    int n = Math.max(1, examples.size());
    for (int j = 0; j < p; j++) {
      double mean = sum[j] / n;
      double sd = Math.sqrt(Math.max(0, squares[j] / n - mean * mean));
      scale[j] = sd > 1e-9 ? 1 / sd : 0; // a constant feature says nothing
    }
    return scale;
  }

  private static double[] scaled(double[] x, double[] scale) {
    for (int j = 0; j < x.length; j++) {
      x[j] *= scale[j];
    }
    return x;
  }

  /** Per value, each feature's mean share among fans with the value over its mean among all. */
  private static Map<String, double[]> lift(List<Example> examples, Vocabulary vocabulary) {
    int p = vocabulary.size();
    double[] overall = new double[p];
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Example example : examples) {
      double[] x = vocabulary.vector(example.fan());
      for (int j = 0; j < p; j++) {
        overall[j] += x[j] / examples.size();
      }
      for (String value : example.values()) {
        double[] sum = sums.computeIfAbsent(value, v -> new double[p]);
        for (int j = 0; j < p; j++) {
          sum[j] += x[j];
        }
        counts.merge(value, 1, Integer::sum);
      }
    }
    Map<String, double[]> lift = new LinkedHashMap<>();
    sums.forEach(
        (value, sum) -> {
          double[] ratio = new double[p];
          for (int j = 0; j < p; j++) {
            ratio[j] = overall[j] > 0 ? sum[j] / counts.get(value) / overall[j] : 0;
          }
          lift.put(value, ratio);
        });
    return lift;
  }
}
