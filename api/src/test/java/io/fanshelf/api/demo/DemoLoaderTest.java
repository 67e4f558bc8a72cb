package io.fanshelf.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.ApiKey;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.system.FanShelfProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode started again on the same data directory, as run-demo.sh does after a restart. */
class DemoLoaderTest extends ApiTestBase {
  @Autowired DemoLoader demo;
  @Autowired FanShelfProperties properties;

  private String keptKey() throws Exception {
    return Files.readString(properties.apiDir().resolve("demo-admin-key"), StandardCharsets.UTF_8)
        .strip();
  }

  private long activeDemoKeys() {
    return keys.list().stream().filter(k -> k.active() && k.name().equals("demo-admin")).count();
  }

  @Test
  void theAdminKeyStaysTheSameAcrossRestartsUntilItIsRevoked() throws Exception {
    String first = keptKey();
    ApiKey key = keys.authenticate(first).orElseThrow();
    assertTrue(key.scopes().contains(Scope.ADMIN));

    demo.run(null);
    assertEquals(first, keptKey());
    assertEquals(1, activeDemoKeys());

    keys.revoke(key.id());
    demo.run(null);
    String second = keptKey();
    assertNotEquals(first, second);
    assertTrue(keys.authenticate(second).isPresent());
    assertEquals(1, activeDemoKeys());
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(properties.apiDir().resolve("demo-admin-key"))));
  }
}
