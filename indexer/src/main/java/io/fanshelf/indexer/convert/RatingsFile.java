package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A file of {@code user item rating time} rows, time in seconds since 1970, in one of the layouts
 * MovieLens and the Amazon rating dumps use, told apart by the first line: tab separated ({@code
 * u.data}), {@code ::} separated ({@code ratings.dat}), comma separated with the header {@code
 * userId,movieId,rating,timestamp} ({@code ratings.csv}) or without a header (Amazon's {@code
 * user,item,rating,timestamp}). Each row is a {@link EventType#RATING} interaction with the rating
 * as its value. Immutable.
 */
final class RatingsFile {
  static final List<String> COLUMNS = List.of("user", "item", "rating", "time");
  static final List<String> MOVIELENS_HEADER = List.of("userId", "movieId", "rating", "timestamp");

  private enum Layout {
    TAB,
    COLONS,
    CSV_WITH_HEADER,
    CSV_WITHOUT_HEADER
  }

  private final Path file;
  private final Charset charset;

  RatingsFile(Path file, Charset charset) {
    this.file = file;
    this.charset = charset;
  }

  /** A ratings file in UTF-8 (ASCII, as all known ones are). */
  RatingsFile(Path file) {
    this(file, StandardCharsets.UTF_8);
  }

  String name() {
    return file.getFileName().toString();
  }

  void read(InteractionConverter.Sink sink) throws IOException {
    Layout layout = layout();
    try (RawRecords rows = open(layout)) {
      String user = layout == Layout.CSV_WITH_HEADER ? "userId" : "user";
      String item = layout == Layout.CSV_WITH_HEADER ? "movieId" : "item";
      String time = layout == Layout.CSV_WITH_HEADER ? "timestamp" : "time";
      while (rows.next()) {
        sink.accept(
            new Interaction(
                rows.required(user),
                rows.required(item),
                rows.time(time, TimeFormat.EPOCH_SECONDS, InteractionConverter.ZONE),
                EventType.RATING,
                OptionalDouble.of(rows.number("rating")),
                name(),
                rows.line()));
      }
    }
  }

  private RawRecords open(Layout layout) throws IOException {
    return switch (layout) {
      case TAB -> SeparatedLines.open(file, "\t", charset, COLUMNS);
      case COLONS -> SeparatedLines.open(file, "::", charset, COLUMNS);
      case CSV_WITHOUT_HEADER -> SeparatedLines.open(file, ",", charset, COLUMNS);
      case CSV_WITH_HEADER -> RawCsvReader.open(file, MOVIELENS_HEADER, ',', charset);
    };
  }

  private Layout layout() throws IOException {
    String first = firstLine(file, charset);
    if (first.contains("::")) {
      return Layout.COLONS;
    }
    if (first.contains("\t")) {
      return Layout.TAB;
    }
    String[] cells = first.split(",", -1);
    if (cells.length == COLUMNS.size()) {
      try {
        Double.parseDouble(cells[2].strip());
        return Layout.CSV_WITHOUT_HEADER;
      } catch (NumberFormatException e) {
        return Layout.CSV_WITH_HEADER;
      }
    }
    throw new RawDataException(
        name(),
        1,
        Optional.empty(),
        "expected user, item, rating and time separated by a tab, :: or a comma (with the header "
            + String.join(",", MOVIELENS_HEADER)
            + " or none), got '"
            + ItemInfo.cut(first, 80)
            + "'");
  }

  /** The first non-blank line; "" for an empty file. */
  static String firstLine(Path file, Charset charset) throws IOException {
    try (BufferedReader in = RawRecords.open(file, charset)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          return line;
        }
      }
      return "";
    }
  }
}
