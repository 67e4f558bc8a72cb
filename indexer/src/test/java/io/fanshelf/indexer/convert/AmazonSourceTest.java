package io.fanshelf.indexer.convert;

import static io.fanshelf.indexer.convert.PublicFormats.fixture;
import static io.fanshelf.indexer.convert.PublicFormats.lines;
import static io.fanshelf.indexer.convert.PublicFormats.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fanshelf.indexer.convert.InteractionConverter.Options;
import io.fanshelf.indexer.convert.InteractionConverter.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmazonSourceTest {
  @TempDir Path out;

  private Summary convert(AmazonSource source, Options options) throws IOException {
    return new InteractionConverter(options).convert(source, out, rows -> {});
  }

  @Test
  void reviewsWithBothMetadataVersionsSpreadOverTwoShops() throws IOException {
    Summary summary =
        convert(
            new AmazonSource(
                fixture("amazon/reviews.json"), false, Optional.of(fixture("amazon/meta.json"))),
            Options.defaults().withOwnerCount(2));

    assertEquals(
        List.of(
            "id,fan,product,type,time,value",
            "reviews.json:1,A1YJEY40YUW4SE,7806397051,rating,2014-01-30T00:00:00Z,1",
            "reviews.json:2,A60XNB876KYML,7806397051,rating,2014-04-18T00:00:00Z,3",
            "reviews.json:3,A60XNB876KYML,9759091062,rating,2014-04-20T13:20:00Z,5",
            "reviews.json:5,A3G6XNM240RMWA,9759091062,rating,2013-09-06T00:00:00Z,4"),
        lines(out.resolve("events.csv.gz")),
        "line 4 is blank");
    // 2014: the first of the category paths, single-quoted; 2018: one path, "$" price; a repeated
    // asin keeps its first line.
    assertEquals(
        List.of(
            "id,title,category,price,stock,attributes,created_at",
            "7806397051,Princess Pink Palette,Beauty>Makeup>Face,12.99,100,,2013-09-06T00:00:00Z",
            "9759091062,Xtreme Brite Brightening Gel 1oz.,Beauty>Hair Care>Styling Products,6.99,"
                + "100,,2013-09-06T00:00:00Z"),
        lines(out.resolve("catalog.csv.gz")));
    assertEquals(
        List.of(
            "owner_id,fan_id,joined_at",
            "shop-1,A1YJEY40YUW4SE,2013-09-06T00:00:00Z",
            "shop-2,A60XNB876KYML,2013-09-06T00:00:00Z",
            "shop-2,A3G6XNM240RMWA,2013-09-06T00:00:00Z"),
        lines(out.resolve("fans.csv")));
    assertEquals(2, summary.owners());
    assertEquals(1, summary.itemRowsWithoutInteractions());
  }

  @Test
  void ratingsCsvWithoutHeaderAndWithoutMetadata() throws IOException {
    Summary summary =
        convert(
            new AmazonSource(fixture("amazon/ratings.csv"), true, Optional.empty()),
            Options.defaults());

    assertEquals(3, summary.events());
    assertEquals(0, summary.productsWithMetadata());
    assertEquals(
        List.of(
            "id,title,category,price,stock,attributes,created_at",
            "0205616461,Item 0205616461,Uncategorised,0.00,100,,2012-12-14T00:00:00Z",
            "0558925278,Item 0558925278,Uncategorised,0.00,100,,2012-12-14T00:00:00Z"),
        lines(out.resolve("catalog.csv.gz")));
  }

  @Test
  void aReviewWithoutScoreOrWithBrokenJsonNamesTheLine(@TempDir Path raw) throws IOException {
    Path reviews = raw.resolve("reviews.json");
    Files.writeString(
        reviews,
        "{\"reviewerID\": \"A1\", \"asin\": \"B1\", \"overall\": 5.0, \"unixReviewTime\": 1}\n"
            + "{\"reviewerID\": \"A2\", \"asin\": \"B1\", \"unixReviewTime\": 2}\n");
    RawDataException missing =
        assertThrows(
            RawDataException.class,
            () -> convert(new AmazonSource(reviews, false, Optional.empty()), Options.defaults()));
    assertEquals(
        "reviews.json line 2, column overall: expected a value, the field is missing or empty",
        missing.getMessage());

    Files.writeString(reviews, "{\"reviewerID\": \"A1\", \"asin\": \"B1\",\n");
    RawDataException broken =
        assertThrows(
            RawDataException.class,
            () -> convert(new AmazonSource(reviews, false, Optional.empty()), Options.defaults()));
    assertEquals("reviews.json", broken.file());
    assertEquals(1, broken.line());
    assertEquals(List.of(), names(out));
  }
}
