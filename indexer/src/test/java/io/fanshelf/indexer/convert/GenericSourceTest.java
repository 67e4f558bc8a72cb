package io.fanshelf.indexer.convert;

import static io.fanshelf.indexer.convert.PublicFormats.fixture;
import static io.fanshelf.indexer.convert.PublicFormats.lines;
import static io.fanshelf.indexer.convert.PublicFormats.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.convert.GenericSource.Table;
import io.fanshelf.indexer.convert.InteractionConverter.Options;
import io.fanshelf.indexer.convert.InteractionConverter.Summary;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fashion-shop layout (dates, article and customer CSVs) and a click-stream one (millis, types).
 */
class GenericSourceTest {
  @TempDir Path out;
  @TempDir Path raw;

  private static GenericSource fashion(Set<String> displayable) {
    return new GenericSource(
        new Table(
            fixture("interactions/transactions.csv"),
            ColumnMapping.parse("--columns", "user=customer_id,item=article_id,time=t_dat")),
        TimeFormat.ISO_DATE,
        ZoneOffset.UTC,
        EventType.PURCHASE,
        Map.of(),
        Optional.of(
            new Table(
                fixture("interactions/articles.csv"),
                ColumnMapping.parse(
                    "--item-columns",
                    "id=article_id,title=prod_name,category=product_group_name>product_type_name,"
                        + "colour=colour_group_name"))),
        Optional.of(
            new Table(
                fixture("interactions/customers.csv"),
                ColumnMapping.parse(
                    "--user-columns",
                    "id=customer_id,age=age,club=club_member_status,news=fashion_news_frequency"))),
        displayable,
        ',',
        StandardCharsets.UTF_8);
  }

  private Summary convert(GenericSource source) throws IOException {
    return new InteractionConverter(Options.defaults()).convert(source, out, rows -> {});
  }

  @Test
  void mappedColumnsGiveEventsProductsAndLabels() throws Exception {
    Summary summary = convert(fashion(Set.of("age")));

    // "c 0002" is no valid fan id: it is sanitised, with a hash that keeps it apart from "c_0002".
    assertEquals(
        List.of(
            "id,fan,product,type,time,value",
            "transactions.csv:2,c-0001,0108775015,purchase,2018-09-20T00:00:00Z,",
            "transactions.csv:3,c-0001,0108775044,purchase,2018-09-20T00:00:00Z,",
            "transactions.csv:4,c_0002-649dfb40,0108775015,purchase,2018-09-21T00:00:00Z,",
            "transactions.csv:5,c-0003,0110065001,purchase,2018-09-22T00:00:00Z,"),
        lines(out.resolve("events.csv.gz")));
    assertEquals(
        List.of(
            "id,title,category,price,stock,attributes,created_at",
            "0108775015,Strap top,Garment Upper body>Vest top,0.00,100,colour=Black,"
                + "2018-09-20T00:00:00Z",
            "0108775044,Strap top,Garment Upper body>Vest top,0.00,100,colour=White,"
                + "2018-09-20T00:00:00Z",
            "0110065001,OP T-shirt (Idro),Underwear>Bra,0.00,100,colour=Black,2018-09-20T00:00:00Z"),
        lines(out.resolve("catalog.csv.gz")));
    assertEquals(
        List.of(
            "owner_id,fan_id,age,club,news,labelled_at",
            "shop-1,c-0001,45-54,active,regularly,2018-09-20T00:00:00Z",
            "shop-1,c-0003,,pre-create,none,2018-09-20T00:00:00Z",
            "shop-1,c_0002-649dfb40,25-34,active,none,2018-09-20T00:00:00Z"),
        lines(out.resolve("labels.csv")));
    Taxonomy taxonomy =
        TaxonomyJson.read(
            JsonMapper.builder().build().readTree(out.resolve("taxonomy.json").toFile()));
    assertEquals(
        List.of(Visibility.DISPLAYABLE, Visibility.PRIVATE, Visibility.PRIVATE),
        taxonomy.dimensions().stream().map(Dimension::visibility).toList());
    assertEquals(
        "PRE-CREATE", taxonomy.dimensions().get(1).value("pre-create").orElseThrow().names().en());
    assertEquals(3, summary.labelledFans());
    assertEquals(1, summary.itemRowsWithoutInteractions());
  }

  @Test
  void typeColumnWithAMapValuesAndEpochMillis() throws IOException {
    Path events = raw.resolve("events.csv");
    Files.writeString(
        events,
        "timestamp,visitorid,event,itemid,transactionid,score\n"
            + "1433221332117,257597,view,355908,,\n"
            + "1433224214164,992329,addtocart,248676,,\n"
            + "1433221999827,111016,transaction,355908,4000,\n"
            + "1433222000000,111016,rating,248676,,4.5\n");
    GenericSource source =
        new GenericSource(
            new Table(
                events,
                ColumnMapping.parse(
                    "--columns",
                    "user=visitorid,item=itemid,time=timestamp,type=event,value=score")),
            TimeFormat.EPOCH_MILLIS,
            ZoneOffset.UTC,
            EventType.PURCHASE,
            Map.of("addtocart", EventType.CART, "transaction", EventType.PURCHASE),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            ',',
            StandardCharsets.UTF_8);
    convert(source);

    assertEquals(
        List.of(
            "id,fan,product,type,time,value",
            "events.csv:2,257597,355908,view,2015-06-02T05:02:12Z,",
            "events.csv:3,992329,248676,cart,2015-06-02T05:50:14Z,",
            "events.csv:4,111016,355908,purchase,2015-06-02T05:13:19Z,",
            "events.csv:5,111016,248676,rating,2015-06-02T05:13:20Z,4.5"),
        lines(out.resolve("events.csv.gz")));
  }

  @Test
  void anUnmappedTypeOrAMissingColumnIsAnErrorThatSaysWhatToDo() throws IOException {
    Path events = raw.resolve("events.csv");
    Files.writeString(
        events, "t,u,i,kind\n2020-01-01T10:00:00Z,u1,i1,view\n2020-01-01T10:00:01Z,u1,i2,like\n");
    RawDataException unknownType =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new GenericSource(
                        new Table(
                            events,
                            ColumnMapping.parse("--columns", "user=u,item=i,time=t,type=kind")),
                        TimeFormat.ISO_DATE_TIME,
                        ZoneOffset.UTC,
                        EventType.PURCHASE,
                        Map.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        ',',
                        StandardCharsets.UTF_8)));
    assertTrue(
        unknownType
            .getMessage()
            .startsWith("events.csv line 3, column kind: expected one of impression,"),
        unknownType.getMessage());
    assertTrue(
        unknownType.getMessage().endsWith("map other values with --type-map, e.g. purchase=like"));

    RawDataException missing =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new GenericSource(
                        new Table(
                            events, ColumnMapping.parse("--columns", "user=user,item=i,time=t")),
                        TimeFormat.ISO_DATE_TIME,
                        ZoneOffset.UTC,
                        EventType.VIEW,
                        Map.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        ',',
                        StandardCharsets.UTF_8)));
    assertEquals(
        "events.csv line 1, column user: missing column; the header has t, u, i, kind",
        missing.getMessage());
    assertEquals(List.of(), names(out));
  }

  @Test
  void badMappingsAndTimesAreRejectedNamingThem() {
    IllegalArgumentException noTime =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ColumnMapping.parse("--columns", "user=u,item=i")
                    .require(List.of("user", "item", "time"), null));
    assertEquals(
        "--columns: 'time=<column>' is missing; required are [user, item, time]",
        noTime.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("--columns", "user"));
    IllegalArgumentException displayable =
        assertThrows(IllegalArgumentException.class, () -> fashion(Set.of("shoe_size")));
    assertTrue(displayable.getMessage().startsWith("--displayable names 'shoe_size'"));
    IllegalArgumentException time =
        assertThrows(
            IllegalArgumentException.class,
            () -> TimeFormat.ISO_DATE.parse("20/09/2018", ZoneOffset.UTC));
    assertEquals("expected a date such as 2018-09-20, got '20/09/2018'", time.getMessage());
    assertEquals(
        "2018-09-20T02:15:00Z",
        TimeFormat.ISO_DATE_TIME.parse("2018-09-20 10:15:00", ZoneOffset.ofHours(8)).toString());
    assertEquals(
        "2018-09-20T10:15:00.500Z",
        TimeFormat.ISO_DATE_TIME.parse("2018-09-20T10:15:00.5Z", ZoneOffset.ofHours(8)).toString());
  }

  @Test
  void aUserAttributeWithTooManyValuesIsNoLabel() throws IOException {
    Path events = raw.resolve("events.csv");
    Path users = raw.resolve("users.csv");
    StringBuilder rows = new StringBuilder("u,postal_code\n");
    StringBuilder eventRows = new StringBuilder("u,i,t\n");
    for (int i = 0; i <= AttributeDimension.MAX_OPEN_VALUES; i++) {
      rows.append("u").append(i).append(",p").append(i).append('\n');
      eventRows.append("u").append(i).append(",i1,2020-01-01\n");
    }
    Files.writeString(users, rows);
    Files.writeString(events, eventRows);
    RawDataException e =
        assertThrows(
            RawDataException.class,
            () ->
                convert(
                    new GenericSource(
                        new Table(events, ColumnMapping.parse("--columns", "user=u,item=i,time=t")),
                        TimeFormat.ISO_DATE,
                        ZoneOffset.UTC,
                        EventType.PURCHASE,
                        Map.of(),
                        Optional.empty(),
                        Optional.of(
                            new Table(
                                users,
                                ColumnMapping.parse(
                                    "--user-columns", "id=u,postal_code=postal_code"))),
                        Set.of(),
                        ',',
                        StandardCharsets.UTF_8)));
    assertEquals(
        "users.csv line 202, column postal_code: the column has more than 200 distinct values, too"
            + " many for a label; leave it out or bucket it first",
        e.getMessage());
  }
}
