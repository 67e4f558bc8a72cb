package io.fanshelf.recommender.candidate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of a free-text need, cut as the catalog index cuts text (smartcn: Chinese words,
 * lower-cased and stemmed English), without the words that say nothing about a product: English
 * stop words ("for", "the") and the Chinese and English words of asking ("想买", "推荐", "looking").
 * Stateless and thread-safe.
 */
final class NeedWords {
  /** A word as the fan wrote it (what the catalog is searched with) and as analysed. */
  record Word(String written, String term) {}

  private static final Analyzer ANALYZER = new SmartChineseAnalyzer();

  // Words of asking and function words, compared with the word as written, lower-cased.
  private static final Set<String> ASKING =
      Set.of(
          "想",
          "想买",
          "想要",
          "要",
          "买",
          "求",
          "找",
          "求推荐",
          "推荐",
          "一些",
          "一个",
          "一款",
          "款",
          "个",
          "些",
          "点",
          "一下",
          "有",
          "没有",
          "什么",
          "哪些",
          "哪个",
          "吗",
          "呢",
          "吧",
          "啊",
          "的",
          "了",
          "和",
          "与",
          "及",
          "或",
          "给",
          "用",
          "用的",
          "我",
          "你",
          "他",
          "她",
          "我们",
          "很",
          "最",
          "比较",
          "还",
          "也",
          "都",
          "就",
          "在",
          "是",
          "请",
          "帮",
          "帮我",
          "适合",
          "want",
          "wants",
          "need",
          "needs",
          "looking",
          "look",
          "buy",
          "buying",
          "something",
          "some",
          "recommend",
          "please",
          "i",
          "me",
          "my",
          "good",
          "any");

  private NeedWords() {}

  /** The need's words that may carry meaning, each term once, in the order written. */
  static List<Word> meaningful(String need) {
    Map<String, Word> byTerm = new LinkedHashMap<>();
    analyse(
        need,
        (term, written) -> {
          String lower = written.toLowerCase(Locale.ROOT);
          if (!ASKING.contains(lower)
              && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(lower)
              && !term.isBlank()) {
            byTerm.putIfAbsent(term, new Word(written, term));
          }
        });
    return new ArrayList<>(byTerm.values());
  }

  /** The analysed terms of a product's searchable text. */
  static Set<String> terms(String text) {
    Set<String> terms = new HashSet<>();
    analyse(text, (term, written) -> terms.add(term));
    return terms;
  }

  private interface TokenSink {
    void accept(String term, String written);
  }

  private static void analyse(String text, TokenSink sink) {
    try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        sink.accept(term.toString(), text.substring(offsets.startOffset(), offsets.endOffset()));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }
}
