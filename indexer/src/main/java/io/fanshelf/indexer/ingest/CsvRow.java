package io.fanshelf.indexer.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A CSV record addressed by header name. */
final class CsvRow implements Row {
  private final String file;
  private final long line;
  private final Map<String, Integer> header;
  private final String[] cells;

  CsvRow(String file, long line, Map<String, Integer> header, String[] cells) {
    this.file = file;
    this.line = line;
    this.header = header;
    this.cells = cells;
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public Set<String> fields() {
    return header.keySet();
  }

  @Override
  public Optional<String> text(String field) {
    Integer index = header.get(field);
    if (index == null) {
      return Optional.empty();
    }
    String cell = cells[index].strip();
    return cell.isEmpty() ? Optional.empty() : Optional.of(cell);
  }

  @Override
  public List<String> list(String field) {
    return text(field).map(CsvRow::split).orElse(List.of());
  }

  static List<String> split(String cell) {
    List<String> items = new ArrayList<>();
    for (String item : cell.split(";")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  @Override
  public Map<String, List<String>> map(String field) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String pair : list(field)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "expected name=value pairs separated by ; (values of one name by |), got '"
                + pair
                + "'");
      }
      String name = pair.substring(0, eq).strip();
      List<String> values =
          Arrays.stream(pair.substring(eq + 1).split("\\|"))
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
      map.merge(
          name,
          values,
          (a, b) -> {
            List<String> merged = new ArrayList<>(a);
            merged.addAll(b);
            return merged;
          });
    }
    return map;
  }
}
