package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.store.EventReader;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of snapshots, each named by the event log position it includes ({@code
 * <prefix><position in 20 digits><suffix>}), the newest {@code keep} kept. A snapshot is written to
 * a temporary file, forced to disk and moved into place atomically, so a crash leaves the old ones
 * or the new one whole. One that does not load is moved aside as {@code .refused} with a warning
 * naming the file and why, and the next older one is tried. What a snapshot holds is its owner's
 * ({@link AggregateSnapshots}, the api's owner statistics); {@link #checkBelongs} is the check that
 * it was taken of this log. Not thread-safe.
 */
public final class SnapshotFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);

  /** Reads one snapshot file; any exception refuses it. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(Path file) throws IOException;
  }

  /** Writes the snapshot to the file given (a temporary one). */
  @FunctionalInterface
  public interface Writer {
    void write(Path file) throws IOException;
  }

  private final Path directory;
  private final String prefix;
  private final String suffix;
  private final int keep;
  private final String what;

  /**
   * @param what the snapshots' name in log lines, e.g. {@code aggregates}
   */
  public SnapshotFiles(Path directory, String prefix, String suffix, int keep, String what) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    this.directory = directory;
    this.prefix = prefix;
    this.suffix = suffix;
    this.keep = keep;
    this.what = what;
  }

  /** The snapshot files, newest (highest position) first. */
  public List<Path> files() throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(directory, prefix + "*" + suffix)) {
      stream.forEach(found::add);
    }
    found.sort(Comparator.comparing(Path::getFileName).reversed());
    return found;
  }

  /**
   * The newest snapshot {@code loader} accepts; empty when there is none (each refused one moved
   * aside after a warning).
   *
   * @throws ClosedByInterruptException when the loading thread was interrupted while it read the
   *     file (e.g. its owner is closing): the file stays, for the next start
   */
  public <T> Optional<T> loadNewest(Loader<T> loader) throws IOException {
    for (Path file : files()) {
      try {
        return Optional.of(loader.load(file));
      } catch (ClosedByInterruptException e) {
        throw e; // the reader was stopped (its owner closes), not the file found wrong: keep it
      } catch (IOException | RuntimeException e) {
        // Refused (truncated, corrupt, foreign, another format) or unreadable: the log still has
        // everything, so the caller counts it instead.
        LOG.warn(
            "{} snapshot {} refused: {}; moved aside as {}.refused, an older snapshot or else the"
                + " whole event log is counted instead",
            what,
            file,
            e.getMessage(),
            file.getFileName());
        try {
          Files.move(
              file,
              file.resolveSibling(file.getFileName() + ".refused"),
              StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moving) {
          LOG.warn("could not move {} aside: {}", file, moving.toString());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Writes the snapshot of log position {@code position} with {@code writer}, durably, and drops
   * all but the newest {@code keep}; empty, writing nothing, when that position's snapshot exists.
   */
  public Optional<Path> write(long position, Writer writer) throws IOException {
    Path target = directory.resolve(prefix + String.format("%020d", position) + suffix);
    if (Files.exists(target)) {
      return Optional.empty();
    }
    Files.createDirectories(directory);
    Path temporary = directory.resolve(prefix + position + ".tmp");
    Files.deleteIfExists(temporary);
    writer.write(temporary);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory();
    List<Path> files = files();
    for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
      Files.deleteIfExists(old);
    }
    return Optional.of(target);
  }

  /** Deletes every snapshot, durably; whether there was any. */
  public boolean invalidate() throws IOException {
    List<Path> files = files();
    if (files.isEmpty()) {
      return false;
    }
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    syncDirectory();
    return true;
  }

  /**
   * Refuses a snapshot that says it includes the log up to {@code position}, whose event there was
   * {@code lastEventId}, unless {@code events} is that log: a position past its end, or another
   * event at it, is another data directory's snapshot (or a log that lost events).
   */
  public static void checkBelongs(long position, String lastEventId, EventReader events)
      throws SnapshotRefusedException {
    try {
      long end = events.position().orElse(-1);
      if (position > end) {
        throw new SnapshotRefusedException(
            "it includes the log up to position "
                + position
                + " but this log ends at "
                + end
                + ": another data directory's snapshot, or the log lost events");
      }
      if (position > 0) {
        Optional<EventId> there = events.idAt(position);
        if (there.isEmpty() || !there.get().value().equals(lastEventId)) {
          throw new SnapshotRefusedException(
              "its last event '"
                  + lastEventId
                  + "' is not this log's event at position "
                  + position
                  + " ("
                  + there.map(EventId::value).map(id -> "'" + id + "'").orElse("none")
                  + "): another data directory's snapshot");
        }
      }
    } catch (SnapshotRefusedException e) {
      throw e;
    } catch (IOException e) {
      throw new SnapshotRefusedException("the log could not be read: " + e.getMessage(), e);
    }
  }

  private void syncDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
