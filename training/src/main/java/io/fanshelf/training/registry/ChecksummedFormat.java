package io.fanshelf.training.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The framing the registry's binary files share (model artifacts, factor files):
 *
 * <pre>
 * magic                  the format's header bytes
 * format version         int (big-endian)
 * SHA-256 of the body    32 bytes
 * body
 * </pre>
 *
 * Written to a temporary file in the same folder and moved into place, so a reader never sees half
 * a file. Reading refuses, naming the file, a foreign header, another version and a failed
 * checksum, each with the format's own message (the file's name comes first).
 *
 * @param magic the header
 * @param version the format version this build writes and reads
 * @param foreign the message after the name when the header is missing
 * @param otherVersion the same for another version: a format string given the file's version
 * @param damaged the same when the checksum fails
 */
record ChecksummedFormat(
    byte[] magic, int version, String foreign, String otherVersion, String damaged) {

  /** Writes {@code body} framed, atomically, making the folder when it is missing. */
  void write(Path file, byte[] body) throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream(body.length + magic.length + 36);
    try (DataOutputStream out = new DataOutputStream(whole)) {
      out.write(magic);
      out.writeInt(version);
      out.write(ModelArtifact.sha256(body));
      out.write(body);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, whole.toByteArray());
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The body of {@code file} once its header, version and checksum are checked. */
  DataInputStream read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.toString();
    if (bytes.length < magic.length + 4 + 32
        || !Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
      throw new ArtifactRefusedException(name + foreign);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    in.skipNBytes(magic.length);
    int found = in.readInt();
    if (found != version) {
      throw new ArtifactRefusedException(name + otherVersion.formatted(found));
    }
    byte[] expected = in.readNBytes(32);
    byte[] body = in.readAllBytes();
    if (!MessageDigest.isEqual(expected, ModelArtifact.sha256(body))) {
      throw new ArtifactRefusedException(name + damaged);
    }
    return new DataInputStream(new ByteArrayInputStream(body));
  }
}
