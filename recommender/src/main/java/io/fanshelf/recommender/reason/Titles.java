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
   * The title if it has at most {@code maxChars} characters; else its longest run of whole words
   * that fits, followed by an ellipsis. A first word longer than {@code maxChars} is kept whole.
   */
  static String shorten(String title, int maxChars) {
    String trimmed = title.strip();
    if (trimmed.length() <= maxChars) {
      return trimmed;
    }
    int cut = lastWordEndWithin(trimmed, maxChars);
    return trimmed.substring(0, cut).stripTrailing() + ELLIPSIS;
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
