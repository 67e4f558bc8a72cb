package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Section;
import java.time.Instant;
import java.util.List;

/**
 * A ranked shelf: the sections in page order, each with its items (no product twice on a page).
 *
 * @param owner whose
 * @param fan for whom
 * @param sections non-empty sections, in page order
 * @param ranker the ranker that scored it
 * @param rankedAt when it was ranked
 */
public record Shelf(
    OwnerId owner, FanId fan, List<ShelfSection> sections, String ranker, Instant rankedAt) {
  public Shelf {
    sections = List.copyOf(sections);
  }

  /** One section and its items. */
  public record ShelfSection(Section section, List<RecommendedItem> items) {
    public ShelfSection {
      items = List.copyOf(items);
    }
  }

  public int size() {
    return sections.stream().mapToInt(s -> s.items().size()).sum();
  }
}
