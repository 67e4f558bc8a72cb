package io.fanshelf.indexer.convert;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory inside the output directory where outputs are written; {@link #publish}
 * moves them into place (atomically where the file system can), {@link #close} deletes what is
 * left. A failed conversion therefore leaves the output directory's files as they were. Not
 * thread-safe.
 */
final class StagingDir implements Closeable {
  private final Path outDir;
  private final Path dir;

  private StagingDir(Path outDir) throws IOException {
    this.outDir = Files.createDirectories(outDir);
    this.dir = Files.createTempDirectory(outDir, ".convert-");
  }

  static StagingDir in(Path outDir) throws IOException {
    return new StagingDir(outDir);
  }

  /** Where to write a file that will be published under {@code name}. */
  Path resolve(String name) {
    return dir.resolve(name);
  }

  /**
   * Moves the named files into the output directory, and deletes the {@code stale} ones there
   * (files an earlier run wrote that this one does not).
   */
  void publish(Collection<String> names, Collection<String> stale) throws IOException {
    publish(names);
    for (String name : stale) {
      Files.deleteIfExists(outDir.resolve(name));
    }
  }

  /** Moves the named files into the output directory, replacing files of the same name. */
  void publish(Collection<String> names) throws IOException {
    for (String name : names) {
      Path target = outDir.resolve(name);
      try {
        Files.move(
            dir.resolve(name),
            target,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(dir.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
