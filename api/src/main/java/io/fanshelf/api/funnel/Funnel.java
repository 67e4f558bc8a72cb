package io.fanshelf.api.funnel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An owner's funnel over a period, for the whole shop or one segment.
 *
 * @param from first UTC day, included
 * @param to last UTC day, included
 * @param segment the segment's id, when the funnel is a segment's
 * @param segmentName the segment's name, when the funnel is a segment's
 * @param stages shared, opened, clicked, carted, bought: fans who reached each stage, and events
 * @param revenueCents attributed revenue in the smallest currency unit (分 / cents)
 * @param commissionCents the owner's commission on it
 * @param days the same per UTC day, oldest first, every day of the period
 */
public record Funnel(
    LocalDate from,
    LocalDate to,
    Optional<String> segment,
    Optional<String> segmentName,
    List<FunnelStage> stages,
    long revenueCents,
    long commissionCents,
    List<FunnelDay> days) {

  /** The stages, in funnel order. */
  public enum StageName {
    /** Fans who held a live share link in the period; {@code events}: links made in it. */
    SHARED,
    /** Fans who opened their shelf; {@code events}: shelf page views. */
    OPENED,
    /** Fans who clicked a product on it; {@code events}: clicks. */
    CLICKED,
    /** Fans with an attributed add-to-cart; {@code events}: carts. */
    CARTED,
    /** Fans with an attributed purchase; {@code events}: purchases. */
    BOUGHT
  }

  /**
   * One stage.
   *
   * @param stage which
   * @param fans distinct fans who reached it in the period
   * @param events how many times: links made, opens, clicks, carts or purchases
   * @param ofPrevious fans as a share of the previous stage's fans, 0 to 1 (1 for the first)
   */
  public record FunnelStage(StageName stage, long fans, long events, double ofPrevious) {}

  /**
   * One UTC day of the period.
   *
   * @param day the day
   * @param opens shelf page views
   * @param clicks product clicks
   * @param carts attributed carts
   * @param purchases attributed purchases
   * @param revenueCents attributed revenue
   * @param commissionCents commission on it
   */
  public record FunnelDay(
      LocalDate day,
      long opens,
      long clicks,
      long carts,
      long purchases,
      long revenueCents,
      long commissionCents) {}

  /**
   * One fan's part of the period, for the export.
   *
   * @param fan the fan id
   * @param opens shelf page views
   * @param clicks product clicks
   * @param carts attributed carts
   * @param purchases attributed purchases
   * @param revenueCents attributed revenue
   * @param commissionCents commission on it
   */
  public record FanRow(
      String fan,
      long opens,
      long clicks,
      long carts,
      long purchases,
      long revenueCents,
      long commissionCents) {}

  public FunnelStage stage(StageName name) {
    return stages.get(name.ordinal());
  }
}
