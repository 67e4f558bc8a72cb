package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class FileShareLinkStoreTest {
  private static final OwnerId LILY = OwnerId.of("shop-lily");
  private static final OwnerId MU = OwnerId.of("shop-mu");

  @TempDir Path dir;

  private FileShareLinkStore open() throws Exception {
    return new FileShareLinkStore(dir, JsonMapper.builder().build(), Clock.systemUTC());
  }

  @Test
  void oneActiveLinkPerFanSurvivingARestart() throws Exception {
    FileShareLinkStore store = open();
    List<ShareLink> made =
        store.ensure(LILY, List.of(FanId.of("f1"), FanId.of("f2")), Optional.of("seg_1"));
    Assertions.assertNotEquals(made.get(0).token(), made.get(1).token());
    Assertions.assertEquals(
        made.get(0), store.ensure(LILY, List.of(FanId.of("f1")), Optional.empty()).getFirst());
    FileShareLinkStore reopened = open();
    Assertions.assertEquals(made.get(1), reopened.byToken(made.get(1).token()).orElseThrow());
    Assertions.assertEquals(2, reopened.list(LILY).size());
    Assertions.assertEquals(List.of(), reopened.list(MU));
  }

  @Test
  void aRevokedLinkOpensNothingAndTheNextOneIsNew() throws Exception {
    FileShareLinkStore store = open();
    ShareLink first = store.ensure(LILY, List.of(FanId.of("f1")), Optional.empty()).getFirst();
    Assertions.assertEquals(0, store.revoke(MU, l -> true), "another owner revokes nothing");
    Assertions.assertEquals(1, store.revoke(LILY, l -> l.id().equals(first.id())));
    Assertions.assertTrue(store.byToken(first.token()).isEmpty());
    Assertions.assertTrue(open().byToken(first.token()).isEmpty());
    ShareLink second = store.ensure(LILY, List.of(FanId.of("f1")), Optional.empty()).getFirst();
    Assertions.assertNotEquals(first.token(), second.token());
  }
}
