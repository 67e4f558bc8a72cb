package io.fanshelf.training.collaborative;

import static io.fanshelf.training.collaborative.CollaborativeOptions.integer;
import static io.fanshelf.training.collaborative.CollaborativeOptions.number;
import static io.fanshelf.training.collaborative.CollaborativeOptions.require;

import io.fanshelf.recommender.collaborative.FactorModel;
import java.util.Map;

/**
 * Implicit ALS with the settings of Rendle et al. (2021): the number of factors, sweeps, the L2
 * penalty scaled by frequency ({@code regularization * (n + unobservedWeight * N)^exponent}), the
 * weight of unobserved pairs, and the scale of the random start.
 *
 * @param factors vector length k, 1 to 1024
 * @param epochs alternating sweeps over fans and products, 1 to 100
 * @param regularization L2 penalty, > 0
 * @param unobservedWeight weight pushing every pair toward 0, >= 0
 * @param frequencyExponent how the penalty grows with a row's count, 0 (flat) to 1 (linear)
 * @param initScale standard deviation of the start vectors times sqrt(k), > 0
 * @param cgSteps conjugate-gradient steps per solve during the fit, 1 to k
 * @param seed the start vectors' seed
 */
public record AlsOptions(
    int factors,
    int epochs,
    double regularization,
    double unobservedWeight,
    double frequencyExponent,
    double initScale,
    int cgSteps,
    long seed)
    implements CollaborativeOptions {
  public static final String ALGORITHM = FactorModel.ALGORITHM;

  public AlsOptions {
    require(factors >= 1 && factors <= 1024, "factors", "between 1 and 1024", factors);
    require(epochs >= 1 && epochs <= 100, "epochs", "between 1 and 100", epochs);
    require(regularization > 0, "regularization", "> 0", regularization);
    require(unobservedWeight >= 0, "unobservedWeight", ">= 0", unobservedWeight);
    require(
        frequencyExponent >= 0 && frequencyExponent <= 1,
        "frequencyExponent",
        "between 0 and 1",
        frequencyExponent);
    require(initScale > 0, "initScale", "> 0", initScale);
    require(cgSteps >= 1 && cgSteps <= factors, "cgSteps", "between 1 and factors", cgSteps);
  }

  /** 64 factors, 12 sweeps, Rendle's frequency-scaled penalty; the tuned grid starts here. */
  public static AlsOptions defaults(long seed) {
    return new AlsOptions(64, 12, 0.01, 0.1, 1.0, 0.1, 3, seed);
  }

  public AlsOptions with(int newFactors, double newRegularization, double newUnobserved) {
    return new AlsOptions(
        newFactors,
        epochs,
        newRegularization,
        newUnobserved,
        frequencyExponent,
        initScale,
        Math.min(cgSteps, newFactors),
        seed);
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  static AlsOptions of(Map<String, ?> values) {
    return new AlsOptions(
        integer(values, "factors"),
        integer(values, "epochs"),
        number(values, "regularization"),
        number(values, "unobservedWeight"),
        number(values, "frequencyExponent"),
        number(values, "initScale"),
        integer(values, "cgSteps"),
        (long) number(values, "seed"));
  }

  @Override
  public FactorModel fit(Interactions data) {
    return Als.fit(data, this);
  }
}
