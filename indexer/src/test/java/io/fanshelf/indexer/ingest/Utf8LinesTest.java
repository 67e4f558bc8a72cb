package io.fanshelf.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {
  private static List<String> lines(String text) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Utf8Lines reader =
        new Utf8Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      for (String line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void splitsAtEveryLineEndingSpreadsheetsWrite() throws IOException {
    assertEquals(List.of("a", "b", "", "c", "d"), lines("a\nb\r\n\rc\rd"));
    assertEquals(List.of("花茶"), lines("花茶\r\n"));
  }

  @Test
  void aWindowsLineEndingSplitAcrossReadsIsOneLineEnding() throws IOException {
    // The first line fills the 64 KiB read buffer up to its \r; the \n comes with the next read.
    String first = "x".repeat((1 << 16) - 1);
    assertEquals(List.of(first, "y"), lines(first + "\r\ny\r\n"));
  }
}
