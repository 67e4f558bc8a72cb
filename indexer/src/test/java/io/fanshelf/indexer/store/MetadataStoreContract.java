package io.fanshelf.indexer.store;

import static io.fanshelf.indexer.store.BeautyHomeFixture.ANNA;
import static io.fanshelf.indexer.store.BeautyHomeFixture.LILY;
import static io.fanshelf.indexer.store.BeautyHomeFixture.MU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link MetadataStore} contract: taxonomy versions and owners, kept across restarts. Subclass
 * once per backend.
 */
public abstract class MetadataStoreContract extends StoreContract {
  private MetadataStore metadata;

  @BeforeEach
  protected final void openMetadata() {
    metadata = backend().metadata();
  }

  // ------------------------------------------------------------------ taxonomy

  @Test
  void beforeAnyPublishTheTaxonomyIsEmpty() throws IOException {
    assertEquals(Taxonomy.empty(), metadata.taxonomy());
    assertEquals(List.of(), metadata.taxonomyHistory());
  }

  @Test
  void publishedTaxonomyIsCurrentWithEveryRule() throws IOException {
    metadata.publishTaxonomy(BeautyHomeFixture.taxonomy());

    assertEquals(BeautyHomeFixture.taxonomy(), metadata.taxonomy());
    assertEquals(List.of(BeautyHomeFixture.taxonomy()), metadata.taxonomyHistory());
  }

  @Test
  void historyListsEveryVersionOldestFirst() throws IOException {
    metadata.publishTaxonomy(BeautyHomeFixture.taxonomy());
    metadata.publishTaxonomy(version2());
    metadata.publishTaxonomy(version10());

    assertEquals(version10(), metadata.taxonomy());
    assertEquals(
        List.of(BeautyHomeFixture.taxonomy(), version2(), version10()), metadata.taxonomyHistory());
  }

  @Test
  void taxonomyVersionsSurviveCloseAndReopen() throws IOException {
    metadata.publishTaxonomy(BeautyHomeFixture.taxonomy());
    metadata.publishTaxonomy(version2());

    metadata = reopen().metadata();

    assertEquals(version2(), metadata.taxonomy());
    assertEquals(List.of(BeautyHomeFixture.taxonomy(), version2()), metadata.taxonomyHistory());
  }

  /**
   * Version 2: retires price sensitivity "medium", adds a skin type value and an age dimension
   * whose values have no match rule.
   */
  static Taxonomy version2() {
    Taxonomy v1 = BeautyHomeFixture.taxonomy();
    List<Dimension> dimensions = new ArrayList<>();
    for (Dimension d : v1.dimensions()) {
      List<DimensionValue> values = new ArrayList<>();
      for (DimensionValue v : d.values()) {
        values.add(
            v.id().equals("medium") ? new DimensionValue(v.id(), v.names(), v.match(), true) : v);
      }
      if (d.id().equals("skin_type")) {
        values.add(
            new DimensionValue(
                "normal",
                new LocalizedName("中性皮", "Normal skin"),
                Optional.of(
                    new MatchRule.AnyOf(
                        List.of(
                            new MatchRule.Attribute("skin_type", "normal"),
                            new MatchRule.PriceBand(OptionalLong.of(1), OptionalLong.of(999))))),
                false));
      }
      dimensions.add(
          new Dimension(d.id(), d.domain(), d.cardinality(), d.visibility(), d.names(), values));
    }
    dimensions.add(
        new Dimension(
            "age_band",
            "general",
            Cardinality.ONE,
            Visibility.PRIVATE,
            new LocalizedName("年龄段", "Age band"),
            List.of(
                new DimensionValue(
                    "18-24", new LocalizedName("18-24岁", "18-24"), Optional.empty(), false),
                new DimensionValue(
                    "25-34", new LocalizedName("25-34岁", "25-34"), Optional.empty(), false))));
    return new Taxonomy(2, dimensions);
  }

  private static Taxonomy version10() {
    return new Taxonomy(10, version2().dimensions());
  }

  // ------------------------------------------------------------------ owners

  @Test
  void ownersAreEmptyBeforeAnyUpsert() {
    assertEquals(List.of(), metadata.owners());
    assertEquals(Optional.empty(), metadata.owner(LILY));
  }

  @Test
  void upsertedOwnersAreReadBackAsGiven() throws IOException {
    metadata.upsertOwners(BeautyHomeFixture.owners());

    for (Owner owner : BeautyHomeFixture.owners()) {
      assertEquals(Optional.of(owner), metadata.owner(owner.id()), owner.id().value());
    }
    assertEquals(Set.copyOf(BeautyHomeFixture.owners()), Set.copyOf(metadata.owners()));
    assertEquals(BeautyHomeFixture.owners().size(), metadata.owners().size());
    assertEquals(Optional.empty(), metadata.owner(OwnerId.of("shop-nobody")));
  }

  @Test
  void upsertReplacesOwnersByIdAndKeepsTheOthers() throws IOException {
    metadata.upsertOwners(BeautyHomeFixture.owners());
    Owner renamed = new Owner(MU, "木木家居 旗舰店", Locale.US, Optional.empty());
    Owner added =
        new Owner(
            OwnerId.of("shop-tea"), "茶小铺", Locale.SIMPLIFIED_CHINESE, Optional.of(Set.of("食品")));

    metadata.upsertOwners(List.of(renamed, added));

    assertEquals(Optional.of(renamed), metadata.owner(MU));
    assertEquals(Optional.of(added), metadata.owner(added.id()));
    assertEquals(BeautyHomeFixture.owners().get(0), metadata.owner(LILY).orElseThrow());
    assertEquals(
        Set.of(
            BeautyHomeFixture.owners().get(0), renamed, BeautyHomeFixture.owners().get(2), added),
        Set.copyOf(metadata.owners()));
  }

  @Test
  void aFailingOwnerBatchLeavesNothing() throws IOException {
    metadata.upsertOwners(BeautyHomeFixture.owners());
    Owner renamed = new Owner(ANNA, "Anna's New Picks", Locale.US, Optional.empty());
    Owner added =
        new Owner(OwnerId.of("shop-tea"), "茶小铺", Locale.SIMPLIFIED_CHINESE, Optional.empty());
    IllegalStateException boom = new IllegalStateException("the third owner broke");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> metadata.upsertOwners(failingAfter(List.of(renamed, added), boom)));

    assertSame(boom, rootCause(thrown));
    assertEquals(Set.copyOf(BeautyHomeFixture.owners()), Set.copyOf(metadata.owners()));
    assertEquals(Optional.empty(), metadata.owner(added.id()));
  }

  @Test
  void ownersSurviveCloseAndReopen() throws IOException {
    metadata.upsertOwners(BeautyHomeFixture.owners());
    Owner renamed =
        new Owner(LILY, "莉莉美妆 二店", Locale.SIMPLIFIED_CHINESE, Optional.of(Set.of("美妆")));
    metadata.upsertOwners(List.of(renamed));

    metadata = reopen().metadata();

    assertEquals(Optional.of(renamed), metadata.owner(LILY));
    assertEquals(
        Set.of(renamed, BeautyHomeFixture.owners().get(1), BeautyHomeFixture.owners().get(2)),
        Set.copyOf(metadata.owners()));
  }
}
