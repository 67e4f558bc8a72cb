package io.fanshelf.recommender.settings;

import static java.util.Objects.requireNonNullElse;

import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.candidate.CandidateSources;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fanshelf.recommend.*}: candidate sources per section and the fallback, budgets, history
 * length and rules, as {@link RecommenderOptions}. A missing value (null) is {@link
 * RecommenderOptions#defaults()}'s, and a section missing from {@code sources} keeps its default
 * list; the values are checked when mapped, a bad one naming its key.
 *
 * @param sources the candidate sources of each section, by the section's wire name ({@code
 *     for-you}, {@code matches-your-labels}, {@code recently-viewed}, {@code new-arrivals})
 * @param fallback sources added when a section's sources find fewer than {@code minCandidates}
 * @param budgetPerSource how many candidates each source may propose
 * @param minCandidates below this many candidates the fallback list runs
 * @param historyLimit how many of the fan's latest events are read per request
 * @param leadersRefresh how often the per-category popular lists are recomputed
 * @param rules the business rules
 */
public record RecommendSettings(
    Map<String, List<String>> sources,
    List<String> fallback,
    Integer budgetPerSource,
    Integer minCandidates,
    Integer historyLimit,
    Duration leadersRefresh,
    RuleSettings rules) {

  static final String PREFIX = "fanshelf.recommend";
  private static final RecommenderOptions DEFAULTS = RecommenderOptions.defaults();

  public RecommendSettings {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    DEFAULTS.sources().forEach((section, names) -> merged.put(section.wireName(), names));
    if (sources != null) {
      sources.forEach((section, names) -> merged.put(section, List.copyOf(names)));
    }
    sources = Collections.unmodifiableMap(merged);
    fallback = List.copyOf(requireNonNullElse(fallback, DEFAULTS.fallback()));
    budgetPerSource = requireNonNullElse(budgetPerSource, DEFAULTS.budgetPerSource());
    minCandidates = requireNonNullElse(minCandidates, DEFAULTS.minCandidates());
    historyLimit = requireNonNullElse(historyLimit, DEFAULTS.historyLimit());
    leadersRefresh = requireNonNullElse(leadersRefresh, DEFAULTS.leadersRefresh());
    rules = requireNonNullElse(rules, RuleSettings.defaults());
  }

  /** Every value the default. */
  public static RecommendSettings defaults() {
    return new RecommendSettings(null, null, null, null, null, null, null);
  }

  /**
   * @throws InvalidSettingException naming the key of a refused value
   */
  public RecommenderOptions options() {
    Map<Section, List<String>> bySection = new EnumMap<>(Section.class);
    sources.forEach(
        (name, names) -> {
          String key = PREFIX + ".sources." + name;
          bySection.put(SettingKeys.at(key, () -> Section.parse(name)), names);
          names.forEach(source -> SettingKeys.at(key, () -> CandidateSources.index(source)));
        });
    fallback.forEach(
        source -> SettingKeys.at(PREFIX + ".fallback", () -> CandidateSources.index(source)));
    return SettingKeys.build(
        PREFIX,
        RecommendSettings.class,
        () ->
            new RecommenderOptions(
                bySection,
                fallback,
                budgetPerSource,
                minCandidates,
                historyLimit,
                rules.options(),
                leadersRefresh));
  }
}
