package io.fanshelf.recommender.reason;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Visibility;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.Signals;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.CategoryAffinitySource;
import io.fanshelf.recommender.candidate.LabelAffinitySource;
import io.fanshelf.recommender.candidate.NeedSource;
import io.fanshelf.recommender.candidate.NewArrivalsSource;
import io.fanshelf.recommender.candidate.OwnerPopularSource;
import io.fanshelf.recommender.candidate.PopularSource;
import io.fanshelf.recommender.feature.FeatureSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds up to {@link #MAX_REASONS} reasons for one item from its features and sources, strongest
 * evidence first. Labels of {@link Visibility#PRIVATE} dimensions are skipped here, whatever they
 * did to the score. Not thread-safe; one per request.
 */
public final class Reasons {
  public static final int MAX_REASONS = 2;
  private static final int TITLE_CHARS = 18;
  private static final int CO_VISIT = FeatureSchema.indexOf("co_visit");
  private static final int CATEGORY_AFFINITY = FeatureSchema.indexOf("category_affinity");

  private final FanContext fan;
  private final Signals signals;
  private final List<ProductId> recent;
  private final Set<ProductId> bought = new HashSet<>();

  public Reasons(FanContext fan, Signals signals) {
    this.fan = fan;
    this.signals = signals;
    this.recent = fan.recentPositiveProducts(signals.feedback(), 10);
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
      Product product, float[] features, float[] sourceScores, boolean pinned) {
    List<Reason> reasons = new ArrayList<>();
    if (pinned) {
      reasons.add(new Reason(Reason.Kind.OWNER_PICK, "店主推荐", "Picked by your shop owner"));
    }
    displayableLabelMatch(product).ifPresent(reasons::add);
    if (features[CO_VISIT] > 0) {
      becauseYouViewed(product).ifPresent(reasons::add);
    }
    if (from(sourceScores, NeedSource.NAME)) {
      reasons.add(
          new Reason(Reason.Kind.MATCHES_NEED, "符合你想要的", "Matches what you are looking for"));
    }
    if (isNew(product)) {
      reasons.add(new Reason(Reason.Kind.NEW, "新品", "New"));
    }
    if (from(sourceScores, OwnerPopularSource.NAME)
        || from(sourceScores, LabelAffinitySource.NAME)) {
      reasons.add(
          new Reason(
              Reason.Kind.POPULAR_WITH_SIMILAR_FANS, "和你相似的粉丝都在买", "Popular with fans like you"));
    }
    if (features[CATEGORY_AFFINITY] > 0 && from(sourceScores, CategoryAffinitySource.NAME)) {
      reasons.add(
          new Reason(Reason.Kind.FAVOURITE_CATEGORY, "你常买的品类", "From a category you often buy"));
    }
    if (reasons.isEmpty() && from(sourceScores, PopularSource.NAME)) {
      reasons.add(new Reason(Reason.Kind.POPULAR, "热卖", "Popular"));
    }
    return reasons.size() > MAX_REASONS ? reasons.subList(0, MAX_REASONS) : reasons;
  }

  private static boolean from(float[] sourceScores, String source) {
    return sourceScores[CandidateSources.index(source)] > 0;
  }

  private Optional<Reason> displayableLabelMatch(Product product) {
    for (Label label : fan.labels()) {
      Optional<Dimension> dimension = signals.taxonomy().dimension(label.dimension());
      if (dimension.isEmpty() || dimension.get().visibility() != Visibility.DISPLAYABLE) {
        continue;
      }
      for (String valueId : label.values()) {
        Optional<DimensionValue> value = dimension.get().value(valueId);
        if (value.isPresent()
            && value.get().match().isPresent()
            && value.get().match().get().matches(product)) {
          String en = value.get().names().en();
          return Optional.of(
              new Reason(
                  Reason.Kind.LABEL_MATCH,
                  "适合" + value.get().names().zh(),
                  "For " + Character.toLowerCase(en.charAt(0)) + en.substring(1)));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Reason> becauseYouViewed(Product product) {
    ProductId best = null;
    double bestScore = 0;
    for (ProductId item : recent) {
      double score = signals.aggregates().coOccurrence(item, product.id());
      if (!item.equals(product.id()) && score > bestScore) {
        best = item;
        bestScore = score;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String title = signals.catalog().product(best).map(Product::title).orElse(best.value());
    String shortTitle =
        title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS) + "…" : title;
    boolean purchased = bought.contains(best);
    return Optional.of(
        new Reason(
            Reason.Kind.BECAUSE_YOU_VIEWED,
            (purchased ? "因为你买过「" : "因为你看过「") + shortTitle + "」",
            String.format(
                Locale.ROOT,
                purchased ? "Because you bought “%s”" : "Because you viewed “%s”",
                shortTitle)));
  }

  private boolean isNew(Product product) {
    return product.createdAt().isAfter(fan.now().minus(NewArrivalsSource.WINDOW))
        && !product.createdAt().isAfter(fan.now().plus(Duration.ofDays(1)));
  }
}
