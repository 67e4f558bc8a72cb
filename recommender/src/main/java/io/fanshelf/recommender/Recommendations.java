package io.fanshelf.recommender;

import java.util.List;
import java.util.Optional;

/**
 * A ranked list, and what shaped it.
 *
 * @param items best first
 * @param ranker the name and version of the ranker that scored them ("heuristic-v1", a model id)
 * @param candidates how many candidates were scored
 * @param need what the request's free-text need did; empty when it had none
 * @param fallbackReason why the fallback sources filled the list; empty when they did not run
 */
public record Recommendations(
    List<RecommendedItem> items,
    String ranker,
    int candidates,
    Optional<NeedOutcome> need,
    Optional<FallbackReason> fallbackReason) {
  public Recommendations {
    items = List.copyOf(items);
  }

  /** Whether the fallback sources had to fill the list (little is known of the fan). */
  public boolean fallback() {
    return fallbackReason.isPresent();
  }

  /**
   * What a free-text need did.
   *
   * @param matched in-stock products the need's text search found (within the category filter)
   * @param used whether those matches were the candidates: in the main list when anything matched;
   *     otherwise the section's usual sources ran as if there were no need
   */
  public record NeedOutcome(int matched, boolean used) {}

  /**
   * Why the fallback sources ran.
   *
   * @param found candidates the section's own sources found
   * @param wanted how many the ranking wants at least
   * @param sources the fallback sources that ran in addition
   */
  public record FallbackReason(int found, int wanted, List<String> sources) {
    public FallbackReason {
      sources = List.copyOf(sources);
    }
  }
}
