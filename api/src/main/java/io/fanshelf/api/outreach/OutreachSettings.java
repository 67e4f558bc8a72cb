package io.fanshelf.api.outreach;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One owner's outreach settings.
 *
 * @param owner whose
 * @param optedOut fans the owner never wants listed
 * @param groups the owner's chat groups per fan id, as the owner imported them
 * @param templates the owner's own message templates by {@link Templates#key}; a reason and
 *     language without one uses the built-in template
 */
public record OutreachSettings(
    OwnerId owner,
    Set<FanId> optedOut,
    Map<String, SortedSet<String>> groups,
    Map<String, String> templates) {
  public OutreachSettings {
    Objects.requireNonNull(owner, "owner");
    optedOut = Set.copyOf(optedOut);
    TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
    groups.forEach(
        (fan, names) ->
            copy.put(fan, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names))));
    groups = java.util.Collections.unmodifiableMap(copy);
    templates = java.util.Collections.unmodifiableMap(new TreeMap<>(templates));
  }

  static OutreachSettings empty(OwnerId owner) {
    return new OutreachSettings(owner, Set.of(), Map.of(), Map.of());
  }

  OutreachSettings withOptedOut(Set<FanId> fans) {
    return new OutreachSettings(owner, fans, groups, templates);
  }

  OutreachSettings withGroups(Map<String, SortedSet<String>> byFan) {
    return new OutreachSettings(owner, optedOut, byFan, templates);
  }

  OutreachSettings withTemplates(Map<String, String> byKey) {
    return new OutreachSettings(owner, optedOut, groups, byKey);
  }
}
