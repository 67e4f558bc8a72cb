package io.fanshelf.indexer.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream, split at {@code \n}, {@code \r\n} or a lone {@code \r} (as spreadsheet
 * programs on old Macs write) and each decoded as UTF-8 on its own, so that bytes that are not
 * UTF-8 are reported at their own line; a reader that decodes ahead in blocks reports them lines
 * early. Not thread-safe; closing it closes the stream.
 */
final class Utf8Lines implements Closeable {
  private static final Charset GBK = Charset.forName("GBK");

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean afterCarriageReturn; // a \n that comes next ends no line
  private byte[] line = new byte[1 << 10];
  private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
  private final CharsetDecoder gbk = strict(GBK);

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** A line that is not UTF-8; the message says so, and what the file seems to be instead. */
  static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    NotUtf8Exception(String message) {
      super(message);
    }
  }

  /** The next line without its line ending; null at the end. */
  String next() throws IOException {
    int length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
          return any ? decode(length) : null;
        }
        position = 0;
        limit = n;
      }
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      any = true;
      int end = position;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      length = append(length, end - position);
      if (end < limit) {
        afterCarriageReturn = buffer[end] == '\r';
        position = end + 1;
        return decode(length);
      }
      position = limit;
    }
  }

  private int append(int length, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, position, line, length, count);
    return length + count;
  }

  private String decode(int length) throws NotUtf8Exception {
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    // The fast decoder turns bad bytes into U+FFFD; only a line with one is checked strictly (the
    // file may hold a genuine U+FFFD).
    if (text.indexOf('\uFFFD') < 0 || decodes(utf8, length)) {
      return text;
    }
    throw new NotUtf8Exception(
        decodes(gbk, length)
            ? "not valid UTF-8 (the file looks like GBK; save it as UTF-8)"
            : "not valid UTF-8; save the file as UTF-8");
  }

  private boolean decodes(CharsetDecoder decoder, int length) {
    try {
      decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
