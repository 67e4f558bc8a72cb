package io.fanshelf.indexer.aggregate;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads what {@link SnapshotOutput} wrote, checking as it goes that every count fits in the bytes
 * left (a corrupt count fails here instead of allocating gigabytes) and, in {@link #finish}, the
 * checksum. Throws {@link SnapshotRefusedException} for anything malformed. Not thread-safe.
 */
final class SnapshotInput implements Closeable {
  private static final int TRAILER = 8;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.BIG_ENDIAN);
  private final CRC32C checksum = new CRC32C();
  private final long size;
  private long consumed; // bytes of the file moved into the buffer so far

  SnapshotInput(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    if (size < TRAILER) {
      throw new SnapshotRefusedException("the file is truncated (" + size + " bytes)");
    }
    buffer.limit(0);
  }

  /** Bytes of the body not read yet. */
  private long left() {
    return size - TRAILER - consumed + buffer.remaining();
  }

  private void need(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    buffer.compact();
    long bodyLeft = size - TRAILER - consumed;
    int wanted = (int) Math.min(buffer.remaining(), bodyLeft);
    buffer.limit(buffer.position() + wanted);
    int start = buffer.position();
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new SnapshotRefusedException("the file is truncated", new EOFException());
      }
    }
    ByteBuffer fresh = buffer.duplicate();
    fresh.position(start);
    checksum.update(fresh);
    consumed += wanted;
    buffer.flip();
    if (buffer.remaining() < bytes) {
      throw new SnapshotRefusedException("the file is truncated", new EOFException());
    }
  }

  int readInt() throws IOException {
    need(4);
    return buffer.getInt();
  }

  long readLong() throws IOException {
    need(8);
    return buffer.getLong();
  }

  double readDouble() throws IOException {
    need(8);
    return buffer.getDouble();
  }

  boolean readBoolean() throws IOException {
    need(1);
    byte value = buffer.get();
    if (value != 0 && value != 1) {
      throw new SnapshotRefusedException("corrupt: a flag is " + value);
    }
    return value == 1;
  }

  /** A count written before {@code elementBytes}-sized elements, checked against the bytes left. */
  int readCount(int elementBytes) throws IOException {
    int n = readInt();
    if (n < 0 || (long) n * elementBytes > left()) {
      throw new SnapshotRefusedException(
          "corrupt: a count of " + n + " does not fit in the " + left() + " bytes left");
    }
    return n;
  }

  String readString() throws IOException {
    byte[] bytes = new byte[readCount(1)];
    for (int at = 0; at < bytes.length; ) {
      need(1);
      int n = Math.min(buffer.remaining(), bytes.length - at);
      buffer.get(bytes, at, n);
      at += n;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Values written by {@link SnapshotOutput#writeInts}, into an array of at least {@code min}. */
  int[] readInts(int min) throws IOException {
    int n = readCount(4);
    int[] values = new int[Math.max(n, min)];
    for (int at = 0; at < n; ) {
      need(4);
      int chunk = Math.min(buffer.remaining() / 4, n - at);
      buffer.asIntBuffer().get(values, at, chunk);
      buffer.position(buffer.position() + chunk * 4);
      at += chunk;
    }
    return values;
  }

  long[] readLongs(int min) throws IOException {
    int n = readCount(8);
    long[] values = new long[Math.max(n, min)];
    for (int at = 0; at < n; ) {
      need(8);
      int chunk = Math.min(buffer.remaining() / 8, n - at);
      buffer.asLongBuffer().get(values, at, chunk);
      buffer.position(buffer.position() + chunk * 8);
      at += chunk;
    }
    return values;
  }

  double[] readDoubles(int min) throws IOException {
    int n = readCount(8);
    double[] values = new double[Math.max(n, min)];
    for (int at = 0; at < n; ) {
      need(8);
      int chunk = Math.min(buffer.remaining() / 8, n - at);
      buffer.asDoubleBuffer().get(values, at, chunk);
      buffer.position(buffer.position() + chunk * 8);
      at += chunk;
    }
    return values;
  }

  /** Checks that the body was read to its end and matches the checksum that follows it. */
  void finish() throws IOException {
    if (left() != 0) {
      throw new SnapshotRefusedException("corrupt: " + left() + " bytes after the aggregates");
    }
    ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
    while (trailer.hasRemaining()) {
      if (channel.read(trailer, size - TRAILER + trailer.position()) < 0) {
        throw new SnapshotRefusedException("the file is truncated", new EOFException());
      }
    }
    long expected = trailer.getLong(0);
    if (expected != checksum.getValue()) {
      throw new SnapshotRefusedException(
          "the checksum does not match (file says "
              + Long.toHexString(expected)
              + ", content gives "
              + Long.toHexString(checksum.getValue())
              + "): corrupt or truncated");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
