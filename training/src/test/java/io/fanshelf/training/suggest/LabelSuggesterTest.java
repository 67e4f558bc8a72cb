package io.fanshelf.training.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.BeautyHomeFixture;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fans whose skin type shows in which product line they buy (a category; the skin_type attribute is
 * on only some products), 60% of purchases from their own line: the classifier must find it.
 */
class LabelSuggesterTest {
  private static final List<String> SKIN = List.of("dry", "combination", "oily", "sensitive");
  private static final OwnerId OWNER = OwnerId.of("shop-lily");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final Taxonomy taxonomy = BeautyHomeFixture.taxonomy();
  private final Map<ProductId, Product> catalog = new HashMap<>();
  private final Map<FanId, String> truth = new HashMap<>();
  private final Behaviours behaviours = fans(600, new Random(7));

  @Test
  void heldOutPrecisionAndRecallBeatTheMajorityClass() {
    List<Label> labels = labels(truth.keySet().stream().toList());
    SuggestionEvaluation.DimensionResult skin =
        SuggestionEvaluation.run(
                taxonomy, behaviours, labels, SuggestionOptions.defaults(), 0.25, 1)
            .stream()
            .filter(r -> r.dimension().equals("skin_type"))
            .findFirst()
            .orElseThrow();
    assertEquals(Suggestion.Method.CLASSIFIER, skin.method());
    assertEquals(150, skin.testFans());
    assertTrue(skin.model().precision() > 0.85, "precision " + skin.model());
    assertTrue(skin.model().recall() > 0.6, "recall " + skin.model());
    assertTrue(skin.majority().precision() < 0.45, "majority " + skin.majority());
  }

  @Test
  void suggestsOnlyWhatTheOwnerHasNotSetWithEvidenceToCheck() {
    List<FanId> fans =
        truth.keySet().stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
    LabelSuggestions fitted =
        LabelSuggester.fit(
            taxonomy, behaviours, labels(fans.subList(0, 400)), SuggestionOptions.defaults());
    FanId unlabelled = fans.get(500);
    List<Suggestion> suggestions = fitted.suggest(profile(unlabelled, List.of()), 0.6);
    Suggestion skin =
        suggestions.stream()
            .filter(s -> s.dimension().equals("skin_type"))
            .findFirst()
            .orElseThrow();
    assertEquals(truth.get(unlabelled), skin.value());
    assertEquals(Suggestion.Method.CLASSIFIER, skin.method());
    assertFalse(skin.evidence().isEmpty());
    Evidence first = skin.evidence().getFirst();
    assertTrue(first.matching() > 0 && first.matching() <= first.of(), first.toString());

    Label own = label(unlabelled, "dry", LabelSource.OWNER);
    assertTrue(
        fitted.suggest(profile(unlabelled, List.of(own)), 0.0).stream()
            .noneMatch(s -> s.dimension().equals("skin_type")));
  }

  @Test
  void withoutLabelsTheMatchRulesArePriorsCountingTheFansProducts() {
    LabelSuggestions fitted =
        LabelSuggester.fit(taxonomy, behaviours, List.of(), SuggestionOptions.defaults());
    assertEquals(Optional.of(Suggestion.Method.RULE_PRIOR), fitted.method("skin_type"));
    FanId fan = truth.keySet().iterator().next();
    FanBehaviour behaviour = behaviours.get(fan).orElseThrow();
    Map<String, Double> p = fitted.probabilities(fan, "skin_type");
    String best = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    long matching =
        behaviour.products().stream()
            .filter(pr -> pr.attributes().getOrDefault("skin_type", List.of()).contains(best))
            .count();
    long relevant =
        behaviour.products().stream()
            .filter(pr -> pr.attributes().containsKey("skin_type"))
            .count();
    assertEquals((matching + 1.0) / (relevant + 4), p.get(best), 1e-9);
  }

  @Test
  void learnedSuggestionsAreNotLearnedFrom() {
    List<Label> suggested = new ArrayList<>();
    truth.forEach((fan, skin) -> suggested.add(label(fan, skin, LabelSource.SUGGESTED)));
    LabelSuggestions fitted =
        LabelSuggester.fit(taxonomy, behaviours, suggested, SuggestionOptions.defaults());
    assertEquals(Optional.of(Suggestion.Method.RULE_PRIOR), fitted.method("skin_type"));
  }

  private Behaviours fans(int count, Random random) {
    List<Product> products = new ArrayList<>();
    for (String skin : SKIN) {
      for (int i = 0; i < 10; i++) {
        Map<String, List<String>> attributes =
            i % 2 == 0 ? Map.of("skin_type", List.of(skin)) : Map.of();
        Product product =
            new Product(
                ProductId.of(skin + "-" + i),
                "面霜 " + skin + i,
                List.of("美妆", "护肤", skin + "线"),
                Optional.of("brand-" + (i % 3)),
                9900,
                5,
                attributes,
                Set.of(),
                T,
                Optional.empty(),
                0.1);
        products.add(product);
        catalog.put(product.id(), product);
      }
    }
    List<FanBehaviour> all = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      FanId fan = FanId.of(String.format("fan-%04d", f));
      String skin = SKIN.get(random.nextInt(SKIN.size()));
      truth.put(fan, skin);
      Map<ProductId, Double> bought = new HashMap<>();
      for (int e = 0; e < 8; e++) {
        String line = random.nextDouble() < 0.6 ? skin : SKIN.get(random.nextInt(SKIN.size()));
        bought.merge(ProductId.of(line + "-" + random.nextInt(10)), 1.0, Double::sum);
      }
      all.add(Behaviours.behaviour(fan, bought, catalog));
    }
    return Behaviours.of(all);
  }

  private List<Label> labels(List<FanId> fans) {
    return fans.stream().map(f -> label(f, truth.get(f), LabelSource.OWNER)).toList();
  }

  private static Label label(FanId fan, String skin, LabelSource source) {
    return new Label(OWNER, fan, "skin_type", List.of(skin), source, 1.0, T, "owner:" + OWNER);
  }

  private static FanProfile profile(FanId fan, List<Label> labels) {
    Map<String, Label> byDimension = new HashMap<>();
    labels.forEach(l -> byDimension.put(l.dimension(), l));
    return new FanProfile(new Fan(OWNER, fan, Optional.empty(), T), byDimension);
  }
}
