package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.SnapshotInfo;
import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.store.EventReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregates snapshots of one data directory, {@code <dataDir>/aggregates/snapshot-<position>
 * .fsagg}: written beside the serving aggregates with the log position they include, loaded at
 * start with the events after that position replayed. The newest two are kept. A snapshot stays
 * valid only while the labels and catalog it counted with are the stores' ({@link #invalidate} is
 * called before a label change or import commits), so a snapshot on disk plus the log's tail always
 * equals the aggregates the running node had.
 *
 * <p>Not thread-safe: {@link ServingAggregates} calls it under the indexer's write lock.
 */
final class AggregateSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateSnapshots.class);
  private static final String PREFIX = "snapshot-";
  private static final String SUFFIX = ".fsagg";
  private static final int KEEP = 2;
  // Replayed events are counted in batches: bounded memory however long the tail.
  private static final int REPLAY_BATCH = 50_000;

  private final Path directory;
  private final IndexerOptions options;
  private boolean onDisk;

  AggregateSnapshots(Path directory, IndexerOptions options) throws IOException {
    this.directory = directory;
    this.options = options;
    this.onDisk = !files().isEmpty();
  }

  /**
   * The newest snapshot this log accepts, with the events after it counted in; empty (after a
   * warning naming each snapshot refused and why) when there is none.
   */
  Optional<EventAggregates> load(EventReader events, EventAggregates.Context context)
      throws IOException {
    for (Path file : files()) {
      long started = System.nanoTime();
      try {
        EventAggregates.Loaded loaded =
            EventAggregates.readSnapshot(
                file,
                options.feedback(),
                options.aggregates(),
                context,
                info -> checkBelongs(info, events));
        long loadedAt = System.nanoTime();
        long replayed = replayTail(events, loaded.info().position(), loaded.aggregates());
        LOG.info(
            "aggregates loaded from {} (log position {}, written {}) in {} ms, then {} events of"
                + " the log after it in {} ms",
            file.getFileName(),
            loaded.info().position(),
            loaded.info().created(),
            (loadedAt - started) / 1_000_000,
            replayed,
            (System.nanoTime() - loadedAt) / 1_000_000);
        return Optional.of(loaded.aggregates());
      } catch (IOException | RuntimeException e) {
        // Refused (truncated, corrupt, foreign, other format), or unreadable: the log still has
        // everything, so the caller rebuilds from it.
        LOG.warn(
            "aggregates snapshot {} refused: {}; moved aside as {}.refused, an older snapshot or"
                + " else the whole event log is counted instead",
            file,
            e.getMessage(),
            file.getFileName());
        try {
          Files.move(file, file.resolveSibling(file.getFileName() + ".refused"), replace());
        } catch (IOException moving) {
          LOG.warn("could not move {} aside: {}", file, moving.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static StandardCopyOption[] replace() {
    return new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING};
  }

  private static void checkBelongs(SnapshotInfo info, EventReader events)
      throws SnapshotRefusedException {
    try {
      long now = events.position().orElse(-1);
      if (info.position() > now) {
        throw new SnapshotRefusedException(
            "it includes the log up to position "
                + info.position()
                + " but this log ends at "
                + now
                + ": another data directory's snapshot, or the log lost events");
      }
      if (info.position() > 0) {
        Optional<EventId> there = events.idAt(info.position());
        if (there.isEmpty() || !there.get().value().equals(info.lastEventId())) {
          throw new SnapshotRefusedException(
              "its last event '"
                  + info.lastEventId()
                  + "' is not this log's event at position "
                  + info.position()
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

  private static long replayTail(EventReader events, long position, EventAggregates into)
      throws IOException {
    List<Event> batch = new ArrayList<>();
    long[] replayed = {0};
    events.forEachAfter(
        position,
        event -> {
          batch.add(event);
          if (batch.size() == REPLAY_BATCH) {
            into.addAll(batch);
            replayed[0] += batch.size();
            batch.clear();
          }
        });
    into.addAll(batch);
    return replayed[0] + batch.size();
  }

  /**
   * Writes the serving aggregates with the log's position now; the caller holds the write lock, so
   * the two match. Skipped when the newest snapshot is at this position already.
   */
  void write(EventAggregates serving, EventReader events) throws IOException {
    OptionalLong position = events.position();
    if (position.isEmpty()) {
      return;
    }
    long at = position.getAsLong();
    Path target = directory.resolve(PREFIX + String.format("%020d", at) + SUFFIX);
    if (Files.exists(target)) {
      return;
    }
    long started = System.nanoTime();
    Files.createDirectories(directory);
    String lastId = at == 0 ? "" : events.idAt(at).map(EventId::value).orElse("");
    if (at > 0 && lastId.isEmpty()) {
      LOG.info(
          "no aggregates snapshot: the log's last event has no number (appended before"
              + " numbering); the next append gives it one");
      return;
    }
    Path temporary = directory.resolve(PREFIX + at + ".tmp");
    Files.deleteIfExists(temporary);
    serving.writeSnapshot(temporary, new SnapshotInfo(at, lastId, Instant.now()));
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory();
    onDisk = true;
    List<Path> files = files();
    for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
      Files.deleteIfExists(old);
    }
    LOG.info(
        "aggregates snapshot {} written ({} MB) in {} ms",
        target.getFileName(),
        Files.size(target) / 1_000_000,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Deletes every snapshot, durably, before a change they did not count commits (labels, an
   * import): a start then rebuilds from the log until the next snapshot.
   */
  void invalidate() throws IOException {
    if (!onDisk) {
      return;
    }
    for (Path file : files()) {
      Files.deleteIfExists(file);
    }
    syncDirectory();
    onDisk = false;
  }

  /** Snapshot files, newest (highest position) first. */
  private List<Path> files() throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      stream.forEach(found::add);
    }
    found.sort(Comparator.comparing(Path::getFileName).reversed());
    return found;
  }

  private void syncDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
