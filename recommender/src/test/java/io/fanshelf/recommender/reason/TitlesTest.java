package io.fanshelf.recommender.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitlesTest {

  @Test
  void aShortTitleStaysAsItIs() {
    assertEquals("玫瑰花茶", Titles.shorten("玫瑰花茶", 18));
  }

  @Test
  void anEnglishTitleIsCutAfterAWholeWord() {
    assertEquals(
        "CeraVe Moisturizing…", Titles.shorten("CeraVe Moisturizing Cream for Dry Skin 16oz", 22));
  }

  @Test
  void aChineseTitleIsCutBetweenWords() {
    String title = "兰蔻小黑瓶精华肌底液修护保湿补水30ml";
    String shortened = Titles.shorten(title, 10);
    assertTrue(shortened.endsWith("…"), shortened);
    String kept = shortened.substring(0, shortened.length() - 1);
    assertTrue(title.startsWith(kept) && kept.length() <= 10, shortened);
    // a boundary of the catalog's segmentation, never inside 肌底液, 修护 or 保湿
    assertTrue(kept.endsWith("精华") || kept.endsWith("肌底液") || kept.endsWith("修护"), kept);
  }

  @Test
  void aFirstWordLongerThanTheLimitIsKeptWhole() {
    assertEquals("Supercalifragilistic…", Titles.shorten("Supercalifragilistic cream", 10));
  }

  @Test
  void aTitleOfSpacedPartsIsCutBetweenParts() {
    assertEquals("水漾集 烟酰胺细致毛孔精华液…", Titles.shorten("水漾集 烟酰胺细致毛孔精华液 30ml", 18));
    assertEquals("植初 神经酰胺滋润防晒乳 SPF50+…", Titles.shorten("植初 神经酰胺滋润防晒乳 SPF50+ 50ml", 20));
    // a first part too short to stand alone: cut between words instead
    String cut = Titles.shorten("AB 兰蔻小黑瓶精华肌底液修护保湿补水30ml", 12);
    assertTrue(cut.length() > 4 && cut.endsWith("…"), cut);
  }
}
