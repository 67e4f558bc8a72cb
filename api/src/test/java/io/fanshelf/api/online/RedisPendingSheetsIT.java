package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.console.PendingSheets;
import io.fanshelf.api.console.PendingSheetsContract;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisPendingSheets;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.model.OwnerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pending sheets on the real Redis server, a second link standing for another node. */
class RedisPendingSheetsIT extends PendingSheetsContract {
  private final String prefix = RedisTestSupport.prefix();
  private final RedisLink nodeA = RedisTestSupport.link(prefix);
  private final RedisLink nodeB = RedisTestSupport.link(prefix);

  @Override
  protected PendingSheets store() {
    return new RedisPendingSheets(nodeA);
  }

  @Override
  protected PendingSheets other() {
    return new RedisPendingSheets(nodeB);
  }

  @AfterEach
  void clean() {
    nodeB.close();
    RedisTestSupport.clean(nodeA, prefix);
  }

  @Test
  void aSheetExpiresWithinTheHour() throws Exception {
    String id = store().keep(OwnerId.of("shop-lily"), Uploads.restore("a.csv", new byte[] {'a'}));
    Long ttl =
        nodeA
            .call(c -> c.keys(prefix + "sheet:*").stream().map(c::pttl).findFirst().orElse(-2L))
            .orElseThrow();
    assertThat(ttl).isPositive().isLessThanOrEqualTo(PendingSheets.KEEP.toMillis());
    assertThat(id).isNotBlank();
  }
}
