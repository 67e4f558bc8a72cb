package io.fanshelf.training.registry;

import io.fanshelf.recommender.collaborative.FactorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One {@link FactorModel} on its own in a file, as a job outside this JVM (the Spark ALS job) hands
 * it over: the header {@code FSFACTORS}, format version 1, whether the model carries Hu et al.'s
 * loss, the model's fields as a registry artifact stores them, and a CRC-32 of everything before
 * it. Written to a temporary file and moved into place, so a reader never sees half a file.
 * Stateless.
 */
public final class FactorFile {
  private static final byte[] MAGIC = "FSFACTORS".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  private FactorFile() {}

  public static void write(FactorModel model, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeBoolean(model.confidence());
      ModelCodec.writeFactors(out, model);
    }
    byte[] body = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
      out.write(body);
      out.writeLong(crc.getValue());
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * @throws ArtifactRefusedException naming the file when it is not a factor file of this version,
   *     is damaged, or holds an inconsistent model
   */
  public static FactorModel read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    String name = file.toString();
    if (all.length < MAGIC.length + 4 + 8
        || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw new ArtifactRefusedException(
          name + " is not a FanShelf factor file (no FSFACTORS header)");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    if (stored != crc.getValue()) {
      throw new ArtifactRefusedException(name + " is damaged (checksum mismatch): write it again");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - 8))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new ArtifactRefusedException(
            name + " has factor file format " + version + ", this build reads " + VERSION);
      }
      boolean confidence = in.readBoolean();
      return ModelCodec.readFactors(in, confidence);
    } catch (IllegalArgumentException e) {
      throw new ArtifactRefusedException(name + " holds an inconsistent model: " + e.getMessage());
    }
  }
}
