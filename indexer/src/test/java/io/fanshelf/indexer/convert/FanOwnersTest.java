package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Owner;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOwnersTest {
  /** Owner ids of a fan, as FanOwners assigns them. */
  private static List<String> ownersOf(FanOwners owners, String fan) {
    return owners.ownersOf(fan).stream().map(o -> o.id().value()).toList();
  }

  @Test
  void assignmentMatchesAnIndependentComputation() {
    // Expected values from Python: h = int.from_bytes(sha256(s).digest()[:8], "big").
    FanOwners three = FanOwners.demo(3, 0.10);
    assertEquals(List.of("shop-green", "shop-jie"), ownersOf(three, "1"));
    assertEquals(List.of("shop-lily"), ownersOf(three, "1001"));
    assertEquals(List.of("shop-green"), ownersOf(three, "1003"));
    assertEquals(List.of("shop-jie"), ownersOf(three, "1020"));
    assertEquals(List.of("shop-lily", "shop-green"), ownersOf(three, "1053"));
    assertEquals(List.of("shop-jie"), ownersOf(three, "莉莉"));

    FanOwners two = FanOwners.demo(2, 0.10);
    assertEquals(List.of("shop-green", "shop-lily"), ownersOf(two, "1"));
    assertEquals(List.of("shop-lily", "shop-green"), ownersOf(two, "1081"));
    assertEquals(List.of("shop-jie", "shop-lily"), ownersOf(FanOwners.demo(3, 0.5), "莉莉"));
  }

  @Test
  void aboutTheAskedShareOfFansHasASecondOwner() {
    FanOwners owners = FanOwners.demo(3, 0.10);
    long second =
        IntStream.range(0, 100_000)
            .filter(i -> owners.ownersOf(Integer.toString(i)).size() == 2)
            .count();
    // Python gives 9,953 for the same ids.
    assertEquals(9_953, second);
  }

  @Test
  void oneOwnerOrShareZeroMeansOneOwnerPerFan() {
    assertEquals(List.of("shop-lily"), ownersOf(FanOwners.demo(1, 1.0), "1"));
    assertEquals(List.of("shop-green"), ownersOf(FanOwners.demo(3, 0.0), "1"));
  }

  @Test
  void onlyTheKitchenHasAnAssortmentAndItIsFoodDepartments() {
    List<Owner> all = FanOwners.ALL;
    assertTrue(all.get(0).assortment().isEmpty());
    assertTrue(all.get(1).assortment().isEmpty());
    Owner kitchen = all.get(2);
    assertTrue(kitchen.sells("GROCERY>COLD CEREAL>KIDS CEREAL"));
    assertTrue(!kitchen.sells("DRUG GM>BABY FOODS>BABY JUICES"));
  }
}
