package io.fanshelf.recommender;

import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.rules.RuleOptions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the recommender works: candidate sources per section and the fallback list, budgets, history
 * length, rules, and how often popularity-derived lists refresh.
 *
 * @param sources the candidate sources of each section, by name
 * @param fallback sources added when the section's sources find fewer than {@code minCandidates}
 * @param budgetPerSource how many candidates each source may propose
 * @param minCandidates below this many candidates the fallback list runs
 * @param historyLimit how many of the fan's latest events are read per request
 * @param rules the business rules
 * @param leadersRefresh how often the per-category popular lists are recomputed
 */
public record RecommenderOptions(
    Map<Section, List<String>> sources,
    List<String> fallback,
    int budgetPerSource,
    int minCandidates,
    int historyLimit,
    RuleOptions rules,
    Duration leadersRefresh) {

  public RecommenderOptions {
    EnumMap<Section, List<String>> copy = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      List<String> names = sources.get(section);
      if (names == null || names.isEmpty()) {
        throw new IllegalArgumentException(
            "sources for section " + section.wireName() + " missing");
      }
      names.forEach(CandidateSources::index); // rejects unknown names, listing the known ones
      copy.put(section, List.copyOf(names));
    }
    sources = java.util.Collections.unmodifiableMap(copy);
    fallback = List.copyOf(fallback);
    fallback.forEach(CandidateSources::index);
    if (budgetPerSource < 1 || budgetPerSource > 5_000) {
      throw new IllegalArgumentException(
          "budgetPerSource must be between 1 and 5000, got " + budgetPerSource);
    }
    if (minCandidates < 0) {
      throw new IllegalArgumentException("minCandidates must be >= 0, got " + minCandidates);
    }
    if (historyLimit < 1 || historyLimit > 10_000) {
      throw new IllegalArgumentException(
          "historyLimit must be between 1 and 10000, got " + historyLimit);
    }
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(leadersRefresh, "leadersRefresh");
  }

  /** The defaults described in the README. */
  public static RecommenderOptions defaults() {
    Map<Section, List<String>> sources = new EnumMap<>(Section.class);
    sources.put(
        Section.FOR_YOU,
        List.of(
            "label-match",
            "label-affinity",
            "co-visit",
            "affinity",
            "owner-popular",
            "popular",
            "need",
            "new-arrivals",
            "als",
            "item-cf",
            "user-knn"));
    sources.put(Section.MATCHES_YOUR_LABELS, List.of("label-match", "label-affinity"));
    sources.put(Section.RECENTLY_VIEWED, List.of("recently-viewed"));
    sources.put(Section.NEW_ARRIVALS, List.of("new-arrivals"));
    return new RecommenderOptions(
        sources,
        List.of("owner-popular", "popular"),
        200,
        100,
        200,
        RuleOptions.defaults(),
        Duration.ofMinutes(1));
  }

  public RecommenderOptions withRules(RuleOptions other) {
    return new RecommenderOptions(
        sources, fallback, budgetPerSource, minCandidates, historyLimit, other, leadersRefresh);
  }
}
