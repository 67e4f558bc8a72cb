package io.fanshelf.indexer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
  @Test
  void readsWhatInstantWritesAsTheGeneralParserDoes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      // years 1 to 9999, and every fraction Instant.toString writes (none, 3, 6 or 9 digits)
      long second = random.nextLong(-62_135_596_800L, 253_402_300_800L);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant time = Instant.ofEpochSecond(second, nano);
      assertEquals(time, IsoTimes.parseCommonForm(time.toString()));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      String withOffset = time.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      if (withOffset.length() >= 25) { // ISO_OFFSET_DATE_TIME drops ":00" seconds
        assertEquals(time, IsoTimes.parseCommonForm(withOffset), withOffset);
      }
    }
  }

  @Test
  void readsFractionsOfAnyLength() {
    assertEquals(
        Instant.parse("2026-12-07T06:58:26.900Z"),
        IsoTimes.parseCommonForm("2026-12-07T06:58:26.9Z"));
    assertEquals(
        Instant.parse("2026-12-07T11:58:26.12345Z"),
        IsoTimes.parseCommonForm("2026-12-07T06:58:26.12345-05:00"));
  }

  @Test
  void leavesOtherFormsToTheGeneralParser() {
    for (String other :
        new String[] {
          "2026-12-07T06:58:26", // no zone
          "2026-12-07T06:58Z", // no seconds
          "2026-12-07T06:58:26.Z", // a point without digits
          "2026-12-07T06:58:26.1234567891Z", // ten digits
          "2026-12-07T06:58:26+0800", // offset without colon
          "2026-12-07T06:58:26+19:00", // beyond +18:00
          "2026-13-07T06:58:26Z", // month 13
          "2026-02-30T06:58:26Z", // 30 February
          "2026-12-07T24:00:00Z",
          "2026-12-07 06:58:26Z",
          "+12026-12-07T06:58:26Z",
          "2026-12-07T06:58:26Zx",
          ""
        }) {
      assertNull(IsoTimes.parseCommonForm(other), other);
    }
  }
}
