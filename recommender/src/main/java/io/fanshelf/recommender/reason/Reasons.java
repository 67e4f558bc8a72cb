package io.fanshelf.recommender.reason;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Visibility;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.CategoryAffinitySource;
import io.fanshelf.recommender.candidate.CollaborativeSource;
import io.fanshelf.recommender.candidate.LabelAffinitySource;
import io.fanshelf.recommender.candidate.NeedSource;
import io.fanshelf.recommender.candidate.NewArrivalsSource;
import io.fanshelf.recommender.candidate.OwnerPopularSource;
import io.fanshelf.recommender.candidate.PopularSource;
import io.fanshelf.recommender.feature.Feature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Builds up to {@link #MAX_REASONS} reasons for one item from its features, its sources and the
 * request's {@link FanEvidence} (the same label rules and co-visit scores the features read),
 * strongest evidence first. Labels of {@link Visibility#PRIVATE} dimensions are skipped here,
 * whatever they did to the score. Not thread-safe; one per request.
 */
public final class Reasons {
  public static final int MAX_REASONS = 2;
  private static final int TITLE_CHARS = 18;

  private final FanEvidence evidence;
  private final FanContext fan;
  private final Set<ProductId> bought = new HashSet<>();

  public Reasons(FanEvidence evidence) {
    this.evidence = evidence;
    this.fan = evidence.fan();
    for (Event event : fan.history()) {
      if (event.type() == EventType.PURCHASE) {
        bought.add(event.product());
      }
    }
  }

  /**
   * @param sourceScores the candidate's per-source scores (index as in {@link
   *     CandidateSources#ALL})
   */
  public List<Reason> explain(
      int ordinal, Product product, float[] features, float[] sourceScores, boolean pinned) {
    List<Reason> reasons = new ArrayList<>();
    if (pinned) {
      reasons.add(Reason.of(Reason.Kind.OWNER_PICK));
    }
    displayableLabelMatch(ordinal).ifPresent(reasons::add);
    if (features[Feature.CO_VISIT.slot()] > 0) {
      becauseOfRecentProduct(ordinal).ifPresent(reasons::add);
    }
    if (from(sourceScores, NeedSource.NAME)) {
      reasons.add(Reason.of(Reason.Kind.MATCHES_NEED));
    }
    if (isNew(product)) {
      reasons.add(Reason.of(Reason.Kind.NEW));
    }
    if (from(sourceScores, OwnerPopularSource.NAME)
        || from(sourceScores, LabelAffinitySource.NAME)
        || from(sourceScores, CollaborativeSource.USER_KNN)) {
      reasons.add(Reason.of(Reason.Kind.POPULAR_WITH_SIMILAR_FANS));
    }
    if (features[Feature.CATEGORY_AFFINITY.slot()] > 0
        && from(sourceScores, CategoryAffinitySource.NAME)) {
      reasons.add(Reason.of(Reason.Kind.FAVOURITE_CATEGORY));
    }
    if (reasons.isEmpty() && from(sourceScores, PopularSource.NAME)) {
      reasons.add(Reason.of(Reason.Kind.POPULAR));
    }
    return reasons.size() > MAX_REASONS ? reasons.subList(0, MAX_REASONS) : reasons;
  }

  private static boolean from(float[] sourceScores, String source) {
    return sourceScores[CandidateSources.index(source)] > 0;
  }

  private Optional<Reason> displayableLabelMatch(int ordinal) {
    for (FanEvidence.LabelRule rule : evidence.labelRules()) {
      if (rule.dimension().visibility() == Visibility.DISPLAYABLE && rule.matching().get(ordinal)) {
        DimensionValue value = rule.value();
        // Taxonomy names are written as labels ("Oily skin"); a sentence quotes them lower-case.
        String en = value.names().en();
        String enInSentence = Character.toLowerCase(en.charAt(0)) + en.substring(1);
        return Optional.of(
            new Reason(
                Reason.Kind.LABEL_MATCH,
                List.of(value.names().zh(), enInSentence, rule.dimension().id())));
      }
    }
    return Optional.empty();
  }

  private Optional<Reason> becauseOfRecentProduct(int ordinal) {
    OptionalInt source = evidence.coVisitSource(ordinal);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    ProductId best = evidence.recent().get(source.getAsInt());
    String title =
        evidence.signals().catalog().product(best).map(Product::title).orElse(best.value());
    Reason.Kind kind =
        bought.contains(best) ? Reason.Kind.BECAUSE_YOU_BOUGHT : Reason.Kind.BECAUSE_YOU_VIEWED;
    return Optional.of(new Reason(kind, List.of(Titles.shorten(title, TITLE_CHARS))));
  }

  private boolean isNew(Product product) {
    return product.createdAt().isAfter(fan.now().minus(NewArrivalsSource.WINDOW))
        && !product.createdAt().isAfter(fan.now().plus(Duration.ofDays(1)));
  }
}
