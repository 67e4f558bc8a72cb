package io.fanshelf.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Gunzips a file that must be gzip through to its last byte: one or more members (RFC 1952), each
 * with its checksum and length checked, and nothing after them. The JDK's {@code GZIPInputStream}
 * silently ignores bytes after the last member, so a file with garbage appended (or two files
 * pasted together badly) would import. Every fault of the data is a {@link MalformedGzipException};
 * other {@code IOException}s come from the file itself. Not thread-safe; closing it closes {@code
 * in}.
 */
final class StrictGzipInputStream extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final InputStream in;
  private final byte[] input = new byte[1 << 16];
  private int inputStart;
  private int inputEnd;
  private long inputOffset; // of input[0] in the file
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private boolean inMember;
  private boolean finished;

  StrictGzipInputStream(InputStream in) {
    this.in = in;
  }

  /** A fault in the gzip data; the message says which, for a person to read. */
  static final class MalformedGzipException extends ZipException {
    private static final long serialVersionUID = 1L;

    MalformedGzipException(String message) {
      super(message);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!finished) {
      if (!inMember) {
        startMember();
        continue;
      }
      int n = inflate(buffer, offset, length);
      if (n > 0) {
        crc.update(buffer, offset, n);
        return n;
      }
      if (inflater.finished()) {
        endMember();
      }
    }
    return -1;
  }

  /** Reads a member header, or finds the clean end of the file after the last member. */
  private void startMember() throws IOException {
    boolean first = inputOffset + inputStart == 0;
    if (!fill()) {
      if (first) {
        throw new MalformedGzipException("not a gzip file: it is empty");
      }
      finished = true;
      return;
    }
    long at = inputOffset + inputStart;
    if (peek(0) != 0x1f || peek(1) != 0x8b) {
      throw new MalformedGzipException(
          first
              ? "not a gzip file: it does not start with the gzip signature (1f 8b); name it"
                  + " without .gz if it is not compressed"
              : "unexpected bytes after the gzip data at byte " + at + "; the file is damaged");
    }
    headerByte(); // the signature, checked above
    headerByte();
    int method = headerByte();
    if (method != 8) {
      throw new MalformedGzipException("gzip compression method " + method + " is not deflate");
    }
    int flags = headerByte();
    for (int i = 0; i < 6; i++) {
      headerByte(); // modification time, extra flags, operating system
    }
    if ((flags & FEXTRA) != 0) {
      int extra = headerByte() | headerByte() << 8;
      for (int i = 0; i < extra; i++) {
        headerByte();
      }
    }
    if ((flags & FNAME) != 0) {
      while (headerByte() != 0) {}
    }
    if ((flags & FCOMMENT) != 0) {
      while (headerByte() != 0) {}
    }
    if ((flags & FHCRC) != 0) {
      headerByte();
      headerByte();
    }
    inflater.reset();
    crc.reset();
    inMember = true;
  }

  private int inflate(byte[] buffer, int offset, int length) throws IOException {
    try {
      while (true) {
        if (inflater.needsInput()) {
          if (inputStart == inputEnd && !fill()) {
            throw new MalformedGzipException("the gzip data is cut off; the file is incomplete");
          }
          inflater.setInput(input, inputStart, inputEnd - inputStart);
          inputStart = inputEnd;
        }
        int n = inflater.inflate(buffer, offset, length);
        if (n > 0 || inflater.finished()) {
          return n;
        }
        if (inflater.needsDictionary()) {
          throw new MalformedGzipException("the gzip data is corrupt (it asks for a dictionary)");
        }
      }
    } catch (DataFormatException e) {
      throw new MalformedGzipException("the gzip data is corrupt: " + e.getMessage());
    }
  }

  /** Checks the member's trailer: CRC-32 and length of the uncompressed data. */
  private void endMember() throws IOException {
    inputStart -= inflater.getRemaining(); // bytes the inflater did not need belong to the trailer
    long expectedCrc = trailerInt();
    long expectedSize = trailerInt();
    if (expectedCrc != crc.getValue()
        || expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new MalformedGzipException("the gzip data is corrupt (checksum mismatch)");
    }
    inMember = false;
  }

  private long trailerInt() throws IOException {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value |= (long) headerByte() << (8 * i);
    }
    return value;
  }

  private int headerByte() throws IOException {
    if (inputStart == inputEnd && !fill()) {
      throw new MalformedGzipException("the gzip data is cut off; the file is incomplete");
    }
    return input[inputStart++] & 0xff;
  }

  private int peek(int ahead) throws IOException {
    while (inputEnd - inputStart <= ahead) {
      if (!fillMore()) {
        return -1;
      }
    }
    return input[inputStart + ahead] & 0xff;
  }

  /** Makes sure input has a byte; false at the end of the file. */
  private boolean fill() throws IOException {
    return inputStart < inputEnd || fillMore();
  }

  /** Reads more bytes after those not yet used; false at the end of the file. */
  private boolean fillMore() throws IOException {
    if (inputStart > 0) {
      System.arraycopy(input, inputStart, input, 0, inputEnd - inputStart);
      inputOffset += inputStart;
      inputEnd -= inputStart;
      inputStart = 0;
    }
    int n = in.read(input, inputEnd, input.length - inputEnd);
    if (n < 0) {
      return false;
    }
    inputEnd += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
