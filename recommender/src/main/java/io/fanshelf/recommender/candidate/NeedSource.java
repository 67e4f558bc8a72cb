package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.CatalogTerms;
import io.fanshelf.indexer.store.ScoredProduct;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Text search for the fan's free-text need ("想买花茶 调理身体"), then personalised by the ranker. Only the
 * need's words that carry meaning count ({@link NeedWords}): not the words of asking, not stop
 * words, and not words that a fifth of the catalog has (a shop where every title says 美妆). A
 * product must match at least half of them, so "face cream for dry skin" does not find ice cream by
 * "cream" alone; a need left with no such word proposes nothing, and is not claimed as matched.
 */
public final class NeedSource implements CandidateSource {
  public static final String NAME = "need";
  // A word in more than this share of the catalog says little about what the fan wants ...
  private static final int FREQUENT_DIVISOR = 5;
  // ... but in a small catalog a word of a few products still does.
  private static final int NEVER_FREQUENT = 5;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget)
      throws IOException {
    Signals signals = evidence.signals();
    if (request.need().isEmpty()) {
      return;
    }
    List<NeedWords.Word> words = new ArrayList<>();
    for (NeedWords.Word word : NeedWords.meaningful(request.need().get())) {
      if (!frequent(word, signals)) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return;
    }
    int required = (words.size() + 1) / 2;
    Set<String> terms = words.stream().map(NeedWords.Word::term).collect(Collectors.toSet());
    CatalogQuery query =
        CatalogQuery.builder(budget)
            .text(words.stream().map(NeedWords.Word::written).collect(Collectors.joining(" ")))
            .inStockOnly()
            .categoryPrefixes(request.categoryPrefixes())
            .build();
    CatalogSnapshot catalog = signals.catalog();
    for (ScoredProduct hit : signals.search().search(query)) {
      OptionalInt ordinal = catalog.ordinal(hit.id());
      if (ordinal.isPresent() && matches(catalog, ordinal.getAsInt(), terms) >= required) {
        sink.add(ordinal.getAsInt(), hit.score());
      }
    }
  }

  private static long matches(CatalogSnapshot catalog, int ordinal, Set<String> terms) {
    Set<String> has = NeedWords.terms(CatalogTerms.searchableText(catalog.product(ordinal)));
    return terms.stream().filter(has::contains).count();
  }

  /** Whether more than a fifth of the catalog (and more than a handful) has the word. */
  private static boolean frequent(NeedWords.Word word, Signals signals) throws IOException {
    int limit =
        Math.min(
            CatalogQuery.MAX_LIMIT - 1,
            Math.max(NEVER_FREQUENT, signals.catalog().size() / FREQUENT_DIVISOR));
    CatalogQuery query = CatalogQuery.builder(limit + 1).text(word.written()).build();
    return signals.search().search(query).size() > limit;
  }
}
