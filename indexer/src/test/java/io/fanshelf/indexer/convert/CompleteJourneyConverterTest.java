package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.convert.CompleteJourneyConverter.Options;
import io.fanshelf.indexer.convert.CompleteJourneyConverter.SkipReason;
import io.fanshelf.indexer.convert.CompleteJourneyConverter.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the mini slice and compares every output row with values worked out by hand. */
class CompleteJourneyConverterTest {
  private static final String BEFORE = "2016-12-31T00:00:00-05:00";

  @TempDir Path out;

  private Summary convertMini(Options options) throws IOException {
    return new CompleteJourneyConverter(options).convert(MiniSlice.dir(), out);
  }

  @Test
  void catalogHasBoughtProductsWithMedianShelfPriceAndReadableTitle() throws IOException {
    convertMini(Options.defaults());
    // 25671: units 4.29 (3.86+0.43), 4.00 ((7+1)/2), 4.50 (4+0.5 match; coupon_disc not added).
    // 26190: 1.00 and 1.25 ((4+1)/4), mean 1.125 rounds half up to 1.13. 900000 is R's "9e+05".
    // 26093 (only a zero-quantity row) and 833010 (never bought) are left out.
    String expected =
        """
        id,title,category,price,stock,attributes,created_at
        25671,"Ice - Crushed/Cubed (Frzn Ice), 22 LB",GROCERY>FRZN ICE>ICE - CRUSHED/CUBED,4.29,100,\
        brand_type=National;category=FRZN ICE;department=GROCERY;manufacturer=2;package_size=22 LB;\
        type=ICE - CRUSHED/CUBED,%1$s
        26081,Miscellaneous,MISCELLANEOUS,0.99,100,\
        brand_type=National;department=MISCELLANEOUS;manufacturer=2,%1$s
        26190,"Store Brand Apple Sauce (Fruit - Shelf Stable), 50 OZ",\
        GROCERY>FRUIT - SHELF STABLE>APPLE SAUCE,1.13,100,brand_type=Private;\
        category=FRUIT - SHELF STABLE;department=GROCERY;manufacturer=69;package_size=50 OZ;\
        type=APPLE SAUCE,%1$s
        28929,"String Cheese (Cheese), AB 8 OZ",GROCERY>CHEESE>STRING CHEESE,3.00,100,\
        brand_type=National;category=CHEESE;department=GROCERY;manufacturer=317;\
        package_size=AB 8 OZ;type=STRING CHEESE,%1$s
        31170,"Cheese Crackers (Cheez-Its/Gol) (Crackers/Misc Bkd Fd), 7 OZ",\
        GROCERY>CRACKERS/MISC BKD FD>CHEESE CRACKERS (CHEEZ-ITS/GOL,3.10,100,\
        brand_type=National;category=CRACKERS/MISC BKD FD;department=GROCERY;manufacturer=1075;\
        package_size=7 OZ;type=CHEESE CRACKERS (CHEEZ-ITS/GOL,%1$s
        55021,"Baby Food Junior All Brands (Baby Foods), 6 OZ",\
        DRUG GM>BABY FOODS>BABY FOOD JUNIOR ALL BRANDS,0.89,100,brand_type=National;\
        category=BABY FOODS;department=DRUG GM;manufacturer=177;package_size=6 OZ;\
        type=BABY FOOD JUNIOR ALL BRANDS,%1$s
        838020,"Rtd Cocktails 750ml Plus ≤42p (Liquor), 750 ML",\
        SPIRITS>LIQUOR>RTD COCKTAILS 750ML PLUS ≤42P,12.99,100,brand_type=National;\
        category=LIQUOR;department=SPIRITS;manufacturer=2384;package_size=750 ML;\
        type=RTD COCKTAILS 750ML PLUS ≤42P,%1$s
        896453,Organic Citrus,FROZEN GROCERY>ORGANIC CITRUS,2.99,100,\
        brand_type=National;department=FROZEN GROCERY;manufacturer=2;type=ORGANIC CITRUS,%1$s
        900000,"Designer Fragrances (Fragrances), .8 OZ",COSMETICS>FRAGRANCES>DESIGNER FRAGRANCES,\
        30.00,100,brand_type=National;category=FRAGRANCES;department=COSMETICS;manufacturer=2393;\
        package_size=.8 OZ;type=DESIGNER FRAGRANCES,%1$s
        """
            .formatted(BEFORE);
    assertEquals(expected, MiniSlice.read(out.resolve("catalog.csv.gz")));
  }

  @Test
  void eventsKeepFileOrderWithNewYorkOffsetsAndUniqueIds() throws IOException {
    convertMini(Options.defaults());
    // DST 2017: -04:00 from 12 March 03:00 to 5 November 01:59; 01:30 on 5 November happens twice
    // and takes the earlier (-04:00) offset. Basket 4.0128e+10 is 40128000000. The second line of
    // basket 40000000003 for 26190 gets -2. Unknown product 5978656 and quantity 0 are skipped.
    String expected =
        """
        id,fan,product,type,time,value
        cj-31625220889-25671,1,25671,purchase,2017-01-28T14:06:53-05:00,1
        cj-40000000001-25671,1012,25671,purchase,2017-07-04T10:00:00-04:00,2
        cj-40000000002-25671,1,25671,purchase,2017-03-12T01:59:59-05:00,1
        cj-40000000003-26190,1012,26190,purchase,2017-03-12T03:00:00-04:00,1
        cj-40000000003-26190-2,1012,26190,purchase,2017-03-12T03:00:00-04:00,4
        cj-40000000004-26081,9,26081,purchase,2017-11-05T01:30:00-04:00,1
        cj-40128000000-900000,1,900000,purchase,2017-12-31T22:47:38-05:00,1
        cj-40000000007-55021,1012,55021,purchase,2017-05-14T09:15:00-04:00,3
        cj-40000000008-838020,9,838020,purchase,2017-07-26T18:00:00-04:00,1
        cj-40000000008-896453,9,896453,purchase,2017-07-26T18:00:00-04:00,1
        cj-40000000009-28929,1012,28929,purchase,2017-10-01T12:00:00-04:00,1
        cj-40000000010-31170,1,31170,purchase,2017-10-01T12:00:00-04:00,2
        """;
    assertEquals(expected, MiniSlice.read(out.resolve("events.csv.gz")));
  }

  @Test
  void fansFollowOwnersByHashAndEachOwnerLabelsItsFans() throws IOException {
    convertMini(Options.defaults());
    // Worked out with Python's hashlib: household 1 -> shop-green, and (draw 0.0404 < 0.1) also
    // shop-jie; 1012 -> shop-green; 9 -> shop-lily; 2261 (only skipped rows) -> shop-jie.
    String fans =
        """
        owner_id,fan_id,joined_at
        shop-lily,9,%1$s
        shop-green,1,%1$s
        shop-green,1012,%1$s
        shop-jie,1,%1$s
        shop-jie,2261,%1$s
        """
            .formatted(BEFORE);
    assertEquals(fans, MiniSlice.read(out.resolve("fans.csv")));
    // Household 9 and 2261 have no demographics row; 1012 has no home_ownership.
    String labels =
        """
        owner_id,fan_id,age,household,kids,income,home_ownership,marital_status,labelled_at
        shop-green,1,65plus,2-adults-no-kids,none,35-49k,homeowner,married,%1$s
        shop-green,1012,35-44,2-adults-kids,3plus,35-49k,,married,%1$s
        shop-jie,1,65plus,2-adults-no-kids,none,35-49k,homeowner,married,%1$s
        """
            .formatted(BEFORE);
    assertEquals(labels, MiniSlice.read(out.resolve("labels.csv")));
  }

  @Test
  void ownersAreTheDemoShopsAndTheGeneralOnesSellTheConvertedDepartmentsOfGoods()
      throws IOException {
    convertMini(Options.defaults());
    String expected =
        """
        id,name,locale,assortment
        shop-lily,莉莉的生活小铺,zh-CN,COSMETICS;DRUG GM;FROZEN GROCERY;GROCERY;SPIRITS
        shop-green,Green Basket,en,COSMETICS;DRUG GM;FROZEN GROCERY;GROCERY;SPIRITS
        shop-jie,阿杰家的厨房,zh-CN,CHEF SHOPPE;DELI;FROZEN GROCERY;GROCERY;MEAT;MEAT-PCKGD;\
        NUTRITION;PASTRY;PRODUCE;SALAD BAR;SEAFOOD;SEAFOOD-PCKGD
        """;
    assertEquals(expected, MiniSlice.read(out.resolve("owners.csv")));
  }

  @Test
  void summaryCountsReconcile() throws IOException {
    Summary summary = convertMini(Options.defaults());
    Summary expected =
        new Summary(
            14,
            12,
            9,
            3,
            4,
            5,
            2,
            3,
            17,
            Map.of(
                SkipReason.PRODUCT_NOT_IN_PRODUCTS_FILE, 1L,
                SkipReason.QUANTITY_NOT_POSITIVE, 1L,
                SkipReason.DEMOGRAPHICS_WITHOUT_TRANSACTIONS, 1L));
    assertEquals(expected, summary);
    assertEquals(summary.transactionRows(), summary.events() + summary.skippedTransactionRows());
  }

  @Test
  void oneOwnerTakesEveryFanAndNoOneHasASecond() throws IOException {
    Summary summary = convertMini(Options.defaults().withOwnerCount(1));
    assertEquals(4, summary.fanMemberships());
    List<String> owners =
        MiniSlice.read(out.resolve("fans.csv")).lines().skip(1).map(l -> l.split(",")[0]).toList();
    assertEquals(List.of("shop-lily", "shop-lily", "shop-lily", "shop-lily"), owners);
  }

  @Test
  void firstSeenOptionDatesEachProductByItsEarliestPurchase() throws IOException {
    convertMini(Options.defaults().withCreatedAtFirstSeen(true));
    List<String> rows = MiniSlice.read(out.resolve("catalog.csv.gz")).lines().toList();
    // 25671 was bought on 28 Jan, 12 Mar and 4 Jul.
    assertTrue(rows.get(1).endsWith(",2017-01-28T14:06:53-05:00"), rows.get(1));
    assertTrue(rows.get(9).endsWith(",2017-12-31T22:47:38-05:00"), rows.get(9));
  }

  @Test
  void sameInputGivesSameBytes(@TempDir Path again) throws IOException {
    convertMini(Options.defaults());
    new CompleteJourneyConverter(Options.defaults()).convert(MiniSlice.dir(), again);
    for (String name : ImportFiles.ALL) {
      assertArrayEquals(
          Files.readAllBytes(out.resolve(name)), Files.readAllBytes(again.resolve(name)), name);
    }
  }

  @Test
  void progressEndsWithTheNumberOfRows() throws IOException {
    List<Long> reports = new ArrayList<>();
    new CompleteJourneyConverter(Options.defaults()).convert(MiniSlice.dir(), out, reports::add);
    assertEquals(List.of(14L), reports);
  }

  @Test
  void missingColumnNamesFileLineAndColumnAndWritesNothing(@TempDir Path raw) throws IOException {
    MiniSlice.copyTo(raw);
    Path products = raw.resolve("products.csv");
    Files.writeString(products, Files.readString(products).replace("\"department\"", "\"dept\""));
    Files.writeString(out.resolve("fans.csv"), "old");

    RawDataException e =
        assertThrows(
            RawDataException.class,
            () -> new CompleteJourneyConverter(Options.defaults()).convert(raw, out));

    assertEquals("products.csv", e.file());
    assertEquals(1, e.line());
    assertEquals(Optional.of("department"), e.column());
    assertTrue(e.getMessage().startsWith("products.csv line 1, column department: missing column"));
    assertEquals(List.of(out.resolve("fans.csv")), list(out));
    assertEquals("old", Files.readString(out.resolve("fans.csv")));
  }

  @Test
  void malformedNumberNamesFileLineAndColumnAndWritesNothing(@TempDir Path raw) throws IOException {
    MiniSlice.copyTo(raw);
    Path transactions = raw.resolve("transactions_sample.csv");
    // Line 14 of the file (13th row) is the last one checked, after events were already written.
    Files.writeString(
        transactions, Files.readString(transactions).replace("2.5,0.5,0,0,40", "2.5,0.5x,0,0,40"));

    RawDataException e =
        assertThrows(
            RawDataException.class,
            () -> new CompleteJourneyConverter(Options.defaults()).convert(raw, out));

    assertEquals(
        "transactions_sample.csv line 14, column retail_disc:"
            + " expected a decimal number such as 3.86, got '0.5x'",
        e.getMessage());
    assertEquals(List.of(), list(out));
  }

  @Test
  void unknownDemographicCodeListsTheExpectedOnes(@TempDir Path raw) throws IOException {
    MiniSlice.copyTo(raw);
    Path demographics = raw.resolve("demographics.csv");
    Files.writeString(
        demographics, Files.readString(demographics).replace("\"35-44\"", "\"35-45\""));

    RawDataException e =
        assertThrows(
            RawDataException.class,
            () -> new CompleteJourneyConverter(Options.defaults()).convert(raw, out));

    assertEquals(
        "demographics.csv line 3, column age: expected one of 19-24, 25-34, 35-44, 45-54, 55-64,"
            + " 65+, got '35-45'",
        e.getMessage());
  }

  @Test
  void optionsRejectBadValuesNamingThem() {
    IllegalArgumentException owners =
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withOwnerCount(4));
    assertEquals("ownerCount must be between 1 and 3, got 4", owners.getMessage());
    IllegalArgumentException share =
        assertThrows(
            IllegalArgumentException.class, () -> Options.defaults().withSecondOwnerShare(1.5));
    assertEquals("secondOwnerShare must be between 0 and 1, got 1.5", share.getMessage());
    IllegalArgumentException stock =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Options(3, 0.1, Options.BEFORE_THE_DATA, false, Options.BEFORE_THE_DATA, -1));
    assertEquals("stock must be >= 0, got -1", stock.getMessage());
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
