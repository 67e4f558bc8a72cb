package io.fanshelf.api.outreach;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One owner's outreach settings.
 *
 * @param owner whose
 * @param optedOut fans the owner never wants listed
 * @param templates the owner's own message templates by {@link Templates#key}; a reason and
 *     language without one uses the built-in template
 */
public record OutreachSettings(OwnerId owner, Set<FanId> optedOut, Map<String, String> templates) {
  public OutreachSettings {
    Objects.requireNonNull(owner, "owner");
    optedOut = Set.copyOf(optedOut);
    templates = java.util.Collections.unmodifiableMap(new TreeMap<>(templates));
  }

  static OutreachSettings empty(OwnerId owner) {
    return new OutreachSettings(owner, Set.of(), Map.of());
  }

  OutreachSettings withOptedOut(Set<FanId> fans) {
    return new OutreachSettings(owner, fans, templates);
  }

  OutreachSettings withTemplates(Map<String, String> byKey) {
    return new OutreachSettings(owner, optedOut, byKey);
  }
}
