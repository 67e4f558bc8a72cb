package io.fanshelf.indexer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void validIdsStayAsTheyAre() {
    for (String id : new String[] {"196", "A1YJEY40YUW4SE", "c-0001", "莉莉", "u.data:17", "a@b_c"}) {
      assertEquals(id, Ids.sanitize(id));
    }
  }

  @Test
  void invalidIdsGetReplacementsAndAHashThatKeepsLookAlikesApart() {
    String space = Ids.sanitize("c 0002");
    String slash = Ids.sanitize("c/0002");
    assertEquals("c_0002-649dfb40", space);
    assertTrue(slash.startsWith("c_0002-"));
    assertNotEquals(space, slash);
    assertTrue(Ids.isValid(space));
    String longId = "x".repeat(300);
    String sanitized = Ids.sanitize(longId);
    assertEquals(109, sanitized.length());
    assertTrue(Ids.isValid(sanitized));
    assertEquals(sanitized, FanId.of(sanitized).value());
    assertThrows(IllegalArgumentException.class, () -> Ids.sanitize(""));
  }
}
