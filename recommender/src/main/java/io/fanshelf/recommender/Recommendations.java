package io.fanshelf.recommender;

import java.util.List;

/**
 * A ranked list.
 *
 * @param items best first
 * @param ranker the name and version of the ranker that scored them ("heuristic-v1", a model id)
 * @param fallback whether the fallback sources had to fill the list (little is known of the fan)
 * @param candidates how many candidates were scored
 */
public record Recommendations(
    List<RecommendedItem> items, String ranker, boolean fallback, int candidates) {
  public Recommendations {
    items = List.copyOf(items);
  }
}
