package io.fanshelf.training.registry;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.RankingModel;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ranking model with its {@link ArtifactInfo}, and the file format that stores them:
 *
 * <pre>
 * "FSMODEL\n"            8 bytes, magic
 * format version         int (big-endian), 2
 * SHA-256 of the body    32 bytes
 * body                   int length + UTF-8 JSON info, int length + model payload
 * </pre>
 *
 * Loading refuses a file without the magic (foreign), with another format version (format 1 held
 * the classifiers of earlier FanShelf versions), whose checksum does not match (tampered or
 * damaged), or whose feature schema differs from this build's. The payload is numbers and strings
 * only ({@link ModelCodec}): nothing in a file can name a class to load. Immutable.
 */
public record ModelArtifact(ArtifactInfo info, RankingModel model) {
  public static final int FORMAT_VERSION = 2;
  private static final ChecksummedFormat FORMAT =
      new ChecksummedFormat(
          "FSMODEL\n".getBytes(StandardCharsets.US_ASCII),
          FORMAT_VERSION,
          " is not a FanShelf model artifact (no FSMODEL header); give a file written by"
              + " 'fanshelf-training train'",
          " has artifact format %d but this build reads format "
              + FORMAT_VERSION
              + "; retrain the model with this version",
          " failed its SHA-256 check: the file was changed or damaged after it was written;"
              + " refusing to load it");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_PART = Integer.MAX_VALUE - 8;

  /** Writes atomically: a temporary file in the same folder, then a rename. */
  public void write(Path file) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      byte[] json = JSON.writeValueAsBytes(info);
      out.writeInt(json.length);
      out.write(json);
      byte[] payload = ModelCodec.encode(model);
      out.writeInt(payload.length);
      out.write(payload);
    }
    FORMAT.write(file, body.toByteArray());
  }

  /** Reads and checks an artifact; see the class comment for what is refused. */
  public static ModelArtifact read(Path file) throws IOException {
    String name = file.toString();
    DataInputStream parts = FORMAT.read(file);
    ArtifactInfo info = info(parts, name);
    RankingModel model = ModelCodec.decode(part(parts, name), info.id(), name);
    return new ModelArtifact(info, model);
  }

  /**
   * The same checks, but only the info is read: listing models and saying which one serves need no
   * decoded model (an ALS model's factors run to tens of megabytes).
   */
  public static ArtifactInfo readInfo(Path file) throws IOException {
    return info(FORMAT.read(file), file.toString());
  }

  private static ArtifactInfo info(DataInputStream parts, String name) throws IOException {
    ArtifactInfo info;
    try {
      info = JSON.readValue(part(parts, name), ArtifactInfo.class);
    } catch (JacksonException e) {
      throw new ArtifactRefusedException(name + " has unreadable model info: " + e.getMessage(), e);
    }
    if (!info.featureSchema().equals(Feature.names())) {
      throw new ArtifactRefusedException(
          name
              + " was trained on features "
              + info.featureSchema()
              + " but this build extracts "
              + Feature.names()
              + "; retrain it with this version");
    }
    return info;
  }

  private static byte[] part(DataInputStream in, String name) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_PART || length > in.available()) {
      throw new ArtifactRefusedException(name + " is truncated or malformed");
    }
    return in.readNBytes(length);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The first 8 hex digits of the SHA-256 of the model's info and payload: part of new ids. */
  static String shortHash(RankingModel model, Map<String, Object> extra) throws IOException {
    byte[] payload = ModelCodec.encode(model);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    digest.update(payload);
    digest.update(extra.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest(), 0, 4);
  }
}
