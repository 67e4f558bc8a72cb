package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  private static final List<List<String>> ROWS =
      List.of(List.of("1", "Ice, 22 LB"), List.of("2", "say \"hi\"\nthen go"), List.of("3", ""));

  @TempDir Path dir;

  @Test
  void quotesOnlyCellsThatNeedIt() {
    assertEquals("GROCERY>FRZN ICE", CsvWriter.quote("GROCERY>FRZN ICE"));
    assertEquals("\"Ice, 22 LB\"", CsvWriter.quote("Ice, 22 LB"));
    assertEquals("\"12\"\" pie\"", CsvWriter.quote("12\" pie"));
    assertEquals("\"a\nb\"", CsvWriter.quote("a\nb"));
    assertEquals("", CsvWriter.quote(""));
  }

  @Test
  void gzipRoundTripGivesTheRowsBack() throws IOException {
    Path file = dir.resolve("rows.csv.gz");
    write(file);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(0x1f, bytes[0] & 0xff, "gzip magic");
    assertEquals(0x8b, bytes[1] & 0xff, "gzip magic");

    Path plain = dir.resolve("gunzipped.csv");
    Files.writeString(plain, MiniSlice.read(file));
    assertReadsBack(plain);
  }

  @Test
  void plainNameWritesPlainText() throws IOException {
    Path file = dir.resolve("rows.csv");
    write(file);
    assertTrue(Files.readString(file).startsWith("id,text\n1,\"Ice, 22 LB\"\n"));
    assertReadsBack(file);
  }

  @Test
  void rejectsARowOfTheWrongWidth() throws IOException {
    try (CsvWriter out = CsvWriter.open(dir.resolve("w.csv"), List.of("a", "b"))) {
      assertThrows(IllegalArgumentException.class, () -> out.row(List.of("only one")));
    }
  }

  private static void write(Path file) throws IOException {
    try (CsvWriter out = CsvWriter.open(file, List.of("id", "text"))) {
      for (List<String> row : ROWS) {
        out.row(row);
      }
      assertEquals(3, out.rows());
    }
  }

  private static void assertReadsBack(Path file) throws IOException {
    try (RawCsvReader in = RawCsvReader.open(file, List.of("id", "text"))) {
      for (List<String> row : ROWS) {
        assertTrue(in.next());
        assertEquals(row, List.of(in.text("id"), in.text("text")));
      }
      assertFalse(in.next());
    }
  }
}
