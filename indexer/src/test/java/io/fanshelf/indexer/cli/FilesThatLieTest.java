package io.fanshelf.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog files that are not what they claim (issue 16): each import exits 2 naming the file and
 * the line, and the data directory keeps exactly the one product imported before.
 */
class FilesThatLieTest {
  private static final String HEADER = "id,title,category,price,created_at\n";
  private static final String ROSE_TEA = "p1,Rose tea,食品>茶,29,2026-01-01T00:00:00Z\n";
  private static final String MINT_TEA = "p2,Mint tea,食品>茶,19,2026-01-01T00:00:00Z\n";

  @TempDir Path dir;

  @BeforeEach
  void importOneProduct() throws IOException {
    Path catalog = dir.resolve("first.csv");
    Files.writeString(catalog, HEADER + "p0,花茶,食品>茶,9,2026-01-01T00:00:00Z\n");
    assertEquals(0, importCatalog(catalog).code());
  }

  private CliRun importCatalog(Path catalog) {
    return CliRun.of(
        "import", "--data", dir.resolve("data").toString(), "--catalog", catalog.toString());
  }

  private void assertRefused(Path catalog, String expected) {
    CliRun result = importCatalog(catalog);
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains(expected), result.err());
    CliRun stats = CliRun.of("stats", "--data", dir.resolve("data").toString());
    assertTrue(stats.out().matches("(?s).*products\\s+1\\b.*"), stats.out());
  }

  private Path write(String name, byte[]... parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return Files.write(dir.resolve(name), bytes.toByteArray());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(utf8(text));
    }
    return bytes.toByteArray();
  }

  @Test
  void aQuotedCellLeftOpenIsRefusedAtTheLineWhereItBegan() throws IOException {
    // Read leniently, row 3 would vanish into the title of row 2 and the import succeed.
    Path catalog =
        write(
            "catalog.csv",
            utf8(
                HEADER
                    + "p1,\"Rose tea,食品>茶,29,2026-01-01T00:00:00Z\n"
                    + "p2,\"Mint tea\",食品>茶,19,2026-01-01T00:00:00Z\n"));
    assertRefused(
        catalog,
        "catalog.csv:2 [title]: malformed line: the quoted cell that begins here is closed on"
            + " line 3 and followed by 'M'");
  }

  @Test
  void aQuoteInsideAnUnquotedCellIsRefused() throws IOException {
    Path catalog =
        write("catalog.csv", utf8(HEADER + "p1,Rose 5\" tea,食品>茶,29,2026-01-01T00:00:00Z\n"));
    assertRefused(
        catalog, "catalog.csv:2 [title]: malformed line: a quote inside an unquoted cell");
  }

  @Test
  void aNulCharacterInACellIsRefused() throws IOException {
    Path catalog =
        write(
            "catalog.csv", utf8(HEADER + MINT_TEA + "p1,Rose\0tea,食品>茶,29,2026-01-01T00:00:00Z\n"));
    assertRefused(catalog, "catalog.csv:3 [title]: malformed line: a NUL character");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAtTheirLine() throws IOException {
    Path catalog =
        write(
            "catalog.csv",
            utf8(HEADER + ROSE_TEA),
            utf8("p2,Mint "),
            new byte[] {(byte) 0xff},
            utf8(",食品>茶,19,2026-01-01T00:00:00Z\n"));
    assertRefused(catalog, "catalog.csv:3: not valid UTF-8; save the file as UTF-8");
  }

  @Test
  void aGbkFileIsRecognisedAndTheFixSuggested() throws IOException {
    Charset gbk = Charset.forName("GBK");
    Path catalog =
        write(
            "catalog.csv",
            utf8(HEADER + ROSE_TEA),
            "p2,薄荷茶,食品>茶,19,2026-01-01T00:00:00Z\n".getBytes(gbk));
    assertRefused(
        catalog, "catalog.csv:3: not valid UTF-8 (the file looks like GBK; save it as UTF-8)");
  }

  @Test
  void aGzFileThatIsNotGzipIsRefused() throws IOException {
    Path catalog = write("catalog.csv.gz", utf8(HEADER + ROSE_TEA));
    assertRefused(catalog, "catalog.csv.gz: not a gzip file");
  }

  @Test
  void gzipWithTrailingGarbageIsRefused() throws IOException {
    byte[] compressed = gzip(HEADER + ROSE_TEA);
    Path catalog = write("catalog.csv.gz", compressed, utf8("garbage"));
    assertRefused(
        catalog,
        "catalog.csv.gz: unexpected bytes after the gzip data at byte " + compressed.length);
  }

  @Test
  void cutOffGzipIsRefused() throws IOException {
    byte[] compressed = gzip(HEADER + ROSE_TEA + MINT_TEA);
    Path catalog = write("catalog.csv.gz", Arrays.copyOf(compressed, compressed.length - 12));
    assertRefused(catalog, "catalog.csv.gz: the gzip data is cut off");
  }

  @Test
  void gzipMembersOneAfterAnotherAreOneFile() throws IOException {
    Path catalog = write("catalog.csv.gz", gzip(HEADER + ROSE_TEA), gzip(MINT_TEA));
    CliRun result = importCatalog(catalog);
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("imported 2 of 2 rows"), result.out());
  }
}
