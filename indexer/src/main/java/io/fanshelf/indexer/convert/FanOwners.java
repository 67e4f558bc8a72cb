package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shops of a converted data set and which of them each fan follows: the three demo shops of the
 * Complete Journey conversion, or numbered shops for the public-format converters. The assignment
 * is a pure function of the fan id (SHA-256 of its UTF-8 bytes), so it is the same on every run and
 * easy to recompute elsewhere; CRC-32 was tried first but its linearity gave 12.8% second owners on
 * short numeric ids where 10% was asked. Immutable and thread-safe.
 */
final class FanOwners {
  /**
   * Complete Journey departments without goods a shop shares with its fans: fuel, coupons and the
   * store's miscellany (gasoline at the pump, "Coupons/Store & Mfg"). No demo shop sells them.
   */
  static final Set<String> NOT_GOODS = Set.of("COUPON", "FUEL", "MISCELLANEOUS");

  /**
   * The food departments that 阿杰家的厨房 sells; the other two shops sell the whole converted catalog
   * ({@link #sellingWholeCatalogAs}).
   */
  static final List<String> KITCHEN_DEPARTMENTS =
      List.of(
          "CHEF SHOPPE",
          "DELI",
          "FROZEN GROCERY",
          "GROCERY",
          "MEAT",
          "MEAT-PCKGD",
          "NUTRITION",
          "PASTRY",
          "PRODUCE",
          "SALAD BAR",
          "SEAFOOD",
          "SEAFOOD-PCKGD");

  static final List<Owner> ALL =
      List.of(
          new Owner(
              OwnerId.of("shop-lily"), "莉莉的生活小铺", Locale.SIMPLIFIED_CHINESE, Optional.empty()),
          new Owner(OwnerId.of("shop-green"), "Green Basket", Locale.US, Optional.empty()),
          new Owner(
              OwnerId.of("shop-jie"),
              "阿杰家的厨房",
              Locale.SIMPLIFIED_CHINESE,
              Optional.of(Set.copyOf(KITCHEN_DEPARTMENTS))));

  /** More shops than this would leave most with a handful of fans. */
  static final int MAX_NUMBERED = 1000;

  private final List<Owner> owners;
  private final double secondOwnerShare;

  private FanOwners(List<Owner> owners, double secondOwnerShare) {
    this.owners = List.copyOf(owners);
    this.secondOwnerShare = secondOwnerShare;
  }

  /** The first {@code count} of the demo shops {@link #ALL}. */
  static FanOwners demo(int count, double secondOwnerShare) {
    return new FanOwners(ALL.subList(0, count), secondOwnerShare);
  }

  /**
   * {@code count} shops shop-1, shop-2 ... ("Shop 1" ..., English pages, the whole catalog), each
   * fan with exactly one of them.
   */
  static FanOwners numbered(int count) {
    if (count < 1 || count > MAX_NUMBERED) {
      throw new IllegalArgumentException(
          "owner count must be between 1 and " + MAX_NUMBERED + ", got " + count);
    }
    List<Owner> shops = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      shops.add(new Owner(OwnerId.of("shop-" + i), "Shop " + i, Locale.US, Optional.empty()));
    }
    return new FanOwners(shops, 0);
  }

  /**
   * The same shops, those that sell the whole catalog now selling {@code departments} but {@link
   * #NOT_GOODS}: the converted catalog's departments, so that a store shared with another data set
   * (the generated beauty shop of the demo) does not put that set's products on these shops'
   * shelves.
   */
  FanOwners sellingWholeCatalogAs(Set<String> departments) {
    if (departments.isEmpty()) {
      return this;
    }
    Set<String> goods = new TreeSet<>(departments);
    goods.removeAll(NOT_GOODS);
    List<Owner> limited =
        owners.stream()
            .map(
                o ->
                    o.assortment().isPresent()
                        ? o
                        : new Owner(o.id(), o.name(), o.locale(), Optional.of(Set.copyOf(goods))))
            .toList();
    return new FanOwners(limited, secondOwnerShare);
  }

  List<Owner> owners() {
    return owners;
  }

  /**
   * The owners a fan follows. With {@code h(s)} the first 8 bytes of SHA-256(UTF-8 of s) as an
   * unsigned big-endian number: owner {@code h(fan) mod n} first; then, when there are at least two
   * owners and the top 53 bits of {@code h("second-owner:" + fan)} divided by 2^53 are below the
   * second-owner share, also the next owner in the list (wrapping around).
   */
  List<Owner> ownersOf(String fanId) {
    int first = (int) Long.remainderUnsigned(hash(fanId), owners.size());
    List<Owner> result = new ArrayList<>(2);
    result.add(owners.get(first));
    double draw = (hash("second-owner:" + fanId) >>> 11) * 0x1.0p-53;
    if (owners.size() > 1 && draw < secondOwnerShare) {
      result.add(owners.get((first + 1) % owners.size()));
    }
    return result;
  }

  static long hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
