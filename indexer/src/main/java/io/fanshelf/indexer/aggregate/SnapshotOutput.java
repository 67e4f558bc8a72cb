package io.fanshelf.indexer.aggregate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes an aggregates snapshot: big-endian primitives and bulk arrays through one buffer, with a
 * CRC32C of every byte written, appended by {@link #finish}. Not thread-safe; the caller closes the
 * channel.
 */
final class SnapshotOutput implements Closeable {
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.BIG_ENDIAN);
  private final CRC32C checksum = new CRC32C();

  SnapshotOutput(FileChannel channel) {
    this.channel = channel;
  }

  private void room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      drain();
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    checksum.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  void writeInt(int value) throws IOException {
    room(4);
    buffer.putInt(value);
  }

  void writeLong(long value) throws IOException {
    room(8);
    buffer.putLong(value);
  }

  void writeDouble(double value) throws IOException {
    room(8);
    buffer.putDouble(value);
  }

  void writeBoolean(boolean value) throws IOException {
    room(1);
    buffer.put((byte) (value ? 1 : 0));
  }

  void writeString(String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    for (int at = 0; at < bytes.length; ) {
      room(1);
      int n = Math.min(buffer.remaining(), bytes.length - at);
      buffer.put(bytes, at, n);
      at += n;
    }
  }

  /** The first {@code n} values, after their count. */
  void writeInts(int[] values, int n) throws IOException {
    writeInt(n);
    for (int at = 0; at < n; ) {
      room(4);
      int chunk = Math.min(buffer.remaining() / 4, n - at);
      buffer.asIntBuffer().put(values, at, chunk);
      buffer.position(buffer.position() + chunk * 4);
      at += chunk;
    }
  }

  void writeLongs(long[] values, int n) throws IOException {
    writeInt(n);
    for (int at = 0; at < n; ) {
      room(8);
      int chunk = Math.min(buffer.remaining() / 8, n - at);
      buffer.asLongBuffer().put(values, at, chunk);
      buffer.position(buffer.position() + chunk * 8);
      at += chunk;
    }
  }

  void writeDoubles(double[] values, int n) throws IOException {
    writeInt(n);
    for (int at = 0; at < n; ) {
      room(8);
      int chunk = Math.min(buffer.remaining() / 8, n - at);
      buffer.asDoubleBuffer().put(values, at, chunk);
      buffer.position(buffer.position() + chunk * 8);
      at += chunk;
    }
  }

  /** Writes the checksum of everything before it and flushes; nothing may be written after. */
  void finish() throws IOException {
    drain();
    buffer.putLong(checksum.getValue());
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
