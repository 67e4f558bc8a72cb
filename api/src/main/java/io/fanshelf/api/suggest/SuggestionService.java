package io.fanshelf.api.suggest;

import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.OwnerDataChanged;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.Problems;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.training.suggest.Behaviours;
import io.fanshelf.training.suggest.LabelSuggester;
import io.fanshelf.training.suggest.LabelSuggestions;
import io.fanshelf.training.suggest.Suggestion;
import io.fanshelf.training.suggest.SuggestionOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Label suggestions per owner. The model is fitted on first use and refitted in the background once
 * it is older than {@link SuggestionProperties#refresh} and labels or events changed since; the
 * previous one serves meanwhile. Each list is made fresh from the owner's current labels, so an
 * accepted or owner-set label stops being suggested at once. Thread-safe.
 */
@Service
public class SuggestionService implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionService.class);

  private final Indexer indexer;
  private final FanService fans;
  private final RejectedSuggestions rejected;
  private final SuggestionProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SuggestionOptions options;
  private final ExecutorService refitter =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fanshelf-suggestions");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean refitting = new AtomicBoolean();
  private volatile Fitted fitted;

  private record Fitted(LabelSuggestions model, long fansVersion, long events, Instant at) {}

  public SuggestionService(
      Indexer indexer,
      FanService fans,
      RejectedSuggestions rejected,
      SuggestionProperties properties,
      Clock clock,
      ApplicationEventPublisher events) {
    this.indexer = indexer;
    this.fans = fans;
    this.rejected = rejected;
    this.properties = properties;
    this.clock = clock;
    this.events = events;
    this.options = SuggestionOptions.defaults().withThreshold(properties.threshold());
  }

  /** Fits the first model in the background, when configured to; requests wait for it. */
  @EventListener(ApplicationReadyEvent.class)
  public void fitOnStart() {
    if (properties.fitOnStart()) {
      refitter.execute(
          () -> {
            try {
              model();
            } catch (IOException | RuntimeException e) {
              LOG.error("fitting the label suggestions failed; the first request tries again", e);
            }
          });
    }
  }

  public io.fanshelf.indexer.taxonomy.Taxonomy taxonomy() {
    return fans.taxonomy();
  }

  public double defaultThreshold() {
    return properties.threshold();
  }

  /**
   * The owner's suggestions, most confident first.
   *
   * @param dimension only this dimension, when given
   * @param minConfidence only suggestions at least this confident
   */
  public List<Suggestion> list(OwnerId owner, Optional<String> dimension, double minConfidence)
      throws IOException {
    LabelSuggestions model = model();
    List<Suggestion> found = new ArrayList<>();
    fans.forEach(
        owner,
        Map.of(),
        Set.of(),
        profile -> {
          for (Suggestion suggestion : model.suggest(profile, minConfidence)) {
            if (dimension.map(suggestion.dimension()::equals).orElse(true)
                && !rejected.isRejected(owner, key(suggestion))) {
              found.add(suggestion);
            }
          }
        });
    found.sort(
        Comparator.comparingDouble(Suggestion::confidence)
            .reversed()
            .thenComparing(s -> s.fan().value())
            .thenComparing(Suggestion::dimension));
    return found;
  }

  /**
   * Stores the suggestions as the owner's labels, with source {@code suggested}, the suggestion's
   * confidence and the owner as actor; all or none. A value added to a many-value dimension joins
   * the values the owner set.
   *
   * @throws ImportRejectedException naming each item that is not a current suggestion for one of
   *     the owner's fans; nothing was stored then
   */
  public int accept(OwnerId owner, List<SuggestionKey> keys)
      throws IOException, ImportRejectedException {
    Map<SuggestionKey, Suggestion> current = current(owner, keys);
    Map<List<Object>, Label> labels = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (Suggestion suggestion : current.values()) {
      FanProfile profile = fans.get(owner, suggestion.fan());
      Dimension dimension = fans.taxonomy().dimension(suggestion.dimension()).orElseThrow();
      List<Object> slot = List.of(suggestion.fan(), suggestion.dimension());
      Label previous = labels.get(slot);
      Set<String> values = new LinkedHashSet<>();
      if (dimension.cardinality() == Cardinality.MANY) {
        profile.label(dimension.id()).ifPresent(l -> values.addAll(l.values()));
        if (previous != null) {
          values.addAll(previous.values());
        }
      }
      values.add(suggestion.value());
      double confidence =
          previous == null
              ? suggestion.confidence()
              : Math.min(previous.confidence(), suggestion.confidence());
      labels.put(
          slot,
          new Label(
              owner,
              suggestion.fan(),
              suggestion.dimension(),
              List.copyOf(values),
              LabelSource.SUGGESTED,
              confidence,
              now,
              "owner:" + owner));
    }
    indexer.changeLabels(List.copyOf(labels.values()), List.of());
    events.publishEvent(new OwnerDataChanged(owner, Optional.empty()));
    return current.size();
  }

  /**
   * Remembers the suggestions as rejected by the owner: they are not suggested to them again.
   *
   * @throws ImportRejectedException as {@link #accept} does
   */
  public int reject(OwnerId owner, List<SuggestionKey> keys)
      throws IOException, ImportRejectedException {
    Map<SuggestionKey, Suggestion> current = current(owner, keys);
    rejected.reject(owner, current.keySet());
    return current.size();
  }

  /** The keys' current suggestions, or every problem with them. */
  private Map<SuggestionKey, Suggestion> current(OwnerId owner, List<SuggestionKey> keys)
      throws IOException, ImportRejectedException {
    LabelSuggestions model = model();
    Problems problems = new Problems();
    Map<SuggestionKey, Suggestion> current = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      SuggestionKey key = keys.get(i);
      String field = "items[" + i + "]";
      Optional<FanProfile> profile = indexer.store().fans().get(owner, key.fan());
      if (profile.isEmpty()) {
        problems.add("items", i + 1, field + ".fan", "no fan '" + key.fan() + "' among your fans");
        continue;
      }
      Optional<Suggestion> suggestion =
          model.suggest(profile.get(), Double.MIN_VALUE).stream()
              .filter(s -> key.equals(key(s)))
              .findFirst();
      if (suggestion.isEmpty() || rejected.isRejected(owner, key)) {
        problems.add(
            "items",
            i + 1,
            field,
            "no current suggestion of "
                + key.dimension()
                + "="
                + key.value()
                + " for fan '"
                + key.fan()
                + "' (already set, rejected, or not suggested); list the suggestions again");
        continue;
      }
      current.put(key, suggestion.get());
    }
    problems.throwIfAny();
    return current;
  }

  static SuggestionKey key(Suggestion suggestion) {
    return new SuggestionKey(suggestion.fan(), suggestion.dimension(), suggestion.value());
  }

  private LabelSuggestions model() throws IOException {
    Fitted current = fitted;
    if (current == null) {
      synchronized (this) {
        if (fitted == null) {
          fitted = fit();
        }
        return fitted.model();
      }
    }
    if (stale(current) && refitting.compareAndSet(false, true)) {
      refitter.execute(
          () -> {
            try {
              fitted = fit();
            } catch (IOException | RuntimeException e) {
              LOG.error("refitting the label suggestions failed; the previous model serves", e);
            } finally {
              refitting.set(false);
            }
          });
    }
    return current.model();
  }

  private boolean stale(Fitted current) throws IOException {
    return current.at().plus(properties.refresh()).isBefore(clock.instant())
        && (current.fansVersion() != indexer.fansVersion()
            || current.events() != indexer.store().events().count());
  }

  private Fitted fit() throws IOException {
    long started = System.nanoTime();
    long version = indexer.fansVersion();
    long eventCount = indexer.store().events().count();
    Behaviours behaviours =
        Behaviours.load(indexer.store(), indexer.options().feedback(), options.minProducts());
    LabelSuggestions model = LabelSuggester.fit(indexer.store(), behaviours, options);
    LOG.info(
        "fitted label suggestions on {} profiled fans in {} ms",
        behaviours.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new Fitted(model, version, eventCount, clock.instant());
  }

  @Override
  public void destroy() {
    refitter.shutdownNow();
  }
}
