package io.fanshelf.api;

import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The MockMvc tests of every controller share this one application context: a fresh data directory
 * under target/ with the beauty-home fixture of the indexer tests imported by demo mode (owners
 * shop-lily, shop-mu, shop-anna; password {@link #PASSWORD}). Tests that change data use fans and
 * products no other test relies on.
 */
@SpringBootTest(
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.auth.bcrypt-strength=4",
      "logging.level.root=WARN",
      "logging.file.name=target/test-data/fanshelf-test.log"
    })
@AutoConfigureMockMvc
public abstract class ApiTestBase {
  public static final String PASSWORD = "test-password-1";
  public static final OwnerId LILY = OwnerId.of("shop-lily");
  public static final OwnerId MU = OwnerId.of("shop-mu");
  public static final OwnerId ANNA = OwnerId.of("shop-anna");

  private static final Path DATA =
      Path.of("target", "test-data", "mockmvc-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", DATA::toString);
  }

  @Autowired protected MockMvc mvc;
  @Autowired protected ApiKeyStore keys;
  @Autowired protected TokenStore tokens;

  /** "Bearer <key>" for a fresh API key with these scopes. */
  protected String apiKey(Scope... scopes) throws IOException {
    return "Bearer " + keys.create("test", Set.of(scopes)).secret();
  }

  /**
   * "Bearer <token>" for a signed-in owner: issued directly, as sign-in would (sign-in itself and
   * its rate limit are tested on their own).
   */
  protected String owner(OwnerId owner) throws IOException {
    return "Bearer " + tokens.issue(owner, OwnerToken.Kind.API, Duration.ofHours(1)).token();
  }
}
