package io.fanshelf.recommender.reason;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Shortens a product title for a reason without cutting a word: Chinese titles have no spaces, so
 * the word boundaries are smartcn's (the segmentation the catalog index uses), which also keeps
 * English words and numbers with units whole.
 */
final class Titles {
  private static final String ELLIPSIS = "…";

  private Titles() {}

  /**
   * The title if it has at most {@code maxChars} characters; else its longest run of whole
   * space-separated parts that fits, when that keeps at least half of {@code maxChars}, or else of
   * whole words, followed by an ellipsis. A first word longer than {@code maxChars} is kept whole.
   */
  static String shorten(String title, int maxChars) {
    String trimmed = title.strip();
    if (trimmed.length() <= maxChars) {
      return trimmed;
    }
    int cut = lastSpaceWithin(trimmed, maxChars);
    if (cut < maxChars / 2) {
      cut = lastWordEndWithin(trimmed, maxChars);
    }
    return trimmed.substring(0, cut).stripTrailing() + ELLIPSIS;
  }

  /**
   * Where the title's space-separated parts end, within {@code maxChars}: a catalog title written
   * as "brand name size" keeps whole parts ("30ml", "SPF50+"), which no segmenter splits better.
   */
  private static int lastSpaceWithin(String text, int maxChars) {
    for (int i = maxChars; i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  private static int lastWordEndWithin(String text, int maxChars) {
    int cut = -1;
    try (HMMChineseTokenizer words = new HMMChineseTokenizer()) {
      OffsetAttribute offsets = words.addAttribute(OffsetAttribute.class);
      words.setReader(new StringReader(text));
      words.reset();
      while (words.incrementToken()) {
        int end = offsets.endOffset();
        if (end > maxChars) {
          if (cut < 0) {
            cut = end;
          }
          break;
        }
        cut = end;
      }
      words.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return cut < 0 ? text.length() : cut;
  }
}
