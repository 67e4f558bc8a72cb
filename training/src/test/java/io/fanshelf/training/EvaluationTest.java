package io.fanshelf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.eval.EvaluationReport;
import io.fanshelf.training.model.Fit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a small generated fixture with a fixed seed. */
class EvaluationTest {
  @TempDir static Path dir;
  static SyntheticFixture fixture;
  static Evaluation.Outcome outcome;

  @BeforeAll
  static void evaluate() throws Exception {
    fixture = SyntheticFixture.open(dir);
    Trainer trainer =
        new Trainer(fixture.data, TrainingOptions.defaults(42).withTune(false), Progress.NONE);
    outcome =
        new Evaluation(trainer)
            .run(new Evaluation.Request(Split.parse("time:0.8"), 0, Optional.empty(), 5));
  }

  @AfterAll
  static void close() throws Exception {
    fixture.close();
  }

  @Test
  void reportHasTheDocumentedShape() throws Exception {
    EvaluationReport r = outcome.report();
    for (String model :
        new String[] {
          "fanshelf",
          "fanshelf-no-labels",
          "served",
          "labels-then-popularity",
          "popularity",
          "owner-popular",
          "label-only",
          "ials",
          "ease",
          "item-knn",
          "rp3beta",
          "user-knn",
          "random"
        }) {
      assertTrue(r.models().containsKey(model), model);
      for (String metric :
          new String[] {
            "ndcg@10", "recall@10", "recall@20", "hit@10", "precision@10", "mrr", "coverage@10"
          }) {
        double v = r.metric(model, "all", metric);
        assertTrue(v >= 0 && v <= 1, model + " " + metric + " = " + v);
      }
    }
    Map<?, ?> atDepth = (Map<?, ?>) r.counts().get("recallAt500");
    Map<?, ?> candidateRecall = (Map<?, ?>) r.counts().get("candidateRecall");
    Map<?, ?> candidatesPerFan = (Map<?, ?>) r.counts().get("candidatesPerFan");
    assertEquals(r.models().keySet(), atDepth.keySet(), "every model's recall in its top 500");
    for (Object share : atDepth.values()) {
      assertTrue((Double) share >= 0 && (Double) share <= 1, "recall " + share);
    }
    double candidates = (Double) candidatesPerFan.get("fanshelf");
    assertTrue(candidates > 20, "candidates per fan " + candidates);
    assertTrue((Double) candidateRecall.get("fanshelf") > 0, candidateRecall.toString());
    // this fixture's catalog is smaller than 500 products: every model's top 500 holds every
    // product the fan may still be shown, so each reaches every pair (repeats are left out of both)
    assertTrue(((Number) r.counts().get("catalog")).intValue() <= 500);
    assertEquals(Set.of(1.0), Set.copyOf(atDepth.values()), atDepth.toString());
    Path json = dir.resolve("report.json");
    r.writeJson(json);
    String text = Files.readString(json);
    assertTrue(text.contains("\"models\""), text.substring(0, 200));
    assertTrue(text.contains("\"ndcg@10\""));
    assertTrue(text.contains("\"served ranking\""));
    assertTrue(!text.contains("NaN"), "no NaN in the report");
    for (String model : r.models().keySet()) {
      List<String> lines = outcome.topLists().get(model);
      assertEquals(r.counts().get("testFans"), lines.size(), model);
      assertTrue(lines.getFirst().matches("f\\d+\\tp\\d+(,p\\d+){4}"), lines.getFirst());
    }
  }

  @Test
  void fanshelfLearnsWhatTheFixturePlanted() {
    EvaluationReport r = outcome.report();
    double fanshelf = r.metric("fanshelf", "all", "ndcg@10");
    // Measured 0.1273 with seed 42 on this fixture, untuned; the tolerance absorbs floating-point
    // differences between machines.
    assertEquals(0.1273, fanshelf, 0.015);
    double popularity = r.metric("popularity", "all", "ndcg@10");
    assertTrue(fanshelf > 1.2 * popularity, fanshelf + " vs popularity " + popularity);
    assertTrue(r.metric("random", "all", "ndcg@10") < 0.5 * popularity);
    double served = r.metric("served", "all", "ndcg@10");
    // when validation serves popularity, it is FanShelf's count (positive weight, repeats
    // included) where the baseline counts distinct fans: measured 0.0853 against 0.0868 here
    assertTrue(
        served >= 0.97 * popularity,
        "the served ranking ("
            + r.summary().get("served ranking")
            + ") "
            + served
            + " is about popularity "
            + popularity
            + " here");
  }

  @Test
  void labelsLiftTheNewcomersTheyAreFor() {
    // the fixture plants label -> product affinities (kids=yes buys baby products): on the
    // validation window, the labelled fans seen as newcomers (from a snapshot that never saw their
    // events) must rank better with their labels, or the label path is broken
    @SuppressWarnings("unchecked")
    List<Trainer.Choice> selection =
        (List<Trainer.Choice>) outcome.report().training().get("selection");
    double with = newcomerNdcg(selection, "learned");
    double without = newcomerNdcg(selection, "learned-without-labels");
    // measured 0.1140 against 0.1025 (untuned); a label path that does not reach the ranker
    // gives the same figure twice
    assertTrue(with > 1.05 * without, "newcomers with labels " + with + ", without " + without);
    assertEquals(Boolean.TRUE, outcome.report().training().get("usesLabels"));
  }

  @Test
  void theLearnedTreesRescoreTheDepthValidationChose() {
    @SuppressWarnings("unchecked")
    List<Trainer.Tuning> tried = (List<Trainer.Tuning>) outcome.report().training().get("ranker");
    List<Trainer.Tuning> depths = tried.stream().filter(t -> t.model().equals("cascade")).toList();
    assertEquals(
        Trainer.RESCORE_DEPTHS,
        depths.stream().map(t -> t.hyperParameters().get("rescoreDepth")).toList(),
        "every depth is validated and reported");
    Trainer.Tuning chosen =
        depths.stream().filter(Trainer.Tuning::chosen).findFirst().orElseThrow();
    assertEquals(1, depths.stream().filter(Trainer.Tuning::chosen).count());
    assertEquals(
        chosen.hyperParameters().get("rescoreDepth"),
        outcome.report().training().get("rescoreDepth"));
    assertEquals(
        chosen.hyperParameters().get("rescoreDepth"),
        ((TreeEnsemble) outcome.trained().learned().ranker()).rescoreDepth(),
        "the learned ranking is served at the depth validation chose");
  }

  /** The dataset's fans, their groups as newcomers left out. */
  private static Set<String> fansWithHistory(Dataset dataset) {
    Set<String> fans = new HashSet<>(dataset.fans());
    fans.removeIf(fan -> fan.endsWith(" (as new)"));
    return fans;
  }

  private static double newcomerNdcg(List<Trainer.Choice> selection, String ranking) {
    return selection.stream()
        .filter(c -> c.ranking().equals(ranking))
        .findFirst()
        .orElseThrow()
        .newcomerNdcg();
  }

  @Test
  void examplesComeFromAtMostMaxFansEvenlySpaced() throws Exception {
    TrainingOptions defaults = TrainingOptions.defaults(42).withTune(false);
    Dataset all =
        new Trainer(fixture.data, defaults, Progress.NONE)
            .dataset(Split.parse("time:0.8"), e -> true, false);
    TrainingOptions capped = defaults.withSampling(new SamplingOptions(20, 0.5, 10, 42));
    Dataset sampled =
        new Trainer(fixture.data, capped, Progress.NONE)
            .dataset(Split.parse("time:0.8"), e -> true, false);
    Set<String> allFans = fansWithHistory(all);
    Set<String> sampledFans = fansWithHistory(sampled);
    assertTrue(allFans.size() > 20, "the fixture has " + allFans.size() + " fans with examples");
    assertTrue(sampledFans.size() <= 10 && sampledFans.size() >= 5, sampledFans.toString());
    assertTrue(allFans.containsAll(sampledFans));
    assertTrue(sampled.window().contains(", every "), sampled.window());
    assertTrue(sampled.size() < all.size());
  }

  @Test
  void sameSeedSameModel() throws Exception {
    Trainer trainer =
        new Trainer(fixture.data, TrainingOptions.defaults(42).withTune(false), Progress.NONE);
    Dataset a = trainer.dataset(Split.parse("time:0.8"), e -> true, false);
    Dataset b = trainer.dataset(Split.parse("time:0.8"), e -> true, false);
    assertEquals(a.size(), b.size());
    Ranker m1 = Fit.fit(a, trainer.options().lambdaMart().withTrees(30), "a");
    Ranker m2 = Fit.fit(b, trainer.options().lambdaMart().withTrees(30), "b");
    for (int i = 0; i < Math.min(200, a.size()); i++) {
      assertEquals(m1.score(a.features()[i]), m2.score(b.features()[i]), 0.0);
    }
  }
}
