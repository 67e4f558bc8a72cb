package io.fanshelf.indexer.convert;

import static io.fanshelf.indexer.convert.PublicFormats.fixture;
import static io.fanshelf.indexer.convert.PublicFormats.lines;
import static io.fanshelf.indexer.convert.PublicFormats.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.convert.InteractionConverter.Options;
import io.fanshelf.indexer.convert.InteractionConverter.Summary;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The three MovieLens layouts, each converted from a few hand-written lines. */
class MovieLensSourceTest {
  @TempDir Path out;

  private Summary convert(MovieLensSource source, Options options) throws IOException {
    return new InteractionConverter(options).convert(source, out, rows -> {});
  }

  private static MovieLensSource hundredK() {
    return new MovieLensSource(
        fixture("movielens-100k/u.data"),
        Optional.of(fixture("movielens-100k/u.item")),
        Optional.of(fixture("movielens-100k/u.user")),
        Optional.empty());
  }

  @Test
  void hundredKRatingsBecomeRatingEventsWithTheirScoreAndTimeInUtc() throws IOException {
    Summary summary = convert(hundredK(), Options.defaults());

    assertEquals(
        List.of(
            "id,fan,product,type,time,value",
            "u.data:1,196,242,rating,1997-12-04T15:55:49Z,3",
            "u.data:2,186,302,rating,1998-04-04T19:22:22Z,3",
            "u.data:3,22,377,rating,1997-11-07T07:18:36Z,1",
            "u.data:4,196,302,rating,1997-12-04T15:56:40Z,5",
            "u.data:5,22,242,rating,1997-11-07T07:20:00Z,4",
            "u.data:6,186,1682,rating,1998-04-04T19:23:20Z,4"),
        lines(out.resolve("events.csv.gz")));
    assertEquals(6, summary.interactions());
    assertEquals(6, summary.events());
    assertEquals(Instant.parse("1997-11-07T07:18:36Z"), summary.first());
    assertEquals(Instant.parse("1998-04-04T19:23:20Z"), summary.last());
  }

  @Test
  void hundredKItemsGiveTitleFirstGenreCategoryAndGenreAndYearAttributes() throws IOException {
    Summary summary = convert(hundredK(), Options.defaults());

    // Dated at the first rating, so that every time split sees the catalog; u.item is ISO-8859-1.
    assertEquals(
        List.of(
            "id,title,category,price,stock,attributes,created_at",
            "242,Kolya (1996),Comedy,0.00,100,genre=Comedy;year=1996,1997-11-07T07:18:36Z",
            "302,L.A. Confidential (1997),Crime,0.00,100,"
                + "genre=Crime|Film-Noir|Mystery|Thriller;year=1997,1997-11-07T07:18:36Z",
            "377,Heavyweights (1994),Children's,0.00,100,"
                + "genre=Children's|Comedy;year=1994,1997-11-07T07:18:36Z",
            "1682,Scréam of Stone (Schrei aus Stein) (1991),Drama,0.00,100,"
                + "genre=Drama;year=1991,1997-11-07T07:18:36Z"),
        lines(out.resolve("catalog.csv.gz")));
    assertEquals(4, summary.productsWithMetadata());
    assertEquals(1, summary.itemRowsWithoutInteractions(), "1681 has no rating");
  }

  @Test
  void hundredKUsersBecomeLabelsWithAgeBandsAndPrivateGenderAndOccupation() throws Exception {
    Summary summary = convert(hundredK(), Options.defaults());

    assertEquals(
        List.of(
            "owner_id,fan_id,age,gender,occupation,labelled_at",
            "shop-1,22,25-34,male,writer,1997-11-07T07:18:36Z",
            "shop-1,186,35-44,female,executive,1997-11-07T07:18:36Z",
            "shop-1,196,45-54,male,writer,1997-11-07T07:18:36Z"),
        lines(out.resolve("labels.csv")));
    Taxonomy taxonomy =
        TaxonomyJson.read(
            JsonMapper.builder().build().readTree(out.resolve("taxonomy.json").toFile()));
    assertEquals(
        List.of(Visibility.DISPLAYABLE, Visibility.PRIVATE, Visibility.PRIVATE),
        taxonomy.dimensions().stream().map(Dimension::visibility).toList());
    Dimension occupation = taxonomy.dimensions().get(2);
    AttributeDimension occupations = MovieLensSource.hundredKOccupation();
    assertEquals("programmer", occupations.valueId("programmer"));
    assertEquals(
        "程序员",
        occupations.dimension().orElseThrow().value("programmer").orElseThrow().names().zh());
    assertEquals("作家", occupation.value("writer").orElseThrow().names().zh());
    assertEquals(List.of("age", "gender", "occupation"), summary.dimensions());
    assertEquals(3, summary.labelledFans());
    assertEquals(1, summary.userRowsWithoutInteractions(), "user 900 rated nothing");
    assertEquals(
        List.of(
            "owner_id,fan_id,joined_at",
            "shop-1,22,1997-11-07T07:18:36Z",
            "shop-1,186,1997-11-07T07:18:36Z",
            "shop-1,196,1997-11-07T07:18:36Z"),
        lines(out.resolve("fans.csv")));
  }

  @Test
  void oneMillionFilesWithCodedUsersAndPositivesAsPurchases() throws IOException {
    MovieLensSource source =
        new MovieLensSource(
            fixture("movielens-1m/ratings.dat"),
            Optional.of(fixture("movielens-1m/movies.dat")),
            Optional.of(fixture("movielens-1m/users.dat")),
            Optional.empty());
    Summary summary =
        convert(source, Options.defaults().withPositives(EventType.PURCHASE, 4, true));

    assertEquals(
        List.of(
            "id,fan,product,type,time,value",
            "ratings.dat:1,1,1193,rating,2000-12-31T22:12:40Z,5",
            "ratings.dat:1-purchase,1,1193,purchase,2000-12-31T22:12:40Z,",
            "ratings.dat:2,1,661,rating,2000-12-31T22:35:09Z,3",
            "ratings.dat:3,2,1193,rating,2000-12-31T21:33:33Z,4",
            "ratings.dat:3-purchase,2,1193,purchase,2000-12-31T21:33:33Z,",
            "ratings.dat:4,2,3408,rating,2000-12-31T21:43:20Z,2",
            "ratings.dat:5,3,661,rating,2000-12-31T21:10:00Z,4",
            "ratings.dat:5-purchase,3,661,purchase,2000-12-31T21:10:00Z,"),
        lines(out.resolve("events.csv.gz")));
    assertEquals(5, summary.interactions());
    assertEquals(8, summary.events());
    assertEquals(
        List.of(
            "owner_id,fan_id,age,gender,occupation,labelled_at",
            "shop-1,1,under-18,female,k-12-student,2000-12-31T21:10:00Z",
            "shop-1,2,56plus,male,self-employed,2000-12-31T21:10:00Z",
            "shop-1,3,25-34,male,scientist,2000-12-31T21:10:00Z"),
        lines(out.resolve("labels.csv")));
    assertTrue(
        lines(out.resolve("catalog.csv.gz"))
            .contains(
                "661,James and the Giant Peach (1996),Animation,0.00,100,"
                    + "genre=Animation|Children's|Musical;year=1996,2000-12-31T21:10:00Z"));
  }

  @Test
  void onlyPositivesWhenRatingEventsAreOff() throws IOException {
    MovieLensSource source =
        new MovieLensSource(
            fixture("movielens-1m/ratings.dat"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Summary summary =
        convert(source, Options.defaults().withPositives(EventType.PURCHASE, 4, false));

    assertEquals(3, summary.events());
    assertTrue(
        lines(out.resolve("events.csv.gz")).stream()
            .skip(1)
            .allMatch(l -> l.contains(",purchase,")));
    assertEquals(
        List.of("catalog.csv.gz", "events.csv.gz", "fans.csv", "owners.csv"),
        names(out),
        "no users file: no taxonomy and no labels");
  }

  @Test
  void latestCsvsWithQuotedTitlesAndNoGenres() throws IOException {
    MovieLensSource source =
        new MovieLensSource(
            fixture("movielens-latest/ratings.csv"),
            Optional.of(fixture("movielens-latest/movies.csv")),
            Optional.empty(),
            Optional.empty());
    Summary summary = convert(source, Options.defaults());

    assertEquals(5, summary.events());
    assertTrue(
        lines(out.resolve("events.csv.gz"))
            .contains("ratings.csv:2,1,31,rating,2009-12-14T02:52:24Z,2.5"));
    assertTrue(
        lines(out.resolve("catalog.csv.gz"))
            .contains(
                "99,\"Story, The (2001)\",Uncategorised,0.00,100,year=2001,1996-06-21T11:11:33Z"));
  }

  @Test
  void aBadRatingNamesFileLineAndColumnAndWritesNothing(@TempDir Path raw) throws IOException {
    Path ratings = raw.resolve("u.data");
    Files.writeString(ratings, "1\t10\t4\t881250949\n\n1\t11\tfour\t881250950\n");
    Files.writeString(out.resolve("events.csv.gz"), "old");

    RawDataException e =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new MovieLensSource(
                        ratings, Optional.empty(), Optional.empty(), Optional.empty()),
                    Options.defaults()));

    assertEquals(
        "u.data line 3, column rating: expected a number such as 4 or 3.5, got 'four'",
        e.getMessage());
    assertEquals(List.of("events.csv.gz"), names(out));
    assertEquals("old", Files.readString(out.resolve("events.csv.gz")));
  }

  @Test
  void aShortLineAndAnUnknownCodeAreErrors(@TempDir Path raw) throws IOException {
    Path ratings = raw.resolve("ratings.dat");
    Files.writeString(ratings, "1::10::4::978300760\n2::10::4\n");
    RawDataException shortLine =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new MovieLensSource(
                        ratings, Optional.empty(), Optional.empty(), Optional.empty()),
                    Options.defaults()));
    assertEquals(
        "ratings.dat line 2: expected 4 cells separated by '::' (user, item, rating, time), got 3",
        shortLine.getMessage());

    Files.writeString(ratings, "1::10::4::978300760\n");
    Path users = raw.resolve("users.dat");
    Files.writeString(users, "1::F::30::10::48067\n");
    RawDataException code =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new MovieLensSource(
                        ratings, Optional.empty(), Optional.of(users), Optional.empty()),
                    Options.defaults()));
    assertEquals(
        "users.dat line 1, column age: expected one of the codes 1, 18, 25, 35, 45, 50, 56, got '30'",
        code.getMessage());
    assertEquals(List.of(), names(out));
  }

  @Test
  void anEmptyRatingsFileIsAnError(@TempDir Path raw) throws IOException {
    Path ratings = raw.resolve("u.data");
    Files.writeString(ratings, "");
    RawDataException e =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new MovieLensSource(
                        ratings, Optional.empty(), Optional.empty(), Optional.empty()),
                    Options.defaults()));
    assertTrue(
        e.getMessage().startsWith("u.data line 1: expected user, item, rating and time"),
        e.getMessage());
  }

  @Test
  void aConversionWithoutUsersRemovesTheLabelsOfAnEarlierOne() throws IOException {
    convert(hundredK(), Options.defaults());
    assertTrue(names(out).contains("labels.csv"));

    convert(
        new MovieLensSource(
            fixture("movielens-100k/u.data"), Optional.empty(), Optional.empty(), Optional.empty()),
        Options.defaults());

    assertEquals(
        List.of("catalog.csv.gz", "events.csv.gz", "fans.csv", "owners.csv"),
        names(out),
        "stale labels would be imported with the new events by import --dir");
  }
}
