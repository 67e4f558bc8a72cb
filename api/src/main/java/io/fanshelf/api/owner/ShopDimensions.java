package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The dimensions an owner works with: those of the taxonomy domains their labels use (a beauty and
 * home shop sees skin type, home style and price sensitivity, not the grocery shops' age group and
 * household income). An owner with no labels yet sees every dimension. One count per dimension in
 * the fan store, no scan of the fans. Thread-safe.
 */
@Service
public class ShopDimensions {
  private final FanService fans;

  public ShopDimensions(FanService fans) {
    this.fans = fans;
  }

  public List<Dimension> of(OwnerId owner) throws IOException {
    Taxonomy taxonomy = fans.taxonomy();
    Set<String> domains = new LinkedHashSet<>();
    for (Dimension dimension : taxonomy.dimensions()) {
      if (!domains.contains(dimension.domain()) && inUse(owner, dimension)) {
        domains.add(dimension.domain());
      }
    }
    if (domains.isEmpty()) {
      return taxonomy.dimensions();
    }
    return taxonomy.dimensions().stream().filter(d -> domains.contains(d.domain())).toList();
  }

  private boolean inUse(OwnerId owner, Dimension dimension) throws IOException {
    Set<String> everyValue =
        dimension.values().stream().map(DimensionValue::id).collect(Collectors.toSet());
    return fans.find(owner, Map.of(dimension.id(), everyValue), Set.of(), Optional.empty(), 1)
            .total()
        > 0;
  }
}
