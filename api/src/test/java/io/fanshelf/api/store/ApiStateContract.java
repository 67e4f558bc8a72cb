package io.fanshelf.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.auth.AccountStore;
import io.fanshelf.api.auth.ApiKey;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.OwnerAccount;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.api.owner.CurationStore;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.owner.SegmentStore;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkStore;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.rules.Curation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every implementation of the API's own stores must do (accounts, API keys, owner tokens,
 * segments, pins and blocks, share links); run on the files of the embedded default and on the
 * cluster's documents. {@link #reopen} gives stores over the same state as {@link #open}: the same
 * node after a restart, or (shared) another node.
 */
public abstract class ApiStateContract {
  protected static final OwnerId LILY = OwnerId.of("shop-lily");
  protected static final OwnerId MU = OwnerId.of("shop-mu");
  protected static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The six stores of one node. */
  protected record Stores(
      AccountStore accounts,
      ApiKeyStore keys,
      TokenStore tokens,
      SegmentStore segments,
      CurationStore curation,
      ShareLinkStore links) {}

  /** A clock the tests move forward. */
  protected static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  protected final TestClock clock = new TestClock();

  /** Stores over fresh, empty state. */
  protected abstract Stores open() throws Exception;

  /** New stores over the state of the last {@link #open}. */
  protected abstract Stores reopen() throws Exception;

  @Test
  void accountsAreKeptByOwnerAndReplaced() throws Exception {
    Stores node = open();
    assertThat(node.accounts().get(LILY)).isEmpty();
    OwnerAccount first = new OwnerAccount(LILY, "$2a$04$first", clock.instant());
    node.accounts().put(first);
    node.accounts().put(new OwnerAccount(MU, "$2a$04$mu", clock.instant()));
    OwnerAccount changed = new OwnerAccount(LILY, "$2a$04$second", clock.instant());
    node.accounts().put(changed);

    Stores other = reopen();
    assertThat(other.accounts().get(LILY)).contains(changed);
    assertThat(other.accounts().list())
        .containsExactlyInAnyOrder(changed, node.accounts().get(MU).orElseThrow());
  }

  @Test
  void anApiKeyAuthenticatesUntilRevokedOnAnyNode() throws Exception {
    Stores node = open();
    ApiKeyStore.Created created = node.keys().create("shop app", Set.of(Scope.EVENTS_WRITE));
    assertThat(created.secret()).startsWith("fsk_");
    assertThat(created.key().fingerprint()).doesNotContain(created.secret());

    Stores other = reopen();
    assertThat(other.keys().authenticate(created.secret())).contains(created.key());
    assertThat(other.keys().authenticate(created.secret() + "x")).isEmpty();
    assertThat(other.keys().authenticate("not-a-key")).isEmpty();
    assertThat(other.keys().authenticate(null)).isEmpty();
    assertThat(other.keys().list()).containsExactly(created.key());

    assertThat(other.keys().revoke("key_unknown")).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(other.keys().revoke(created.key().id())).isTrue();
    assertThat(other.keys().revoke(created.key().id())).as("revoked already").isFalse();
    assertThat(reopen().keys().authenticate(created.secret())).isEmpty();
    ApiKey revoked = reopen().keys().list().getFirst();
    assertThat(revoked.revokedAt()).contains(clock.instant());
  }

  @Test
  void anOwnerTokenWorksOnEveryNodeUntilItExpiresOrIsRevoked() throws Exception {
    Stores node = open();
    TokenStore.Issued api = node.tokens().issue(LILY, OwnerToken.Kind.API, Duration.ofHours(1));
    TokenStore.Issued session =
        node.tokens().issue(MU, OwnerToken.Kind.CONSOLE, Duration.ofMinutes(10));
    assertThat(api.token()).startsWith("fso_");
    assertThat(session.token()).startsWith("fss_");

    Stores other = reopen();
    assertThat(other.tokens().find(api.token())).contains(api.record());
    assertThat(other.tokens().find(session.token()).orElseThrow().owner()).isEqualTo(MU);
    assertThat(other.tokens().find("fso_unknown")).isEmpty();
    assertThat(other.tokens().find("something")).isEmpty();

    clock.advance(Duration.ofMinutes(11));
    assertThat(other.tokens().find(session.token())).as("expired").isEmpty();
    assertThat(other.tokens().find(api.token())).isPresent();
    other.tokens().revoke(api.token());
    other.tokens().revoke("fso_never-issued");
    assertThat(reopen().tokens().find(api.token())).isEmpty();
  }

  @Test
  void segmentsBelongToTheirOwner() throws Exception {
    Stores node = open();
    Segment oily =
        new Segment(
            "seg_1", LILY, "油皮", Map.of("skin_type", Set.of("oily")), Set.of(), clock.instant());
    node.segments().put(oily);
    node.segments().put(new Segment("seg_1", MU, "mu's", Map.of(), Set.of("age"), clock.instant()));
    Segment renamed =
        new Segment("seg_1", LILY, "油皮 25-34", oily.labels(), Set.of("style"), clock.instant());
    node.segments().put(renamed);

    Stores other = reopen();
    assertThat(other.segments().get(LILY, "seg_1")).contains(renamed);
    assertThat(other.segments().list(LILY)).containsExactly(renamed);
    assertThat(other.segments().get(LILY, "seg_2")).isEmpty();
    assertThat(other.segments().get(OwnerId.of("shop-anna"), "seg_1")).isEmpty();

    assertThat(other.segments().delete(LILY, "seg_1")).isTrue();
    assertThat(other.segments().delete(LILY, "seg_1")).isFalse();
    assertThat(reopen().segments().list(LILY)).isEmpty();
    assertThat(reopen().segments().list(MU)).hasSize(1);
  }

  @Test
  void pinsKeepTheirOrderAndABlockUnpins() throws Exception {
    Stores node = open();
    ProductId a = ProductId.of("bh-001");
    ProductId b = ProductId.of("bh-002");
    assertThat(node.curation().forOwner(LILY)).isEqualTo(Curation.none());
    assertThat(node.curation().pin(LILY, b)).isTrue();
    assertThat(node.curation().pin(LILY, a)).isTrue();
    assertThat(node.curation().pin(LILY, a)).as("pinned already").isFalse();
    assertThat(node.curation().block(MU, a)).isTrue();

    Stores other = reopen();
    assertThat(other.curation().forOwner(LILY).pins()).containsExactly(b, a);
    assertThat(other.curation().block(LILY, b)).isTrue();
    assertThat(other.curation().forOwner(LILY)).isEqualTo(new Curation(List.of(a), Set.of(b)));
    assertThat(other.curation().unblock(LILY, b)).isTrue();
    assertThat(other.curation().unblock(LILY, b)).isFalse();
    assertThat(other.curation().unpin(LILY, a)).isTrue();
    assertThat(reopen().curation().forOwner(LILY)).isEqualTo(Curation.none());
    assertThat(reopen().curation().forOwner(MU)).isEqualTo(new Curation(List.of(), Set.of(a)));
  }

  @Test
  void oneActiveLinkPerFanOpenedOnAnyNode() throws Exception {
    Stores node = open();
    List<ShareLink> made =
        node.links().ensure(LILY, List.of(FanId.of("f1"), FanId.of("f2")), Optional.of("seg_1"));
    assertThat(made).extracting(ShareLink::fan).containsExactly(FanId.of("f1"), FanId.of("f2"));
    assertThat(made.get(0).token()).isNotEqualTo(made.get(1).token());
    assertThat(made.get(0).segment()).contains("seg_1");

    Stores other = reopen();
    assertThat(other.links().byToken(made.get(1).token())).contains(made.get(1));
    clock.advance(Duration.ofSeconds(1));
    List<ShareLink> again =
        other.links().ensure(LILY, List.of(FanId.of("f3"), FanId.of("f1")), Optional.empty());
    assertThat(again.get(1)).as("f1 keeps its link").isEqualTo(made.get(0));
    assertThat(other.links().list(LILY))
        .as("newest last")
        .extracting(ShareLink::fan)
        .endsWith(FanId.of("f3"))
        .containsExactlyInAnyOrder(FanId.of("f1"), FanId.of("f2"), FanId.of("f3"));
    assertThat(other.links().list(MU)).isEmpty();
    assertThat(other.links().byToken("no-such-token")).isEmpty();
    assertThat(other.links().byToken(null)).isEmpty();
  }

  @Test
  void aRevokedLinkOpensNothingAnywhereAndTheNextOneIsNew() throws Exception {
    Stores node = open();
    ShareLink first =
        node.links().ensure(LILY, List.of(FanId.of("f1")), Optional.empty()).getFirst();
    node.links().ensure(LILY, List.of(FanId.of("f2")), Optional.empty());
    assertThat(node.links().revoke(MU, l -> true)).as("another owner revokes nothing").isZero();
    assertThat(node.links().revoke(LILY, l -> l.id().equals(first.id()))).isEqualTo(1);
    assertThat(node.links().revoke(LILY, l -> l.id().equals(first.id()))).isZero();

    Stores other = reopen();
    assertThat(other.links().byToken(first.token())).isEmpty();
    assertThat(other.links().list(LILY)).hasSize(2).filteredOn(ShareLink::active).hasSize(1);
    ShareLink second =
        other.links().ensure(LILY, List.of(FanId.of("f1")), Optional.empty()).getFirst();
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(reopen().links().byToken(second.token())).contains(second);
  }
}
