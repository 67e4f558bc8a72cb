package io.fanshelf.indexer.convert;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.zip.GZIPInputStream;

/**
 * A raw input file read record by record, with cells looked up by column name: the common side of
 * {@link RawCsvReader} (quoted CSV with a header) and {@link SeparatedLines} (unquoted lines split
 * on a separator, as MovieLens writes them). Every problem is a {@link RawDataException} naming the
 * file, the line and the column. Not thread-safe; the caller closes it.
 */
interface RawRecords extends Closeable {
  /** Moves to the next record; false at the end of the file. */
  boolean next() throws IOException;

  /** The 1-based line where the current record starts. */
  long line();

  /** The cell as written, possibly empty. */
  String text(String column);

  /** An error about the current record; {@code column} may be null for the record as a whole. */
  RawDataException error(String column, String problem);

  default String required(String column) throws RawDataException {
    String value = text(column).strip();
    if (value.isEmpty()) {
      throw error(column, "expected a value, got an empty cell");
    }
    return value;
  }

  /** A finite decimal number such as 4, 3.5 or -1e3. */
  default double number(String column) throws RawDataException {
    String value = required(column);
    try {
      double number = Double.parseDouble(value);
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(column, "expected a number such as 4 or 3.5, got '" + value + "'");
  }

  default Instant time(String column, TimeFormat format, ZoneId zone) throws RawDataException {
    String value = required(column);
    try {
      return format.parse(value, zone);
    } catch (IllegalArgumentException e) {
      throw error(column, e.getMessage());
    }
  }

  /**
   * Opens a text file in the given character set, gunzipping it when its name ends in {@code .gz};
   * undecodable bytes are an error (a {@link java.nio.charset.CharacterCodingException}), not
   * replaced.
   */
  static BufferedReader open(Path file, Charset charset) throws IOException {
    InputStream stream = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().endsWith(".gz")) {
        stream = new GZIPInputStream(stream, 1 << 16);
      }
      return new BufferedReader(
          new InputStreamReader(
              stream,
              charset
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)),
          1 << 16);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }
}
