package io.fanshelf.api.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * This node's name among the API nodes sharing Redis: {@code node-<12 hex>}, made once and kept in
 * {@code <data>/api/node-id}, so that a restarted node resumes its own pending stream entries.
 */
public final class NodeIdentity {
  private static final Pattern VALID = Pattern.compile("node-[0-9a-f]{12}");

  private NodeIdentity() {}

  /** The id stored in {@code apiDir}, created on first use. */
  public static String of(Path apiDir) throws IOException {
    Path file = apiDir.resolve("node-id");
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!VALID.matcher(id).matches()) {
        throw new IOException(
            file + " should hold a node id like node-0123456789ab, got '" + id + "'");
      }
      return id;
    }
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String id = "node-" + HexFormat.of().formatHex(random);
    Files.createDirectories(apiDir);
    Path temp = Files.createTempFile(apiDir, "node-id", ".tmp");
    Files.writeString(temp, id + "\n", StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    return id;
  }
}
