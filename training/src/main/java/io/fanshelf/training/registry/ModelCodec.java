package io.fanshelf.training.registry;

import io.fanshelf.training.model.GbtOptions;
import io.fanshelf.training.model.LogisticOptions;
import io.fanshelf.training.model.ModelOptions;
import io.fanshelf.training.model.TrainedModel;
import io.fanshelf.training.model.TrainedModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Model payloads. A logistic model is its numbers; a tree model is Smile's serialized {@code
 * GradientTreeBoost}, read back through an {@link ObjectInputFilter} that admits Smile's own
 * classes and the few JDK types they hold, and nothing else, within size limits.
 */
final class ModelCodec {
  /**
   * Smile classes and the JDK value types a fitted GradientTreeBoost holds; every other class is
   * refused before it is instantiated.
   */
  static final ObjectInputFilter FILTER =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=64;maxrefs=5000000;maxbytes=536870912;maxarray=50000000;"
              + "smile.**;java.lang.Object;java.lang.Enum;java.lang.Number;java.lang.Integer;java.lang.Double;"
              + "java.lang.Long;java.lang.Boolean;java.lang.String;java.lang.Record;"
              + "java.util.ArrayList;java.util.HashMap;java.util.LinkedHashMap;"
              + "java.util.ImmutableCollections$*;java.util.CollSer;java.util.Collections$*;"
              + "java.util.BitSet;java.util.Map$Entry;java.util.KeyValueHolder;java.util.AbstractMap$SimpleEntry;"
              + "java.util.AbstractMap$SimpleImmutableEntry;java.util.TreeMap;java.util.Optional;java.util.TreeMap;!*");

  private ModelCodec() {}

  static byte[] encode(TrainedModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (model.options() instanceof GbtOptions) {
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(TrainedModels.gbtTrees(model));
      }
    } else {
      TrainedModels.LogisticParts parts = TrainedModels.logisticParts(model);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(parts.weights().length);
        for (int i = 0; i < parts.weights().length; i++) {
          out.writeDouble(parts.weights()[i]);
          out.writeDouble(parts.means()[i]);
          out.writeDouble(parts.scales()[i]);
        }
        out.writeDouble(parts.intercept());
      }
    }
    return bytes.toByteArray();
  }

  static TrainedModel decode(ModelOptions options, byte[] payload, String name) throws IOException {
    if (options instanceof GbtOptions gbt) {
      String[] refused = {null};
      ObjectInputFilter recording =
          info -> {
            ObjectInputFilter.Status status = FILTER.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED && info.serialClass() != null) {
              refused[0] = info.serialClass().getName();
            }
            return status;
          };
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
        in.setObjectInputFilter(recording);
        return TrainedModels.gbt(gbt, in.readObject());
      } catch (InvalidClassException e) {
        throw new ArtifactRefusedException(
            name
                + " holds a class outside the model allow-list ("
                + (refused[0] != null ? refused[0] : e.getMessage())
                + "); refusing to load it",
            e);
      } catch (ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
        throw new ArtifactRefusedException(name + " holds no readable tree model: " + e, e);
      }
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      int p = in.readInt();
      if (p < 1 || p > 10_000) {
        throw new ArtifactRefusedException(name + " has a malformed logistic model");
      }
      double[] weights = new double[p];
      double[] means = new double[p];
      double[] scales = new double[p];
      for (int i = 0; i < p; i++) {
        weights[i] = in.readDouble();
        means[i] = in.readDouble();
        scales[i] = in.readDouble();
      }
      double intercept = in.readDouble();
      return TrainedModels.logistic(
          (LogisticOptions) options,
          new TrainedModels.LogisticParts(weights, intercept, means, scales));
    }
  }
}
