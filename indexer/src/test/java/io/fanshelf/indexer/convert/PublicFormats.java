package io.fanshelf.indexer.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The small hand-written files in src/test/resources/public-formats and helpers to read outputs.
 */
final class PublicFormats {
  private PublicFormats() {}

  /** A fixture, e.g. {@code movielens-100k/u.data}. */
  static Path fixture(String name) {
    try {
      return Path.of(PublicFormats.class.getResource("/public-formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines of a converted file (gunzipped), header first. */
  static List<String> lines(Path file) {
    return MiniSlice.read(file).lines().toList();
  }

  /** The names of the files in a folder, sorted. */
  static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
