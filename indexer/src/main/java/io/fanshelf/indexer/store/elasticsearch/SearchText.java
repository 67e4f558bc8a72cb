package io.fanshelf.indexer.store.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * FanShelf's own text analysis, run in this process: the Lucene backend's {@link
 * SmartChineseAnalyzer} (Chinese word segmentation, lower-casing, English stemming, stop words).
 *
 * <p>Elasticsearch gets the resulting tokens joined by single spaces and indexes and queries them
 * with its built-in {@code whitespace} analyzer. So Chinese free text is segmented exactly as on
 * Lucene, on any cluster, with no analysis plugin installed (the CJK analysis of Elasticsearch's
 * {@code analysis-common} module would give different words: overlapping bigrams). Thread-safe.
 */
final class SearchText {
  private static final Analyzer ANALYZER = new SmartChineseAnalyzer();

  private SearchText() {}

  /** The tokens of {@code text}, separated by single spaces; empty if it has no searchable word. */
  static String tokens(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (!out.isEmpty()) {
          out.append(' ');
        }
        out.append(term);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text from memory failed", e);
    }
    return out.toString();
  }
}
