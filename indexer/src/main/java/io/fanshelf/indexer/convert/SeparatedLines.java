package io.fanshelf.indexer.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lines split on a literal separator, without quoting: the MovieLens files ({@code u.data} with
 * tabs, {@code u.item} and {@code u.user} with {@code |}, the {@code ::} of the 1M files) and
 * header-less rating CSVs. The columns are given by the caller; a line with another number of cells
 * is an error, blank lines are skipped. Not thread-safe; the caller closes it.
 */
final class SeparatedLines implements RawRecords {
  private final String fileName;
  private final BufferedReader in;
  private final String separator;
  private final Pattern splitter;
  private final Charset charset;
  private final List<String> columns;
  private final Map<String, Integer> columnIndex = new HashMap<>();
  private String[] cells = new String[0];
  private long line;

  private SeparatedLines(Path file, String separator, Charset charset, List<String> columns)
      throws IOException {
    this.fileName = file.getFileName().toString();
    this.separator = separator;
    this.splitter = Pattern.compile(Pattern.quote(separator));
    this.charset = charset;
    this.columns = List.copyOf(columns);
    for (int i = 0; i < this.columns.size(); i++) {
      columnIndex.put(this.columns.get(i), i);
    }
    this.in = RawRecords.open(file, charset);
  }

  /**
   * Opens a file whose lines hold exactly {@code columns.size()} cells separated by {@code
   * separator}.
   */
  static SeparatedLines open(Path file, String separator, Charset charset, List<String> columns)
      throws IOException {
    return new SeparatedLines(file, separator, charset, columns);
  }

  @Override
  public boolean next() throws IOException {
    String text;
    do {
      try {
        text = in.readLine();
      } catch (CharacterCodingException e) {
        throw new RawDataException(
            fileName,
            line + 1,
            Optional.empty(),
            "not valid " + charset.name() + " text; give the file's encoding with --encoding");
      }
      if (text == null) {
        return false;
      }
      line++;
    } while (text.isBlank());
    cells = split(text);
    if (cells.length != columns.size()) {
      throw error(
          null,
          "expected "
              + columns.size()
              + " cells separated by '"
              + printable(separator)
              + "' ("
              + String.join(", ", columns)
              + "), got "
              + cells.length);
    }
    return true;
  }

  private String[] split(String text) {
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    return splitter.split(text, -1);
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public String text(String column) {
    Integer index = columnIndex.get(column);
    if (index == null) {
      throw new IllegalArgumentException(column + " is not a column of " + fileName);
    }
    return cells[index];
  }

  @Override
  public RawDataException error(String column, String problem) {
    return new RawDataException(fileName, line, Optional.ofNullable(column), problem);
  }

  private static String printable(String separator) {
    return separator.equals("\t") ? "\\t" : separator;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
