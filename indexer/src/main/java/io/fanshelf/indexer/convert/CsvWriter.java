package io.fanshelf.indexer.convert;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a CSV file with RFC 4180 quoting: a cell is quoted when it holds a comma, a quote or a
 * line break, and quotes inside are doubled. Rows end with LF. A file whose name ends in {@code
 * .gz} is gzip-compressed (the gzip header carries no time stamp, so equal rows give equal bytes).
 * Not thread-safe; the caller closes it.
 */
final class CsvWriter implements Closeable {
  private final Writer out;
  private final int columns;
  private long rows;

  private CsvWriter(Writer out, List<String> header) throws IOException {
    this.out = out;
    this.columns = header.size();
    row(header);
    rows = 0;
  }

  static CsvWriter open(Path file, List<String> header) throws IOException {
    OutputStream stream = Files.newOutputStream(file);
    try {
      if (file.getFileName().toString().endsWith(".gz")) {
        stream = new GZIPOutputStream(stream, 1 << 16);
      }
      return new CsvWriter(
          new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
          header);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /** Writes one row; empty strings are empty cells (absent values). */
  void row(List<String> cells) throws IOException {
    if (cells.size() != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.size());
    }
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write('\n');
    rows++;
  }

  /** Data rows written, header not counted. */
  long rows() {
    return rows;
  }

  static String quote(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
