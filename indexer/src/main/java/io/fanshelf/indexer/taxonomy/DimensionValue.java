package io.fanshelf.indexer.taxonomy;

import java.util.Objects;
import java.util.Optional;

/**
 * One value of a dimension.
 *
 * @param id stable id used in labels, e.g. oily
 * @param names display names
 * @param match which products suit fans with this value; empty when no product attribute says it
 *     (an age band, say) and only learned statistics connect the value to products
 * @param retired a retired value may not be set on new labels but stays readable on old ones
 */
public record DimensionValue(
    String id, LocalizedName names, Optional<MatchRule> match, boolean retired) {
  public DimensionValue {
    Dimension.requireCode("value id", id);
    Objects.requireNonNull(names, "names of value " + id);
    Objects.requireNonNull(match, "match");
  }
}
