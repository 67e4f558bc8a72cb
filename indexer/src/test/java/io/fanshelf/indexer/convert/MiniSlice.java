package io.fanshelf.indexer.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Access to the test slice src/test/resources/completejourney-mini and to converted files. */
final class MiniSlice {
  static final List<String> RAW_FILES =
      List.of(
          CompleteJourneyConverter.PRODUCTS_FILE,
          CompleteJourneyConverter.DEMOGRAPHICS_FILE,
          CompleteJourneyConverter.TRANSACTIONS_FILE);

  private MiniSlice() {}

  static Path dir() {
    try {
      return Path.of(MiniSlice.class.getResource("/completejourney-mini").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A writable copy of the slice, for tests that break a file. */
  static Path copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : RAW_FILES) {
      Files.copy(dir().resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  /** A converted file as text, gunzipped when its name ends in .gz. */
  static String read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      InputStream text = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      return new String(text.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
