package io.fanshelf.indexer.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An input file and its format, told by its name: {@code .csv}, {@code .jsonl}, {@code .json},
 * {@code .yaml}/{@code .yml}, each optionally gzipped ({@code .csv.gz}).
 *
 * @param path where it is
 * @param format how it is written
 * @param gzipped whether to gunzip it while reading
 */
public record InputFile(Path path, Format format, boolean gzipped) {

  /** The formats FanShelf reads. */
  public enum Format {
    CSV,
    JSONL,
    JSON,
    YAML
  }

  public static InputFile of(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gzipped = name.endsWith(".gz");
    if (gzipped) {
      name = name.substring(0, name.length() - 3);
    }
    Format format;
    if (name.endsWith(".csv")) {
      format = Format.CSV;
    } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      format = Format.JSONL;
    } else if (name.endsWith(".json")) {
      format = Format.JSON;
    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      format = Format.YAML;
    } else {
      throw new IllegalArgumentException(
          path
              + ": cannot tell the format from the name; expected .csv, .jsonl, .json, .yaml"
              + " (optionally .gz)");
    }
    return new InputFile(path, format, gzipped);
  }

  /** The file name for error messages. */
  public String name() {
    return path.getFileName().toString();
  }

  public long sizeBytes() throws IOException {
    return Files.size(path);
  }

  /** Opens the (decompressed) content; {@code counter} sees the compressed bytes read. */
  CountingStream open() throws IOException {
    CountingStream counting = new CountingStream(Files.newInputStream(path));
    return counting;
  }

  InputStream content(CountingStream raw) {
    return gzipped ? new StrictGzipInputStream(raw) : raw;
  }

  /** Counts bytes read from the file, for progress. */
  static final class CountingStream extends FilterInputStream {
    private volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
