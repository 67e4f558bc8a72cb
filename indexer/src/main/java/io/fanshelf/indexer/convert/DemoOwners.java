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

/**
 * The demo shops and which of them each fan follows. The assignment is a pure function of the fan
 * id (SHA-256 of its UTF-8 bytes), so it is the same on every run and easy to recompute elsewhere;
 * CRC-32 was tried first but its linearity gave 12.8% second owners on short numeric ids where 10%
 * was asked. Immutable and thread-safe.
 */
final class DemoOwners {
  /** The food departments that 阿杰家的厨房 sells; the other two shops sell the whole catalog. */
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

  private final List<Owner> owners;
  private final double secondOwnerShare;

  /** The first {@code count} of {@link #ALL}. */
  DemoOwners(int count, double secondOwnerShare) {
    this.owners = ALL.subList(0, count);
    this.secondOwnerShare = secondOwnerShare;
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
