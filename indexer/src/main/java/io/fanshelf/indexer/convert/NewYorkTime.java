package io.fanshelf.indexer.convert;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Complete Journey's local times are America/New_York wall-clock times; FanShelf files want
 * ISO-8601 with an offset. All times the converter writes use this zone, so they read like the
 * source (-05:00 in winter, -04:00 in summer).
 */
final class NewYorkTime {
  static final ZoneId ZONE = ZoneId.of("America/New_York");

  private NewYorkTime() {}

  /**
   * The instant of a New York wall-clock time. In the autumn overlap (01:00-01:59 on the first
   * Sunday of November) the earlier, daylight-saving offset is taken; a time in the spring gap
   * (02:00-02:59 on the second Sunday of March), which no clock shows, is moved forward by the
   * length of the gap. The 2017 sample has neither.
   */
  static Instant toInstant(LocalDateTime local) {
    return ZonedDateTime.of(local, ZONE).toInstant();
  }

  /** E.g. 2017-01-28T14:06:53-05:00. */
  static String format(Instant instant) {
    return ImportFiles.time(instant, ZONE);
  }
}
