package io.fanshelf.indexer.ingest;

/**
 * One problem in one input row.
 *
 * @param file the file name as given
 * @param line 1-based line where the row starts; 0 when the problem is about the whole file
 * @param field the field or column; empty when the row as a whole is malformed
 * @param message what was expected and what came
 */
public record ValidationError(String file, long line, String field, String message) {
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
