package io.fanshelf.indexer.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A JSONL object. Scalars are read as text, so {@code "price": 59.9} and "59.9" both work. */
final class JsonRow implements Row {
  private final String file;
  private final long line;
  private final JsonNode node;

  JsonRow(String file, long line, JsonNode node) {
    this.file = file;
    this.line = line;
    this.node = node;
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
    return new LinkedHashSet<>(node.propertyNames());
  }

  @Override
  public Optional<String> text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException("expected a single value, got " + value.getNodeType());
    }
    String text = value.asString().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  @Override
  public List<String> list(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isValueNode()) {
      return CsvRow.split(value.asString());
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("expected a list, got " + value.getNodeType());
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        throw new IllegalArgumentException("expected a list of strings, got " + item);
      }
      if (!item.asString().isBlank()) {
        items.add(item.asString().strip());
      }
    }
    return items;
  }

  @Override
  public Map<String, List<String>> map(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new IllegalArgumentException(
          "expected an object of name to value(s), got " + value.getNodeType());
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode values = entry.getValue();
      List<String> list = new ArrayList<>();
      if (values.isArray()) {
        values.forEach(v -> list.add(v.asString()));
      } else if (values.isValueNode() && !values.isNull()) {
        list.add(values.asString());
      } else {
        throw new IllegalArgumentException(
            "attribute " + entry.getKey() + " must be a string or a list of strings");
      }
      map.put(entry.getKey(), list);
    }
    return map;
  }
}
