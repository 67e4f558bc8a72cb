package io.fanshelf.api.owner;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.OwnerLabels;
import io.fanshelf.indexer.ingest.Problems;
import io.fanshelf.indexer.ingest.ValidationError;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * An owner's fans and labels. Every method takes the owner and reaches only that owner's fans; a
 * fan id the owner does not have is "not found", whoever else has it. Thread-safe.
 */
@Service
public class FanService {
  private final Indexer indexer;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public FanService(Indexer indexer, Clock clock, ApplicationEventPublisher events) {
    this.indexer = indexer;
    this.clock = clock;
    this.events = events;
  }

  public Taxonomy taxonomy() {
    return indexer.store().metadata().taxonomy();
  }

  public FanPage find(
      OwnerId owner,
      Map<String, Set<String>> labels,
      Set<String> unlabelled,
      Optional<String> after,
      int pageSize)
      throws IOException {
    if (pageSize < 1 || pageSize > FanQuery.MAX_PAGE_SIZE) {
      throw ApiException.badRequest(
          "size", "expected 1 to " + FanQuery.MAX_PAGE_SIZE + ", got " + pageSize);
    }
    return indexer.store().fans().find(new FanQuery(owner, labels, unlabelled, after, pageSize));
  }

  /** Visits every fan matching the filters, page by page. */
  public void forEach(
      OwnerId owner,
      Map<String, Set<String>> labels,
      Set<String> unlabelled,
      Consumer<FanProfile> visitor)
      throws IOException {
    Optional<String> after = Optional.empty();
    do {
      FanPage page = find(owner, labels, unlabelled, after, FanQuery.MAX_PAGE_SIZE);
      page.fans().forEach(visitor);
      after = page.next();
    } while (after.isPresent());
  }

  public FanProfile get(OwnerId owner, FanId fan) throws IOException {
    return indexer
        .store()
        .fans()
        .get(owner, fan)
        .orElseThrow(() -> ApiException.notFound("no fan '" + fan + "' among your fans"));
  }

  /** Sets (or replaces) one label on one of the owner's fans. */
  public FanProfile setLabel(
      OwnerId owner, FanId fan, String dimension, List<String> values, double confidence)
      throws IOException, ImportRejectedException {
    get(owner, fan);
    Label label = validated(owner, fan, dimension, values, confidence);
    indexer.changeLabels(List.of(label), List.of());
    events.publishEvent(new OwnerDataChanged(owner, Optional.of(fan)));
    return get(owner, fan);
  }

  public FanProfile removeLabel(OwnerId owner, FanId fan, String dimension)
      throws IOException, ImportRejectedException {
    get(owner, fan);
    if (taxonomy().dimension(dimension).isEmpty()
        || indexer
            .changeLabels(List.of(), List.of(new LabelRemoval(owner, fan, dimension)))
            .removed()
            .isEmpty()) {
      throw ApiException.notFound("fan '" + fan + "' has no label for '" + dimension + "'");
    }
    events.publishEvent(new OwnerDataChanged(owner, Optional.of(fan)));
    return get(owner, fan);
  }

  /**
   * Sets or removes one dimension on many of the owner's fans, all or none: a fan id the owner does
   * not have rejects the whole request, with one error per such id.
   *
   * @return how many fans were changed
   */
  public int bulkLabel(
      OwnerId owner,
      List<FanId> fans,
      String dimension,
      List<String> values,
      double confidence,
      boolean remove)
      throws IOException, ImportRejectedException {
    Set<FanId> unique = new LinkedHashSet<>(fans);
    Problems problems = new Problems();
    int position = 0;
    for (FanId fan : unique) {
      position++;
      if (indexer.store().fans().get(owner, fan).isEmpty()) {
        problems.add(
            "fans",
            position,
            "fans",
            "no fan '" + fan + "' among your fans",
            ValidationError.Code.of("fan.unknown", fan.value()));
      }
    }
    problems.throwIfAny();
    if (remove) {
      requireDimension(dimension);
      List<LabelRemoval> removals = new ArrayList<>(unique.size());
      for (FanId fan : unique) {
        removals.add(new LabelRemoval(owner, fan, dimension));
      }
      int changed = indexer.changeLabels(List.of(), removals).removed().size();
      events.publishEvent(new OwnerDataChanged(owner, Optional.empty()));
      return changed;
    }
    List<Label> labels = new ArrayList<>(unique.size());
    Label template =
        validated(
            owner,
            unique.isEmpty() ? FanId.of("x") : unique.iterator().next(),
            dimension,
            values,
            confidence);
    for (FanId fan : unique) {
      labels.add(
          new Label(
              owner,
              fan,
              template.dimension(),
              template.values(),
              template.source(),
              template.confidence(),
              template.time(),
              template.actor()));
    }
    indexer.changeLabels(labels, List.of());
    events.publishEvent(new OwnerDataChanged(owner, Optional.empty()));
    return labels.size();
  }

  /**
   * Checks what {@link #bulkLabel} would be asked to do, before asking the owner to confirm it for
   * many fans: the dimension is known and, unless removing, the values are valid for it.
   *
   * @throws ImportRejectedException naming the dimension or value, as {@link #bulkLabel} would
   */
  public void checkBulkLabel(String dimension, List<String> values, boolean remove)
      throws ImportRejectedException {
    if (remove) {
      requireDimension(dimension);
    } else {
      validated(OwnerId.of("check"), FanId.of("check"), dimension, values, 1.0);
    }
  }

  private void requireDimension(String dimension) {
    if (taxonomy().dimension(dimension).isEmpty()) {
      throw ApiException.badRequest(
          "dimension",
          "unknown dimension '"
              + dimension
              + "'; expected one of "
              + taxonomy().describeDimensions());
    }
  }

  private Label validated(
      OwnerId owner, FanId fan, String dimension, List<String> values, double confidence)
      throws ImportRejectedException {
    return OwnerLabels.label(
        owner,
        fan,
        dimension,
        values,
        confidence,
        LabelSource.OWNER,
        clock.instant(),
        "owner:" + owner,
        taxonomy());
  }
}
