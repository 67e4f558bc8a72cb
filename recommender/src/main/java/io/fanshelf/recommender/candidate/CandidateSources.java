package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every candidate source, in a fixed order (the index is the source's feature slot), and the code
 * that runs a configured list of them with a fallback list. Thread-safe.
 */
public final class CandidateSources {
  /** All sources FanShelf knows; configuration names a subset. */
  public static final List<CandidateSource> ALL =
      List.of(
          new LabelMatchSource(),
          new LabelAffinitySource(),
          new CoVisitSource(),
          new CategoryAffinitySource(),
          new OwnerPopularSource(),
          new PopularSource(),
          new NewArrivalsSource(),
          new NeedSource(),
          new RecentlyViewedSource(),
          new CollaborativeSource(CollaborativeSource.ALS),
          new CollaborativeSource(CollaborativeSource.ITEM_CF),
          new CollaborativeSource(CollaborativeSource.USER_KNN));

  private CandidateSources() {}

  /** The slot of a source by name. */
  public static int index(String name) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown candidate source '"
            + name
            + "'; expected one of "
            + ALL.stream().map(CandidateSource::name).collect(Collectors.joining(", ")));
  }

  public static List<String> names() {
    return ALL.stream().map(CandidateSource::name).toList();
  }

  /**
   * What a collection found.
   *
   * @param candidates every product proposed
   * @param primaryFound how many the primary sources proposed
   * @param fallbackRan the fallback sources that had to add to too few candidates; empty when none
   */
  public record Collected(Candidates candidates, int primaryFound, List<String> fallbackRan) {
    public Collected {
      fallbackRan = List.copyOf(fallbackRan);
    }

    public boolean usedFallback() {
      return !fallbackRan.isEmpty();
    }
  }

  /**
   * Runs the primary sources; if they found fewer than {@code minimum} products, runs the fallback
   * sources too.
   */
  public static Collected collect(
      RecommendRequest request,
      FanEvidence evidence,
      List<String> primary,
      List<String> fallback,
      int budgetPerSource,
      int minimum)
      throws IOException {
    Candidates candidates = new Candidates(ALL.size());
    run(primary, request, evidence, candidates, budgetPerSource);
    int primaryFound = candidates.size();
    List<String> rest = new ArrayList<>();
    if (primaryFound < minimum) {
      rest.addAll(fallback);
      rest.removeAll(primary);
      run(rest, request, evidence, candidates, budgetPerSource);
    }
    return new Collected(candidates, primaryFound, rest);
  }

  private static void run(
      List<String> names,
      RecommendRequest request,
      FanEvidence evidence,
      Candidates candidates,
      int budget)
      throws IOException {
    for (String name : names) {
      int index = index(name);
      ALL.get(index).propose(request, evidence, candidates.sink(index), budget);
    }
  }
}
