package io.fanshelf.indexer.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem in one input row.
 *
 * @param file the file name as given
 * @param line 1-based line where the row starts; 0 when the problem is about the whole file
 * @param field the field or column; empty when the row as a whole is malformed
 * @param message what was expected and what came
 * @param code the same problem as an id and its arguments, for pages that say it in the reader's
 *     language; empty where no page translates it yet. Not part of the REST API's JSON (the API
 *     answers in English, and its contract is unchanged by it).
 */
public record ValidationError(
    String file, long line, String field, String message, @JsonIgnore Optional<Code> code) {

  public ValidationError {
    Objects.requireNonNull(code, "code");
  }

  public ValidationError(String file, long line, String field, String message) {
    this(file, line, field, message, Optional.empty());
  }

  /**
   * A problem by id, e.g. {@code label.unknown-value} with arguments {@code [skin_type, olly]}.
   * Arguments are ids and the text that came, never display names: the page looks names up in its
   * own language.
   */
  public record Code(String id, List<String> arguments) {
    public Code {
      Objects.requireNonNull(id, "id");
      arguments = List.copyOf(arguments);
    }

    public static Code of(String id, String... arguments) {
      return new Code(id, List.of(arguments));
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    if (!field.isEmpty()) {
      text.append(" [").append(field).append(']');
    }
    return text.append(": ").append(message).toString();
  }
}
