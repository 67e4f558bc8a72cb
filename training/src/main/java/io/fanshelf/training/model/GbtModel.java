package io.fanshelf.training.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;

/**
 * Smile gradient-boosted trees over the feature schema. Thread-safe: scoring reads the trees only.
 */
public final class GbtModel implements TrainedModel {
  static final String LABEL = "label__";

  private final GbtOptions options;
  private final GradientTreeBoost trees;
  private final StructType schema;

  GbtModel(GbtOptions options, GradientTreeBoost trees, List<String> featureNames) {
    this.options = Objects.requireNonNull(options, "options");
    this.trees = Objects.requireNonNull(trees, "trees");
    this.schema = schema(featureNames);
  }

  static StructType schema(List<String> featureNames) {
    List<StructField> fields = new ArrayList<>();
    for (String name : featureNames) {
      fields.add(new StructField(name, DataTypes.DoubleType));
    }
    return new StructType(fields);
  }

  @Override
  public GbtOptions options() {
    return options;
  }

  /** The Smile model, for serialization. */
  GradientTreeBoost trees() {
    return trees;
  }

  /** Smile's importance of each feature (summed split gain), in schema order. */
  public double[] importance() {
    return trees.importance();
  }

  @Override
  public double score(float[] features) {
    double[] row = new double[features.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = features[i];
    }
    double[] posterior = new double[2];
    trees.predict(Tuple.of(schema, row), posterior);
    return posterior[1];
  }
}
