package io.fanshelf.indexer.store;

import java.util.List;
import java.util.Optional;

/**
 * A page of fans.
 *
 * @param fans this page, ordered by fan id
 * @param total how many fans match the query in all
 * @param next the cursor for the next page; empty on the last page
 */
public record FanPage(List<FanProfile> fans, long total, Optional<String> next) {
  public FanPage {
    fans = List.copyOf(fans);
  }
}
