package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawCsvReaderTest {
  @TempDir Path dir;

  private RawCsvReader open(String content, String... required) throws IOException {
    Path file = dir.resolve("raw.csv");
    Files.writeString(file, content);
    return RawCsvReader.open(file, List.of(required));
  }

  @Test
  void readsQuotedCellsAcrossLinesAndCountsPhysicalLines() throws IOException {
    String content =
        "\"a\",\"b\"\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",3\n\n,\n4,\"\"\n";
    try (RawCsvReader csv = open(content, "a", "b")) {
      assertTrue(csv.next());
      assertEquals("x, y", csv.text("a"));
      assertEquals("say \"hi\"", csv.text("b"));
      assertTrue(csv.next());
      assertEquals("two\nlines", csv.text("a"));
      assertTrue(csv.next());
      assertEquals("", csv.text("a"));
      assertTrue(csv.next());
      assertEquals("", csv.text("b"));
      // The record on line 7 follows a two-line record and a blank line.
      RawDataException e = csv.error("a", "check");
      assertEquals(7, e.line());
      assertFalse(csv.next());
      assertEquals(4, csv.records());
    }
  }

  @Test
  void typedGettersParseTheRawFormats() throws IOException {
    String content = "id,sci,n,d,t\n0042,9e+05,-3,4.440892e-16,2017-03-01 07:30:27\n";
    try (RawCsvReader csv = open(content)) {
      assertTrue(csv.next());
      assertEquals("0042", csv.numericId("id"));
      assertEquals("900000", csv.numericId("sci"));
      assertEquals(-3, csv.wholeNumber("n"));
      assertEquals(new BigDecimal("4.440892e-16"), csv.decimal("d"));
      assertEquals(LocalDateTime.of(2017, 3, 1, 7, 30, 27), csv.localDateTime("t"));
    }
  }

  @Test
  void badCellsNameLineAndColumn() throws IOException {
    String content = "id,n,t\n1,2,2017-01-01 00:00:00\n1.5e+00,2.0,2017-02-30 00:00:00\n";
    try (RawCsvReader csv = open(content)) {
      csv.next();
      csv.next();
      RawDataException id = assertThrows(RawDataException.class, () -> csv.numericId("id"));
      assertEquals(
          "raw.csv line 3, column id: expected a numeric id (digits only), got '1.5e+00'",
          id.getMessage());
      RawDataException n = assertThrows(RawDataException.class, () -> csv.wholeNumber("n"));
      assertEquals("raw.csv line 3, column n: expected a whole number, got '2.0'", n.getMessage());
      RawDataException t = assertThrows(RawDataException.class, () -> csv.localDateTime("t"));
      assertEquals(Optional.of("t"), t.column());
    }
  }

  @Test
  void rejectsMalformedRecords() throws IOException {
    try (RawCsvReader csv = open("a,b\n1,2,3\n")) {
      RawDataException e = assertThrows(RawDataException.class, csv::next);
      assertEquals("raw.csv line 2: expected 2 cells as in the header, got 3", e.getMessage());
    }
    try (RawCsvReader csv = open("a,b\n1,\"open\n\n")) {
      RawDataException e = assertThrows(RawDataException.class, csv::next);
      assertEquals(2, e.line());
      assertEquals(Optional.of("b"), e.column());
    }
    try (RawCsvReader csv = open("a,b\n1,x\"y\"\n")) {
      RawDataException e = assertThrows(RawDataException.class, csv::next);
      assertTrue(e.getMessage().contains("a quote inside an unquoted cell"), e.getMessage());
    }
  }

  @Test
  void headerProblemsAreReportedOnLineOne() {
    RawDataException missing =
        assertThrows(RawDataException.class, () -> open("a,b\n1,2\n", "a", "c"));
    assertEquals(
        "raw.csv line 1, column c: missing column; the header has a, b", missing.getMessage());
    RawDataException twice = assertThrows(RawDataException.class, () -> open("a,a\n"));
    assertEquals(Optional.of("a"), twice.column());
    RawDataException empty = assertThrows(RawDataException.class, () -> open(""));
    assertEquals(1, empty.line());
  }
}
