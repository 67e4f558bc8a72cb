package io.fanshelf.api.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file saved to a private temporary directory under its own (cleaned) name, because the
 * indexer tells a file's format by its name and names it in every error. Close it to delete it.
 */
public final class Uploads implements AutoCloseable {
  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]");
  // Common file systems store names of at most 255 bytes; a real spreadsheet name is far shorter.
  private static final int MAX_NAME_BYTES = 200;

  private final Path dir;
  private final Path file;

  private Uploads(Path dir, Path file) {
    this.dir = dir;
    this.file = file;
  }

  /**
   * Saves an upload.
   *
   * @param field the form field, for errors
   * @param defaultName the name to use when the upload has none
   * @param suffixes accepted name endings, e.g. .csv
   */
  public static Uploads save(
      String field, MultipartFile upload, String defaultName, Set<String> suffixes)
      throws IOException {
    if (upload == null || upload.isEmpty()) {
      throw ApiException.badRequest(field, "expected a non-empty file in '" + field + "'");
    }
    String original = upload.getOriginalFilename();
    String name =
        original == null || original.isBlank()
            ? defaultName
            : UNSAFE.matcher(baseName(field, original)).replaceAll("_");
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (suffixes.stream().noneMatch(lower::endsWith)) {
      throw ApiException.badRequest(
          field,
          "expected a file named *" + String.join(" or *", suffixes) + ", got '" + name + "'");
    }
    Path dir = Files.createTempDirectory("fanshelf-upload-");
    Path file = dir.resolve(name);
    try (InputStream in = upload.getInputStream()) {
      Files.copy(in, file);
    }
    return new Uploads(dir, file);
  }

  /**
   * An upload kept elsewhere meanwhile (a pending sheet in Redis), saved again under the name it
   * had.
   */
  public static Uploads restore(String name, byte[] content) throws IOException {
    Path dir = Files.createTempDirectory("fanshelf-upload-");
    Path file = dir.resolve(Path.of(name).getFileName().toString());
    Files.write(file, content);
    return new Uploads(dir, file);
  }

  /** The name without its directories, refused when no file system could store it. */
  private static String baseName(String field, String original) {
    if (original.indexOf('\0') >= 0) {
      throw ApiException.badRequest(
          field, "the file name of part '" + field + "' contains a NUL character; rename the file");
    }
    String base = original.substring(original.replace('\\', '/').lastIndexOf('/') + 1);
    int bytes = base.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      throw ApiException.badRequest(
          field,
          "the file name of part '"
              + field
              + "' is "
              + bytes
              + " bytes long (UTF-8); expected at most "
              + MAX_NAME_BYTES
              + ": rename the file, e.g. to "
              + field
              + ".csv");
    }
    return base;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Uploads::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
