package io.fanshelf.indexer.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * Streams the rows of a CSV or JSONL file. A malformed row (bad quoting, wrong number of cells,
 * invalid JSON) is reported to {@link Problems} and skipped; so is an unknown or missing column.
 * Not thread-safe; close it.
 */
final class RowReader implements Iterator<Row>, Closeable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InputFile input;
  private final Problems problems;
  private final InputFile.CountingStream raw;
  private final BufferedReader reader;
  private Map<String, Integer> header;
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
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.reader = new BufferedReader(new InputStreamReader(input.content(raw), utf8), 1 << 16);
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
      problems.add(input.name(), 1, "", "the file is empty; expected a header row");
      headerBroken = true;
      return;
    }
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
            "unknown column '" + column + "'; expected columns among " + new TreeSet<>(allowed));
        headerBroken = true;
      } else if (header.put(column, i) != null) {
        problems.add(input.name(), 1, column, "column '" + column + "' appears twice");
        headerBroken = true;
      }
    }
    for (String column : required) {
      if (!header.containsKey(column)) {
        problems.add(input.name(), 1, column, "missing required column '" + column + "'");
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
          problems.add(input.name(), row.line(), field, "required, but empty");
          ok = false;
        }
      } catch (IllegalArgumentException e) {
        // A list where a value was expected; the mapper reports it with the field name.
      }
    }
    return ok;
  }

  private String readLine() {
    try {
      String text = reader.readLine();
      if (text != null) {
        line++;
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(input.name() + ":" + (line + 1) + ": " + e.getMessage(), e);
    }
  }

  /** Returned for a record already reported as malformed. */
  private static final List<String> SKIPPED = List.of();

  /**
   * One RFC 4180 record, possibly spanning lines; null at the end of the file, {@link #SKIPPED}
   * when it was malformed.
   */
  private List<String> readRecord() {
    String text = readLine();
    if (text == null) {
      return null;
    }
    long start = line;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (!quoted) {
          break;
        }
        String more = readLine();
        if (more == null) {
          problems.add(input.name(), start, "", "malformed line: a quoted cell is never closed");
          return SKIPPED;
        }
        cell.append('\n');
        text = more;
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < text.length() && text.charAt(i) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
