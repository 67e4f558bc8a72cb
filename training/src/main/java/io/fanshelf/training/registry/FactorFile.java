package io.fanshelf.training.registry;

import io.fanshelf.recommender.collaborative.FactorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One {@link FactorModel} on its own in a file, as a job outside this JVM (the Spark ALS job) hands
 * it over: in the registry's checksummed framing ({@link ChecksummedFormat}, header {@code
 * FSFACTORS}, format version 2), whether the model carries Hu et al.'s loss, then the model's
 * fields as a registry artifact stores them. Version 1 (a CRC-32 at the end) is refused. Stateless.
 */
public final class FactorFile {
  private static final int VERSION = 2;
  private static final ChecksummedFormat FORMAT =
      new ChecksummedFormat(
          "FSFACTORS".getBytes(StandardCharsets.US_ASCII),
          VERSION,
          " is not a FanShelf factor file (no FSFACTORS header)",
          " has factor file format %d, this build reads " + VERSION,
          " is damaged (checksum mismatch): write it again");

  private FactorFile() {}

  public static void write(FactorModel model, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeBoolean(model.confidence());
      ModelCodec.writeFactors(out, model);
    }
    FORMAT.write(file, bytes.toByteArray());
  }

  /**
   * @throws ArtifactRefusedException naming the file when it is not a factor file of this version,
   *     is damaged, or holds an inconsistent model
   */
  public static FactorModel read(Path file) throws IOException {
    try (DataInputStream in = FORMAT.read(file)) {
      return ModelCodec.readFactors(in, in.readBoolean());
    } catch (IllegalArgumentException e) {
      throw new ArtifactRefusedException(file + " holds an inconsistent model: " + e.getMessage());
    }
  }
}
