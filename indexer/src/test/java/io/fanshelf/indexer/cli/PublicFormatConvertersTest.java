package io.fanshelf.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converters through the CLI, and their output through {@code import --dir}. */
class PublicFormatConvertersTest {
  @TempDir Path dir;

  private static String fixture(String name) {
    try {
      return Path.of(
              PublicFormatConvertersTest.class.getResource("/public-formats/" + name).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void movieLensRoundTripConvertImportCount() {
    String converted = dir.resolve("ml").toString();
    CliRun convert =
        CliRun.of(
            "convert-movielens",
            "--ratings",
            fixture("movielens-100k/u.data"),
            "--items",
            fixture("movielens-100k/u.item"),
            "--users",
            fixture("movielens-100k/u.user"),
            "--out",
            converted);
    assertEquals(0, convert.code(), convert.err());
    assertTrue(
        convert.out().contains("6 events from 6 interactions")
            && convert
                .out()
                .contains(
                    "4 products (4 with metadata), 3 fans over 1 owner(s), 3"
                        + " labelled fans (dimensions age, gender, occupation)"),
        convert.out());

    String data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("import", "--data", data, "--dir", converted);
    assertEquals(0, imported.code(), imported.err());
    assertTrue(
        imported.out().matches("(?s).*labels\\s+labels\\.csv\\s+3\\s+3\\s+0.*"), imported.out());
    assertTrue(imported.out().contains("imported 18 of 18 rows"), imported.out());

    CliRun stats = CliRun.of("stats", "--data", data);
    assertTrue(
        stats
            .out()
            .matches(
                "(?s).*taxonomy\\s+v1.*owners\\s+1\\b.*products\\s+4\\b.*fans \\(owner,fan\\)\\s+3\\b.*events\\s+6\\b.*"),
        stats.out());
  }

  @Test
  void interactionsWithTypeMapAndTabsThroughTheCommandLine() throws Exception {
    Path events = dir.resolve("events.tsv");
    Files.writeString(
        events, "ts\tvisitor\titem\tevent\n1433221332\tv1\ti1\tview\n1433221400\tv1\ti1\tbuy\n");
    String converted = dir.resolve("rr").toString();
    CliRun convert =
        CliRun.of(
            "convert-interactions",
            "--interactions",
            events.toString(),
            "--columns",
            "user=visitor,item=item,time=ts,type=event",
            "--time-format",
            "epoch-seconds",
            "--type-map",
            "purchase=buy|order",
            "--delimiter",
            "tab",
            "--owners",
            "2",
            "--out",
            converted);
    assertEquals(0, convert.code(), convert.err());
    CliRun imported =
        CliRun.of("import", "--data", dir.resolve("data").toString(), "--dir", converted);
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().contains("imported 6 of 6 rows"), imported.out());
  }

  @Test
  void badInputExitsTwoNamesTheLineAndWritesNothing() throws Exception {
    Path ratings = dir.resolve("u.data");
    Files.writeString(ratings, "1\t10\t4\t881250949\n1\t11\t4\tyesterday\n");
    Path out = dir.resolve("out");
    CliRun result =
        CliRun.of("convert-movielens", "--ratings", ratings.toString(), "--out", out.toString());
    assertEquals(2, result.code());
    assertTrue(
        result
            .err()
            .contains(
                "error: u.data line 2, column time: expected seconds since 1970 such as 881250949,"
                    + " got 'yesterday'"),
        result.err());
    assertTrue(result.err().contains("nothing was written"), result.err());
    try (var files = Files.list(out)) {
      assertEquals(0, files.count());
    }

    assertEquals(
        2, CliRun.of("convert-amazon", "--out", out.toString()).code(), "needs reviews or ratings");
    CliRun noPositive =
        CliRun.of(
            "convert-movielens",
            "--ratings",
            ratings.toString(),
            "--out",
            out.toString(),
            "--no-rating-events");
    assertEquals(2, noPositive.code());
    assertTrue(
        noPositive.err().contains("--no-rating-events needs --positive-type"), noPositive.err());
    CliRun missing =
        CliRun.of(
            "convert-movielens",
            "--ratings",
            dir.resolve("nope").toString(),
            "--out",
            out.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--ratings: no file at"), missing.err());
    assertFalse(Files.exists(dir.resolve("nope")));
  }
}
