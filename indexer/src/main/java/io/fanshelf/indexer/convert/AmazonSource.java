package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Amazon review data as McAuley et al. publish it (the "5-core" files): the JSON-lines reviews
 * ({@code reviewerID}, {@code asin}, {@code overall}, {@code unixReviewTime}) or the ratings-only
 * CSV ({@code user,item,rating,timestamp}, no header; read as a {@link RatingsFile}), and optional
 * metadata lines ({@code asin}, {@code title}, {@code brand}, {@code price}, and the category path
 * in {@code categories} (2014: a list of paths, the first is taken) or {@code category} (2018: one
 * path)). The 2014 metadata is written with Python's {@code repr}, single-quoted: it is read
 * leniently. Metadata is third-party text: a repeated asin keeps its first line, a price that is no
 * plain amount ("$5.99 - $10.99", HTML) is left out (price 0). Immutable.
 *
 * @param reviews the JSON-lines reviews, or the ratings CSV when {@code ratingsCsv}
 */
public record AmazonSource(Path reviews, boolean ratingsCsv, Optional<Path> metadata)
    implements InteractionConverter.Source {

  public AmazonSource {
    Objects.requireNonNull(reviews, "reviews");
    Objects.requireNonNull(metadata, "metadata");
  }

  @Override
  public String interactionsFile() {
    return reviews.getFileName().toString();
  }

  @Override
  public void readInteractions(InteractionConverter.Sink sink) throws IOException {
    if (ratingsCsv) {
      new RatingsFile(reviews).read(sink);
      return;
    }
    try (JsonLines lines = JsonLines.open(reviews)) {
      while (lines.next()) {
        sink.accept(
            new Interaction(
                lines.required("reviewerID"),
                lines.required("asin"),
                lines.time("unixReviewTime", TimeFormat.EPOCH_SECONDS, InteractionConverter.ZONE),
                EventType.RATING,
                OptionalDouble.of(lines.number("overall")),
                interactionsFile(),
                lines.line()));
      }
    }
  }

  @Override
  public void readItems(ItemMetadata into) throws IOException {
    if (metadata.isEmpty()) {
      return;
    }
    try (JsonLines lines = JsonLines.openLenient(metadata.get())) {
      while (lines.next()) {
        String asin = lines.required("asin");
        String price = lines.scalar("price");
        OptionalLong cents = price.isBlank() ? OptionalLong.of(0) : ItemInfo.priceCents(price);
        ItemInfo info =
            ItemInfo.of(
                asin,
                lines.scalar("title"),
                categoryPath(lines),
                lines.scalar("brand"),
                cents.orElse(0),
                Map.of());
        into.add(asin, info); // a repeated asin keeps its first line
      }
    }
  }

  private static List<String> categoryPath(JsonLines lines) throws RawDataException {
    Optional<JsonNode> paths = lines.node("categories");
    JsonNode path = null;
    if (paths.isPresent() && paths.get().isArray() && !paths.get().isEmpty()) {
      path = paths.get().get(0);
    } else if (lines.node("category").isPresent()) {
      path = lines.node("category").get();
    }
    if (path == null) {
      return List.of();
    }
    if (!path.isArray()) {
      throw lines.error(
          paths.isPresent() ? "categories" : "category",
          "expected a list of category names from the root, got " + path.getNodeType());
    }
    List<String> levels = new ArrayList<>();
    for (JsonNode level : path) {
      if (level.isValueNode()) {
        levels.add(level.asString());
      }
    }
    return levels;
  }
}
