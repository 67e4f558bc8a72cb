package io.fanshelf.indexer.convert;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A raw input file is not what the converter expects: a missing column, a malformed number, an
 * unknown code. The message names the file, the line and the column, so that it can be shown as is.
 * Immutable.
 */
public final class RawDataException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;

  RawDataException(String file, long line, Optional<String> column, String problem) {
    super(
        Objects.requireNonNull(file, "file")
            + " line "
            + line
            + column.map(c -> ", column " + c).orElse("")
            + ": "
            + problem);
    this.file = file;
    this.line = line;
    this.column = column.orElse(null);
  }

  /** The file name, without its directory. */
  public String file() {
    return file;
  }

  /** The 1-based physical line where the bad record starts; 1 is the header. */
  public long line() {
    return line;
  }

  /** The column the problem is in, when it is about one column. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }
}
