package io.fanshelf.training.registry;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.collaborative.CollaborativeModel;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.FanNeighbourModel;
import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.LinearRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A ranking model's payload in a format of FanShelf's own: plain numbers and strings, written and
 * read field by field, so that loading a file never instantiates a class the file names. Every
 * array length is checked against a bound before it is allocated, and every model checks its own
 * consistency when built, so a damaged or hostile payload is refused with a message, not loaded.
 *
 * <pre>
 * collaborative models: int count, then per model a tag (1 ALS, 2 item-to-item, 3 fan-kNN, 4 ALS
 *                       with Hu et al.'s loss, fitted by Spark: 1's fields) and its
 *                       fields (products as id strings, arrays as int length + big-endian values)
 * ranker:               a tag (1 trees, with the base ranking's two features and weight first;
 *                       2 linear; 3 one feature; 4 trees on a linear base, with the base's
 *                       weights, means and scales and its weight first; 5 and 6: 1 and 4 with
 *                       the rescore depth after the weight) and its fields
 * uses labels:          boolean
 * </pre>
 */
final class ModelCodec {
  /**
   * No array in a payload is longer (bounds allocation before a checksum-valid file is trusted).
   */
  private static final int MAX_ARRAY = 1 << 30;

  private static final int FACTORS = 1;
  private static final int ITEMS = 2;
  private static final int FANS = 3;
  // FACTORS with FactorModel.confidence(): files of Rendle's loss keep tag 1 and read as before
  private static final int FACTORS_CONFIDENCE = 4;
  private static final int TREES = 1;
  private static final int LINEAR = 2;
  private static final int ONE_FEATURE = 3;
  private static final int TREES_ON_LINEAR = 4;
  // the same as 1 and 4 with a rescore depth: files without one still read as before
  private static final int TREES_RESCORING = 5;
  private static final int TREES_ON_LINEAR_RESCORING = 6;

  private ModelCodec() {}

  /** One factor model's fields (tag 1's or 4's, after the tag), for {@link FactorFile}. */
  static void writeFactors(DataOutputStream out, FactorModel f) throws IOException {
    writeItems(out, f.items());
    out.writeInt(f.factors());
    writeFloats(out, f.itemFactors());
    writeDoubles(out, f.gramian());
    out.writeDouble(f.regularization());
    out.writeDouble(f.unobservedWeight());
    out.writeDouble(f.frequencyExponent());
  }

  static FactorModel readFactors(DataInputStream in, boolean confidence) throws IOException {
    return readFactors(in, confidence, new ArrayList<>());
  }

  private static FactorModel readFactors(
      DataInputStream in, boolean confidence, List<ItemIndex> read) throws IOException {
    ItemIndex items = readItems(in, read);
    int k = in.readInt();
    return new FactorModel(
        items,
        k,
        readFloats(in),
        readDoubles(in),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        confidence);
  }

  static byte[] encode(RankingModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      List<CollaborativeModel> models = model.collaborative().models();
      out.writeInt(models.size());
      for (CollaborativeModel m : models) {
        switch (m) {
          case FactorModel f -> {
            out.writeInt(f.confidence() ? FACTORS_CONFIDENCE : FACTORS);
            writeFactors(out, f);
          }
          case ItemNeighbourModel i -> {
            out.writeInt(ITEMS);
            out.writeUTF(i.algorithm());
            writeItems(out, i.items());
            writeInts(out, i.offsets());
            writeInts(out, i.targets());
            writeFloats(out, i.weights());
          }
          case FanNeighbourModel u -> {
            out.writeInt(FANS);
            writeItems(out, u.items());
            out.writeInt(u.fans().size());
            for (FanId fan : u.fans()) {
              out.writeUTF(fan.value());
            }
            writeInts(out, u.fanOffsets());
            writeInts(out, u.fanItems());
            out.writeInt(u.neighbours());
            out.writeDouble(u.shrinkage());
            out.writeInt(u.fansPerItem());
          }
        }
      }
      switch (model.ranker()) {
        case TreeEnsemble t -> {
          boolean rescoring = t.rescoreDepth() > 0;
          switch (t.base()) {
            case FeatureRanker f -> {
              out.writeInt(rescoring ? TREES_RESCORING : TREES);
              out.writeUTF(f.primary().key());
              out.writeUTF(f.secondary().key());
            }
            case LinearRanker l -> {
              out.writeInt(rescoring ? TREES_ON_LINEAR_RESCORING : TREES_ON_LINEAR);
              writeLinear(out, l);
            }
            default ->
                throw new IllegalArgumentException(
                    "cannot store trees on a " + t.base().getClass().getSimpleName());
          }
          out.writeDouble(t.baseWeight());
          if (rescoring) {
            out.writeInt(t.rescoreDepth());
          }
          writeInts(out, t.roots());
          writeInts(out, t.feature());
          writeFloats(out, t.threshold());
          writeInts(out, t.left());
          writeInts(out, t.right());
          writeDoubles(out, t.value());
        }
        case LinearRanker l -> {
          out.writeInt(LINEAR);
          writeLinear(out, l);
        }
        case FeatureRanker f -> {
          out.writeInt(ONE_FEATURE);
          out.writeUTF(f.primary().key());
          out.writeUTF(f.secondary().key());
        }
        default ->
            throw new IllegalArgumentException(
                "cannot store a " + model.ranker().getClass().getSimpleName());
      }
      out.writeBoolean(model.usesLabels());
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a payload back as the ranking named {@code name}.
   *
   * @param file for messages
   */
  static RankingModel decode(byte[] payload, String name, String file) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      int count = in.readInt();
      if (count < 0 || count > 3) {
        throw refused(file, "has " + count + " collaborative models");
      }
      Collaborative models = Collaborative.NONE;
      List<ItemIndex> read = new ArrayList<>(count);
      for (int m = 0; m < count; m++) {
        int tag = in.readInt();
        models =
            models.with(
                switch (tag) {
                  case FACTORS, FACTORS_CONFIDENCE ->
                      readFactors(in, tag == FACTORS_CONFIDENCE, read);
                  case ITEMS -> {
                    String algorithm = in.readUTF();
                    yield new ItemNeighbourModel(
                        algorithm, readItems(in, read), readInts(in), readInts(in), readFloats(in));
                  }
                  case FANS -> {
                    ItemIndex items = readItems(in, read);
                    int fans = length(in.readInt());
                    List<FanId> ids = new ArrayList<>(fans);
                    for (int i = 0; i < fans; i++) {
                      ids.add(FanId.of(in.readUTF()));
                    }
                    yield new FanNeighbourModel(
                        items,
                        ids,
                        readInts(in),
                        readInts(in),
                        in.readInt(),
                        in.readDouble(),
                        in.readInt());
                  }
                  default -> throw refused(file, "has an unknown collaborative model " + tag);
                });
      }
      int tag = in.readInt();
      Ranker ranker =
          switch (tag) {
            case TREES, TREES_ON_LINEAR, TREES_RESCORING, TREES_ON_LINEAR_RESCORING -> {
              Ranker base =
                  tag == TREES || tag == TREES_RESCORING
                      ? new FeatureRanker(name, Feature.of(in.readUTF()), Feature.of(in.readUTF()))
                      : readLinear(in, name);
              double baseWeight = in.readDouble();
              int depth = tag == TREES || tag == TREES_ON_LINEAR ? 0 : in.readInt();
              yield new TreeEnsemble(
                  name,
                  Feature.names(),
                  base,
                  baseWeight,
                  readInts(in),
                  readInts(in),
                  readFloats(in),
                  readInts(in),
                  readInts(in),
                  readDoubles(in),
                  depth);
            }
            case LINEAR -> readLinear(in, name);
            case ONE_FEATURE ->
                new FeatureRanker(name, Feature.of(in.readUTF()), Feature.of(in.readUTF()));
            default -> throw refused(file, "has an unknown ranker " + tag);
          };
      boolean usesLabels = in.readBoolean();
      if (in.available() > 0) {
        throw refused(file, "has " + in.available() + " bytes after the model");
      }
      return new RankingModel(name, models, ranker, usesLabels);
    } catch (EOFException e) {
      throw refused(file, "is truncated");
    } catch (IllegalArgumentException e) {
      throw new ArtifactRefusedException(
          file + " holds an inconsistent model: " + e.getMessage(), e);
    }
  }

  private static ArtifactRefusedException refused(String file, String what) {
    return new ArtifactRefusedException(file + " " + what + "; refusing to load it");
  }

  private static void writeItems(DataOutputStream out, ItemIndex items) throws IOException {
    out.writeInt(items.size());
    for (ProductId id : items.ids()) {
      out.writeUTF(id.value());
    }
  }

  /**
   * The product list next in {@code in}; one of {@code read} when it lists the same products in the
   * same order. Models fitted on one set of interactions share their list, and sharing it again
   * once read back means a request maps the fan's history to rows once for all of them, and the
   * catalog's ids are held once.
   */
  private static ItemIndex readItems(DataInputStream in, List<ItemIndex> read) throws IOException {
    int n = length(in.readInt());
    List<ProductId> ids = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      ids.add(ProductId.of(in.readUTF()));
    }
    for (ItemIndex earlier : read) {
      if (earlier.ids().equals(ids)) {
        return earlier;
      }
    }
    ItemIndex items = new ItemIndex(ids);
    read.add(items);
    return items;
  }

  private static int length(int n) {
    if (n < 0 || n > MAX_ARRAY) {
      throw new IllegalArgumentException("array length " + n + " out of bounds");
    }
    return n;
  }

  private static void writeLinear(DataOutputStream out, LinearRanker linear) throws IOException {
    writeDoubles(out, linear.weights());
    writeDoubles(out, linear.means());
    writeDoubles(out, linear.scales());
  }

  private static LinearRanker readLinear(DataInputStream in, String name) throws IOException {
    return new LinearRanker(
        name, Feature.names(), readDoubles(in), readDoubles(in), readDoubles(in));
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
    buffer.asIntBuffer().put(values);
    out.writeInt(values.length);
    out.write(buffer.array());
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int n = length(in.readInt());
    int[] values = new int[n];
    ByteBuffer.wrap(in.readNBytes(bytes(in, n, Integer.BYTES))).asIntBuffer().get(values);
    return values;
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
    buffer.asFloatBuffer().put(values);
    out.writeInt(values.length);
    out.write(buffer.array());
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int n = length(in.readInt());
    float[] values = new float[n];
    ByteBuffer.wrap(in.readNBytes(bytes(in, n, Float.BYTES))).asFloatBuffer().get(values);
    return values;
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
    buffer.asDoubleBuffer().put(values);
    out.writeInt(values.length);
    out.write(buffer.array());
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    int n = length(in.readInt());
    double[] values = new double[n];
    ByteBuffer.wrap(in.readNBytes(bytes(in, n, Double.BYTES))).asDoubleBuffer().get(values);
    return values;
  }

  /** The byte count of {@code n} values, refused when the payload has fewer bytes left. */
  private static int bytes(DataInputStream in, int n, int size) throws IOException {
    long total = (long) n * size;
    if (total > in.available()) {
      throw new EOFException();
    }
    return (int) total;
  }
}
