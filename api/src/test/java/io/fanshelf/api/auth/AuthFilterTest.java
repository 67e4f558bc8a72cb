package io.fanshelf.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.OwnerId;
import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The filter's per-owner budget, on a frozen clock so that nothing refills meanwhile. */
class AuthFilterTest {
  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong();
  private TokenStore tokens;
  private AuthFilter filter;

  @BeforeEach
  void open() throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    Clock clock = Clock.systemUTC();
    tokens = new FileTokenStore(dir, mapper, clock);
    FanShelfProperties.RateLimit limits =
        new FanShelfProperties.RateLimit(500, 1000, 60, 30, 1, 3, 6, 10);
    filter =
        new AuthFilter(
            new FileApiKeyStore(dir, mapper, clock),
            tokens,
            new InMemoryRateLimiter(nanos::get),
            limits,
            mapper);
  }

  private int status(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    if (response.getStatus() == 429) {
      assertThat(response.getHeader("Retry-After")).isEqualTo("1");
      assertThat(response.getContentAsString()).contains("rate limit of owner shop-busy reached");
      assertThat(chain.getRequest()).isNull();
    }
    return response.getStatus();
  }

  private MockHttpServletRequest bearer(String token) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/owner/fans");
    request.addHeader("Authorization", "Bearer " + token);
    return request;
  }

  @Test
  void anOwnersTokensAndConsoleSessionsShareOneBudget() throws Exception {
    OwnerId busy = OwnerId.of("shop-busy");
    String api1 = tokens.issue(busy, OwnerToken.Kind.API, Duration.ofHours(1)).token();
    String api2 = tokens.issue(busy, OwnerToken.Kind.API, Duration.ofHours(1)).token();
    String console = tokens.issue(busy, OwnerToken.Kind.CONSOLE, Duration.ofHours(1)).token();
    String other =
        tokens.issue(OwnerId.of("shop-calm"), OwnerToken.Kind.API, Duration.ofHours(1)).token();

    assertThat(status(bearer(api1))).isEqualTo(200);
    assertThat(status(bearer(api2))).isEqualTo(200);
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/console/fans");
    page.setCookies(new Cookie(AuthFilter.SESSION_COOKIE, console));
    assertThat(status(page)).isEqualTo(200);
    assertThat(status(bearer(api2))).isEqualTo(429);
    assertThat(status(bearer(other))).isEqualTo(200);

    nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // one request per second refills
    assertThat(status(bearer(api1))).isEqualTo(200);
    assertThat(status(bearer(api1))).isEqualTo(429);
  }
}
