package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.recommender.ranking.Ranker;
import java.util.List;
import java.util.Objects;

/**
 * A trained model as serving's {@link Ranker}: plug it in with {@code RankerHolder.use(...)}.
 * Thread-safe, as the model is.
 */
public final class ModelRanker implements Ranker {
  private final String name;
  private final List<String> featureNames;
  private final TrainedModel model;

  /**
   * @param name the model id shown in responses, e.g. {@code gbt-20250101T120000-1a2b3c4d}
   * @param featureNames the schema the model was trained on ({@link FeatureSchema#names()})
   */
  public ModelRanker(String name, List<String> featureNames, TrainedModel model) {
    this.name = Objects.requireNonNull(name, "name");
    this.featureNames = List.copyOf(featureNames);
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public double score(float[] features) {
    return model.score(features);
  }

  public TrainedModel model() {
    return model;
  }
}
