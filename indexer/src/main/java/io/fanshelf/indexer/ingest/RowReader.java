package io.fanshelf.indexer.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the rows of a CSV or JSONL file. A malformed row (bad quoting, a NUL character, wrong
 * number of cells, invalid JSON) is reported to {@link Problems} and skipped; so is an unknown or
 * missing column. A line that is not UTF-8, or gzip data that is not gzip, cut off or followed by
 * other bytes, is reported and ends the reading: what follows cannot be trusted. Not thread-safe;
 * close it.
 */
final class RowReader implements Iterator<Row>, Closeable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InputFile input;
  private final Problems problems;
  private final InputFile.CountingStream raw;
  private final Utf8Lines lines;
  private Map<String, Integer> header;
  private List<String> columns = List.of();
  private boolean unreadable;
  private long line;
  private Row next;
  private boolean headerBroken;
  private final Set<String> allowed;
  private final Set<String> required;

  /**
   * @param allowed the fields a row may carry (unknown CSV columns are an error: a typo in a header
   *     must not silently drop data)
   * @param required the fields every row must carry
   */
  RowReader(InputFile input, Problems problems, Set<String> allowed, Set<String> required)
      throws IOException {
    this.input = input;
    this.problems = problems;
    this.allowed = allowed;
    this.required = required;
    this.raw = input.open();
    this.lines = new Utf8Lines(input.content(raw));
    if (input.format() == InputFile.Format.CSV) {
      readHeader(allowed, required);
    } else if (input.format() != InputFile.Format.JSONL) {
      throw new IllegalArgumentException(
          input.name() + ": expected a .csv or .jsonl file here, got " + input.format());
    }
  }

  private void readHeader(Set<String> allowed, Set<String> required) {
    List<String> cells = readRecord();
    header = new HashMap<>();
    if (cells == SKIPPED) {
      headerBroken = true;
      return;
    }
    if (cells == null) {
      if (!unreadable) {
        problems.add(input.name(), 1, "", "the file is empty; expected a header row");
      }
      headerBroken = true;
      return;
    }
    columns = cells.stream().map(String::strip).toList();
    for (int i = 0; i < cells.size(); i++) {
      String column = cells.get(i).strip();
      if (i == 0 && column.startsWith("\uFEFF")) {
        column = column.substring(1); // spreadsheet programs write a byte-order mark
      }
      if (!allowed.contains(column)) {
        problems.add(
            input.name(),
            1,
            column,
            "unknown column '" + column + "'; expected columns among " + new TreeSet<>(allowed),
            ValidationError.Code.of("unknown-column", column));
        headerBroken = true;
      } else if (header.put(column, i) != null) {
        problems.add(input.name(), 1, column, "column '" + column + "' appears twice");
        headerBroken = true;
      }
    }
    for (String column : required) {
      if (!header.containsKey(column)) {
        problems.add(
            input.name(),
            1,
            column,
            "missing required column '" + column + "'",
            ValidationError.Code.of("missing-column", column));
        headerBroken = true;
      }
    }
  }

  long bytesRead() {
    return raw.count();
  }

  @Override
  public boolean hasNext() {
    while (next == null && !headerBroken) {
      Row row = input.format() == InputFile.Format.CSV ? nextCsv() : nextJson();
      if (row == END) {
        return false;
      }
      next = row;
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private static final Row END = new CsvRow("", 0, Map.of(), new String[0]);

  /** The next valid row, null for a skipped one, END at the end. */
  private Row nextCsv() {
    long start = line + 1;
    List<String> cells = readRecord();
    if (cells == null) {
      return END;
    }
    if (cells == SKIPPED) {
      return null;
    }
    if (cells.size() == 1 && cells.getFirst().isBlank()) {
      return null; // blank line
    }
    if (cells.size() != header.size()) {
      problems.add(
          input.name(),
          start,
          "",
          "malformed line: expected "
              + header.size()
              + " cells as in the header, got "
              + cells.size());
      return null;
    }
    CsvRow row = new CsvRow(input.name(), start, header, cells.toArray(String[]::new));
    return checkRequired(row) ? row : null;
  }

  private Row nextJson() {
    String text = readLine();
    if (text == null) {
      return END;
    }
    if (text.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JacksonException e) {
      problems.add(input.name(), line, "", "malformed JSON: " + e.getOriginalMessage());
      return null;
    }
    if (!node.isObject()) {
      problems.add(input.name(), line, "", "expected a JSON object, got " + node.getNodeType());
      return null;
    }
    JsonRow row = new JsonRow(input.name(), line, node);
    for (String field : row.fields()) {
      if (!allowed.contains(field)) {
        problems.add(
            input.name(),
            line,
            field,
            "unknown field '" + field + "'; expected fields among " + new TreeSet<>(allowed));
        return null;
      }
    }
    return checkRequired(row) ? row : null;
  }

  private boolean checkRequired(Row row) {
    boolean ok = true;
    for (String field : required) {
      try {
        if (row.text(field).isEmpty() && row.list(field).isEmpty()) {
          problems.add(
              input.name(),
              row.line(),
              field,
              "required, but empty",
              ValidationError.Code.of("required", field));
          ok = false;
        }
      } catch (IllegalArgumentException e) {
        // A list where a value was expected; the mapper reports it with the field name.
      }
    }
    return ok;
  }

  /** The next line; null at the end, or once the file proved unreadable (reported then). */
  private String readLine() {
    if (unreadable) {
      return null;
    }
    try {
      String text = lines.next();
      if (text != null) {
        line++;
      }
      return text;
    } catch (Utf8Lines.NotUtf8Exception e) {
      unreadable = true;
      problems.add(input.name(), line + 1, "", e.getMessage());
      return null;
    } catch (StrictGzipInputStream.MalformedGzipException e) {
      unreadable = true;
      problems.add(input.name(), 0, "", e.getMessage());
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(input.name() + ":" + (line + 1) + ": " + e.getMessage(), e);
    }
  }

  /** Returned for a record already reported as malformed. */
  private static final List<String> SKIPPED = List.of();

  /**
   * One RFC 4180 record, possibly spanning lines; null at the end of the file, {@link #SKIPPED}
   * when it was malformed. Strict where leniency would lose data: a quote inside an unquoted cell,
   * or anything but a comma or the end of the line after a closing quote, is an error (a quoted
   * cell left open by mistake would otherwise swallow the rows after it).
   */
  private List<String> readRecord() {
    String text = readLine();
    if (text == null) {
      return null;
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    long quoteLine = 0; // where the open quoted cell began
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (!quoted) {
          break;
        }
        String more = readLine();
        if (more == null) {
          if (!unreadable) {
            problems.add(
                input.name(), quoteLine, "", "malformed line: a quoted cell is never closed");
          }
          return SKIPPED;
        }
        cell.append('\n');
        text = more;
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (c == '\0') {
        return malformed(
            line, cells.size(), "a NUL character; the file may be binary or not UTF-8 text");
      }
      if (quoted) {
        if (c != '"') {
          cell.append(c);
        } else if (i < text.length() && text.charAt(i) == '"') {
          cell.append('"');
          i++;
        } else if (i < text.length() && text.charAt(i) != ',') {
          return malformed(
              quoteLine,
              cells.size(),
              "the quoted cell that begins here is closed on line "
                  + line
                  + " and followed by '"
                  + text.charAt(i)
                  + "'; is a closing quote missing? Inside a quoted cell write a quote as \"\"");
        } else {
          quoted = false;
        }
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
        quoteLine = line;
      } else if (c == '"') {
        return malformed(
            line,
            cells.size(),
            "a quote inside an unquoted cell; quote the whole cell and double the quote, e.g."
                + " \"5\"\" tube\"");
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** Reports a malformed cell and skips the rest of its line; returns {@link #SKIPPED}. */
  private List<String> malformed(long at, int column, String message) {
    problems.add(input.name(), at, columnName(column), "malformed line: " + message);
    return SKIPPED;
  }

  /** The header's name of a column, or its 1-based number while the header is being read. */
  private String columnName(int column) {
    return column < columns.size() ? columns.get(column) : "column " + (column + 1);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
