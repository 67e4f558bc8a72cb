package io.fanshelf.api.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/**
 * One JSON document on disk, replaced atomically: written to a temporary file, forced to disk,
 * renamed over the old one, and the directory forced, as LocalMetadataStore does. A reader sees the
 * old or the new document, never a torn one, and a write that returned survives a crash. Not
 * synchronised: the owning store serialises writes.
 *
 * @param <T> the document type
 */
public final class JsonFile<T> {
  private final Path path;
  private final ObjectMapper mapper;
  private final JavaType type;
  private final Supplier<T> empty;

  public JsonFile(Path path, ObjectMapper mapper, JavaType type, Supplier<T> empty) {
    this.path = Objects.requireNonNull(path, "path");
    this.mapper = mapper;
    this.type = type;
    this.empty = empty;
  }

  public Path path() {
    return path;
  }

  /** The stored document, or the empty one when the file does not exist yet. */
  public T read() throws IOException {
    if (!Files.exists(path)) {
      return empty.get();
    }
    return mapper.readValue(Files.readAllBytes(path), type);
  }

  /** Replaces the document; durable when it returns. */
  public void write(T value) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(path.getFileName() + ".tmp");
    byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      var buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
    forceDirectory(dir);
  }

  /** Removes the document; durable when it returns. */
  public void delete() throws IOException {
    if (Files.deleteIfExists(path)) {
      forceDirectory(path.toAbsolutePath().getParent());
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for reading; the rename is then as durable as
      // the platform makes it.
    }
  }
}
