package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.fanshelf.indexer.store.CatalogTerms;
import io.fanshelf.indexer.taxonomy.MatchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns taxonomy match rules into catalog queries; must agree with {@link MatchRule#matches}, as
 * the Lucene backend's do.
 */
final class RuleQueries {
  private RuleQueries() {}

  static Query toQuery(MatchRule rule) {
    if (rule instanceof MatchRule.Attribute a) {
      return term(CatalogDocs.ATTRIBUTE, CatalogTerms.attributeTerm(a.name(), a.value()));
    }
    if (rule instanceof MatchRule.Tag t) {
      return term(CatalogDocs.TAG, t.tag());
    }
    if (rule instanceof MatchRule.Category c) {
      return term(CatalogDocs.CATEGORY, c.prefix());
    }
    if (rule instanceof MatchRule.PriceBand p) {
      return range(CatalogDocs.PRICE, p.minCents(), p.maxCents());
    }
    MatchRule.AnyOf any = (MatchRule.AnyOf) rule;
    List<Query> alternatives = new ArrayList<>();
    any.rules().forEach(r -> alternatives.add(toQuery(r)));
    return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  /** {@code field} in [min, max): the lower bound inclusive, the upper exclusive; either open. */
  static Query range(String field, OptionalLong min, OptionalLong max) {
    return Query.of(
        q ->
            q.range(
                r ->
                    r.untyped(
                        u -> {
                          u.field(field);
                          min.ifPresent(value -> u.gte(JsonData.of(value)));
                          max.ifPresent(value -> u.lt(JsonData.of(value)));
                          return u;
                        })));
  }
}
