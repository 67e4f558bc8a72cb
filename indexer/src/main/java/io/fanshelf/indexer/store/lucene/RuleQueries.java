package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.CatalogTerms;
import io.fanshelf.indexer.taxonomy.MatchRule;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns taxonomy match rules into catalog queries; must agree with {@link MatchRule#matches}. */
final class RuleQueries {
  private RuleQueries() {}

  static Query toQuery(MatchRule rule) {
    if (rule instanceof MatchRule.Attribute a) {
      return new TermQuery(
          new Term(CatalogFields.ATTRIBUTE, CatalogTerms.attributeTerm(a.name(), a.value())));
    }
    if (rule instanceof MatchRule.Tag t) {
      return new TermQuery(new Term(CatalogFields.TAG, t.tag()));
    }
    if (rule instanceof MatchRule.Category c) {
      return new TermQuery(new Term(CatalogFields.CATEGORY, c.prefix()));
    }
    if (rule instanceof MatchRule.PriceBand p) {
      long min = p.minCents().orElse(Long.MIN_VALUE);
      long maxInclusive = p.maxCents().isPresent() ? p.maxCents().getAsLong() - 1 : Long.MAX_VALUE;
      return LongPoint.newRangeQuery(CatalogFields.PRICE, min, maxInclusive);
    }
    MatchRule.AnyOf any = (MatchRule.AnyOf) rule;
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    any.rules().forEach(r -> builder.add(toQuery(r), BooleanClause.Occur.SHOULD));
    return builder.setMinimumNumberShouldMatch(1).build();
  }
}
