package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.SnapshotInfo;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.store.EventReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
  // Replayed events are counted in batches: bounded memory however long the tail.
  private static final int REPLAY_BATCH = 50_000;

  private final SnapshotFiles files;
  private final IndexerOptions options;
  private boolean onDisk;

  AggregateSnapshots(Path directory, IndexerOptions options) throws IOException {
    this.files = new SnapshotFiles(directory, "snapshot-", ".fsagg", 2, "aggregates");
    this.options = options;
    this.onDisk = !files.files().isEmpty();
  }

  /**
   * The newest snapshot this log accepts, with the events after it counted in; empty (after a
   * warning naming each snapshot refused and why) when there is none.
   */
  Optional<EventAggregates> load(EventReader events, EventAggregates.Context context)
      throws IOException {
    return files.loadNewest(
        file -> {
          long started = System.nanoTime();
          EventAggregates.Loaded loaded =
              EventAggregates.readSnapshot(
                  file,
                  options.feedback(),
                  options.aggregates(),
                  context,
                  info -> SnapshotFiles.checkBelongs(info.position(), info.lastEventId(), events));
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
          return loaded.aggregates();
        });
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
    String lastId = at == 0 ? "" : events.idAt(at).map(EventId::value).orElse("");
    if (at > 0 && lastId.isEmpty()) {
      LOG.info(
          "no aggregates snapshot: the log's last event has no number (appended before"
              + " numbering); the next append gives it one");
      return;
    }
    long started = System.nanoTime();
    Optional<Path> written =
        files.write(
            at, file -> serving.writeSnapshot(file, new SnapshotInfo(at, lastId, Instant.now())));
    if (written.isPresent()) {
      onDisk = true;
      LOG.info(
          "aggregates snapshot {} written ({} MB) in {} ms",
          written.get().getFileName(),
          Files.size(written.get()) / 1_000_000,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Deletes every snapshot, durably, before a change they did not count commits (labels, an
   * import): a start then rebuilds from the log until the next snapshot.
   */
  void invalidate() throws IOException {
    if (onDisk) {
      files.invalidate();
      onDisk = false;
    }
  }
}
