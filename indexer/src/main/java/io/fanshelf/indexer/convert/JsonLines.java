package io.fanshelf.indexer.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-lines file (one object per line, blank lines skipped, UTF-8, gunzipped when the name ends
 * in {@code .gz}) read record by record; {@link #text} gives a scalar field as text. Not
 * thread-safe; the caller closes it.
 */
final class JsonLines implements RawRecords {
  private static final JsonMapper STRICT = JsonMapper.builder().build();

  /**
   * For files written with Python's {@code repr} rather than as JSON (the 2014 Amazon metadata):
   * single-quoted strings and backslash escapes of any character.
   */
  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  private final String fileName;
  private final BufferedReader in;
  private final JsonMapper mapper;
  private JsonNode node;
  private long line;

  private JsonLines(Path file, boolean lenient) throws IOException {
    this.fileName = file.getFileName().toString();
    this.mapper = lenient ? LENIENT : STRICT;
    this.in = RawRecords.open(file, StandardCharsets.UTF_8);
  }

  static JsonLines open(Path file) throws IOException {
    return new JsonLines(file, false);
  }

  /** Also accepts single-quoted strings, as Python's {@code repr} writes them. */
  static JsonLines openLenient(Path file) throws IOException {
    return new JsonLines(file, true);
  }

  @Override
  public boolean next() throws IOException {
    String text;
    do {
      try {
        text = in.readLine();
      } catch (CharacterCodingException e) {
        throw new RawDataException(fileName, line + 1, Optional.empty(), "not valid UTF-8 text");
      }
      if (text == null) {
        return false;
      }
      line++;
    } while (text.isBlank());
    try {
      node = mapper.readTree(text);
    } catch (JacksonException e) {
      throw error(null, "malformed JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      throw error(null, "expected a JSON object, got " + node.getNodeType());
    }
    return true;
  }

  @Override
  public long line() {
    return line;
  }

  /** The field's node; empty when it is missing or null. */
  Optional<JsonNode> node(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /**
   * A scalar field as text; "" when it is missing or null, an error when it is an object or list.
   */
  @Override
  public String text(String field) {
    Optional<JsonNode> value = node(field);
    if (value.isEmpty()) {
      return "";
    }
    if (!value.get().isValueNode()) {
      throw new IllegalArgumentException(
          "expected a single value, got " + value.get().getNodeType());
    }
    return value.get().asString();
  }

  /** Like {@link #text}, with a list or object reported as this line's error. */
  String scalar(String field) throws RawDataException {
    try {
      return text(field);
    } catch (IllegalArgumentException e) {
      throw error(field, e.getMessage());
    }
  }

  @Override
  public String required(String field) throws RawDataException {
    String value = scalar(field).strip();
    if (value.isEmpty()) {
      throw error(field, "expected a value, the field is missing or empty");
    }
    return value;
  }

  @Override
  public RawDataException error(String field, String problem) {
    return new RawDataException(fileName, line, Optional.ofNullable(field), problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
