package io.fanshelf.api.owner;

import io.fanshelf.api.funnel.FunnelLedger;
import io.fanshelf.indexer.SnapshotFiles;
import io.fanshelf.indexer.store.EventReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of the owner statistics and the funnel's counts of one data directory, {@code
 * <dataDir>/owner-stats/snapshot-<position>.fsstats}, with the event log position they include, so
 * that a start counts only the log's tail instead of the whole log (as {@code AggregateSnapshots}
 * does for the aggregates). The newest two are kept.
 *
 * <p>Format: {@code FSSTATSN}, the format version (2; a node's own snapshot of version 1, the same
 * layout, is read too), the funnel's attribution window, the log position and the id of the event
 * there, the time written, the statistics, the funnel (counts and remembered clicks), then a CRC32C
 * of everything before it. A snapshot is refused, with a warning naming the file and the reason,
 * and moved aside as {@code .refused} when it is truncated or corrupt, of another format or
 * attribution window, or not of this log (a position past its end, or another event at that
 * position); the next older one is tried, else the whole log is counted.
 *
 * <p>Not thread-safe: {@link StatsService} calls it with the event intake quiet.
 */
final class StatsSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(StatsSnapshots.class);
  static final byte[] MAGIC = "FSSTATSN".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 2;

  /**
   * The oldest format a node's own snapshot may be in: version 1 has the same layout, and its
   * funnel counted the events of the one log, as now. A shared snapshot ({@link SharedStats}) must
   * be {@link #FORMAT}: in version 1 its funnel held only the events its writer stored itself.
   */
  static final int OLDEST_OWN = 1;

  private final SnapshotFiles files;

  StatsSnapshots(Path directory) {
    this.files = new SnapshotFiles(directory, "snapshot-", ".fsstats", 2, "owner statistics");
  }

  /** Where the snapshot loaded was taken. */
  record Loaded(Path file, long position, Instant created) {}

  /**
   * Fills {@code stats} and {@code funnel} from the newest snapshot this log accepts; empty (both
   * left empty, after a warning for each snapshot refused) when there is none. The caller counts
   * the events after {@link Loaded#position}.
   */
  Optional<Loaded> load(EventReader events, AttributedStats stats, FunnelLedger funnel)
      throws IOException {
    return files.loadNewest(
        file -> {
          try {
            return read(file, events, stats, funnel);
          } catch (IOException | RuntimeException e) {
            stats.clear();
            funnel.clear();
            throw e;
          }
        });
  }

  /** Reads one snapshot into {@code stats} and {@code funnel}, or says why it is refused. */
  static Loaded read(Path file, EventReader events, AttributedStats stats, FunnelLedger funnel)
      throws IOException {
    return read(
        file,
        OLDEST_OWN,
        (position, lastEventId) -> SnapshotFiles.checkBelongs(position, lastEventId, events),
        stats,
        funnel);
  }

  /** Whether a snapshot's position belongs to the log or feed it is loaded for. */
  @FunctionalInterface
  interface Belongs {
    /**
     * @throws IOException saying why not
     */
    void check(long position, String lastEventId) throws IOException;
  }

  /**
   * Reads one snapshot into {@code stats} and {@code funnel} once {@code belongs} accepts its
   * position, or says why it is refused.
   *
   * @param oldest the oldest format version accepted ({@link #OLDEST_OWN}, or {@link #FORMAT})
   */
  static Loaded read(
      Path file, int oldest, Belongs belongs, AttributedStats stats, FunnelLedger funnel)
      throws IOException {
    long size = Files.size(file);
    // magic, format, window, position, empty id, time written, checksum
    if (size < MAGIC.length + 4 + 8 + 8 + 2 + 8 + 4) {
      throw new IOException("truncated: " + size + " bytes");
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("not an owner statistics snapshot (no FSSTATSN header)");
      }
      int format = in.readInt();
      if (format < oldest || format > FORMAT) {
        throw new IOException(
            "format version "
                + format
                + ", this version reads "
                + (oldest == FORMAT ? FORMAT : oldest + " to " + FORMAT)
                + (format < FORMAT && oldest == FORMAT
                    ? " (in version " + format + " its funnel counted only its writer's events)"
                    : ""));
      }
    }
    // The whole file is checked before anything in it is believed (counts, lengths).
    checkChecksum(file, size);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      in.skipNBytes(MAGIC.length + 4);
      Duration window = Duration.ofMillis(in.readLong());
      if (!window.equals(funnel.window())) {
        throw new IOException(
            "counted with a funnel attribution window of "
                + window
                + ", this node uses "
                + funnel.window());
      }
      long position = in.readLong();
      String lastEventId = in.readUTF();
      Instant created = Instant.ofEpochMilli(in.readLong());
      belongs.check(position, lastEventId);
      stats.readFrom(in);
      funnel.readFrom(in);
      // the counts must end exactly where the checksum begins
      in.readInt();
      if (in.read() != -1) {
        throw new IOException("corrupt: the counts end before the checksum");
      }
      return new Loaded(file, position, created);
    }
  }

  private static void checkChecksum(Path file, long size) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      long left = size - 4;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("truncated");
        }
        crc.update(buffer, 0, n);
        left -= n;
      }
      int stored = new DataInputStream(in).readInt();
      if (stored != (int) crc.getValue()) {
        throw new IOException("corrupt: the checksum does not match");
      }
    }
  }

  /**
   * Writes the counts as of log position {@code position}, whose event is {@code lastEventId};
   * nothing may be counted meanwhile. Skipped when the newest snapshot is at this position already.
   */
  void write(long position, String lastEventId, AttributedStats stats, FunnelLedger funnel)
      throws IOException {
    long started = System.nanoTime();
    Optional<Path> written =
        files.write(position, file -> writeCounts(file, position, lastEventId, stats, funnel));
    if (written.isPresent()) {
      LOG.info(
          "owner statistics snapshot {} written ({} KB) in {} ms",
          written.get().getFileName(),
          Files.size(written.get()) / 1_000,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Writes one snapshot file of the counts as of {@code position} (a log position, or the
   * milliseconds of a feed position), whose event or feed entry is {@code lastEventId}.
   */
  static void writeCounts(
      Path file, long position, String lastEventId, AttributedStats stats, FunnelLedger funnel)
      throws IOException {
    CRC32C crc = new CRC32C();
    try (OutputStream stream = Files.newOutputStream(file)) {
      DataOutputStream out =
          new DataOutputStream(
              new CheckedOutputStream(new BufferedOutputStream(stream, 1 << 16), crc));
      out.write(MAGIC);
      out.writeInt(FORMAT);
      out.writeLong(funnel.window().toMillis());
      out.writeLong(position);
      out.writeUTF(lastEventId);
      out.writeLong(Instant.now().toEpochMilli());
      stats.writeTo(out);
      funnel.writeTo(out);
      out.flush();
      int checksum = (int) crc.getValue();
      out.writeInt(checksum); // through the checked stream: the CRC covers what came before
      out.flush();
    }
  }

  /** Deletes every snapshot, durably, before a change they did not count (an import) commits. */
  void invalidate() throws IOException {
    files.invalidate();
  }

  /** Snapshot files, newest (highest position) first. */
  List<Path> files() throws IOException {
    return files.files();
  }
}
