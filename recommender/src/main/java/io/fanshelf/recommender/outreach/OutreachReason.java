package io.fanshelf.recommender.outreach;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a fan is worth a message today; each has its own message template. */
public enum OutreachReason {
  /** A product the fan viewed, favourited or carted was sold out and is in stock again. */
  BACK_IN_STOCK,
  /** A product the fan viewed, favourited or carted costs less than when they looked. */
  PRICE_DROP,
  /** The fan buys a product regularly, and by their own interval the next purchase is due. */
  REPURCHASE_DUE,
  /**
   * The fan shops on a rhythm (any product), and by their usual days between shops the next one
   * falls within the week.
   */
  REGULAR_SHOP_DUE,
  /** A product new in the catalog ranks high on the fan's shelf for their labels or history. */
  NEW_ARRIVAL,
  /** Most of the fan's shelf is new since they last opened it. */
  SHELF_CHANGED,
  /** The fan used to buy but has not been seen for a while. */
  LAPSED;

  /** The name in the API, CSV and message keys: back_in_stock, price_drop ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutreachReason parse(String text) {
    for (OutreachReason reason : values()) {
      if (reason.wireName().equals(text)) {
        return reason;
      }
    }
    throw new IllegalArgumentException(
        "expected one of "
            + Arrays.stream(values())
                .map(OutreachReason::wireName)
                .collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
  }
}
