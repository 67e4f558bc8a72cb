package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the aggregates need to know about a fan when one of their events arrives, resolved before
 * the write lock is taken.
 *
 * @param owners every owner the fan belongs to, sorted
 * @param labels dimension to the values any owner gave the fan, sorted; a value two owners agree on
 *     appears once
 */
record FanFacts(List<OwnerId> owners, SortedMap<String, SortedSet<String>> labels) {
  static final FanFacts NONE = new FanFacts(List.of(), new TreeMap<>());

  FanFacts {
    owners = List.copyOf(owners);
  }

  static FanFacts of(List<FanProfile> profiles) {
    TreeSet<OwnerId> owners = new TreeSet<>();
    SortedMap<String, SortedSet<String>> labels = new TreeMap<>();
    for (FanProfile profile : profiles) {
      owners.add(profile.fan().owner());
      for (Label label : profile.labels().values()) {
        labels.computeIfAbsent(label.dimension(), d -> new TreeSet<>()).addAll(label.values());
      }
    }
    return new FanFacts(new ArrayList<>(owners), labels);
  }
}
