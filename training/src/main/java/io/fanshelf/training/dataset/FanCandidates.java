package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.Signals;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.Candidates;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.feature.FeatureExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One fan's candidates at a snapshot, from serving's candidate sources (the main list's sources,
 * then the fallback when they find too little) and the snapshot's collaborative models, each with
 * its feature vector from serving's {@link FeatureExtractor}. Products the fan already interacted
 * with are dropped unless repeats are allowed, as the evaluation excludes them. Immutable once
 * built.
 *
 * @param fanCase the fan
 * @param evidence what the sources and features saw of the fan
 * @param ordinals candidate product ordinals in the snapshot's catalog, in the order proposed
 * @param features one vector per candidate ({@link Feature} order)
 */
public record FanCandidates(
    FanCase fanCase, FanEvidence evidence, int[] ordinals, float[][] features) {

  /** The shelf length the candidate budget is sized for (serving asks 3x this many). */
  static final int SHELF = 20;

  /** Collects and featurizes. Thread-safe as the snapshot is; one call per fan. */
  public static FanCandidates of(
      Snapshot snapshot, FanCase fanCase, boolean hideLabels, boolean allowRepeats) {
    return of(snapshot, fanCase, hideLabels, allowRepeats, false);
  }

  /**
   * The same; with {@code asNew}, for the fan as a newcomer with labels and nothing else (see
   * {@link Snapshot#fanContext(io.fanshelf.indexer.model.OwnerId, io.fanshelf.indexer.model.FanId,
   * java.time.Instant, boolean, boolean)}).
   */
  public static FanCandidates of(
      Snapshot snapshot, FanCase fanCase, boolean hideLabels, boolean allowRepeats, boolean asNew) {
    Signals signals = snapshot.signals();
    FanContext context =
        snapshot.fanContext(fanCase.owner(), fanCase.fan(), fanCase.now(), hideLabels, asNew);
    FanEvidence evidence = snapshot.evidence(context);
    RecommenderOptions options = snapshot.data().recommender();
    RecommendRequest request =
        RecommendRequest.forYou(fanCase.owner(), fanCase.fan(), SHELF, fanCase.now());
    Candidates candidates;
    try {
      candidates =
          CandidateSources.collect(
                  request,
                  evidence,
                  options.sources().get(Section.FOR_YOU),
                  options.fallback(),
                  options.budgetPerSource(),
                  Math.max(options.minCandidates(), SHELF * 3))
              .candidates();
    } catch (IOException e) {
      throw new UncheckedIOException("collecting candidates for fan " + fanCase.fan(), e);
    }
    FeatureExtractor extractor = FeatureExtractor.of(evidence);
    List<Candidates.Candidate> kept = new ArrayList<>(candidates.size());
    for (Candidates.Candidate candidate : candidates.all()) {
      ProductId id = signals.catalog().product(candidate.ordinal()).id();
      if (allowRepeats || !fanCase.seen().contains(id)) {
        kept.add(candidate);
      }
    }
    int[] ordinals = new int[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      ordinals[i] = kept.get(i).ordinal();
    }
    float[][] features = extractor.extract(kept);
    return new FanCandidates(fanCase, evidence, ordinals, features);
  }

  /** Feature vectors of products no source proposed (impressions), from one extractor. */
  public float[][] featuresOf(int[] products) {
    FeatureExtractor extractor = FeatureExtractor.of(evidence);
    float[][] out = new float[products.length][Feature.count()];
    for (int i = 0; i < products.length; i++) {
      extractor.extract(products[i], null, out[i]);
    }
    return out;
  }

  public int size() {
    return ordinals.length;
  }
}
