package io.fanshelf.api.auth;

import io.fanshelf.api.system.FanShelfProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Establishes the {@link Caller} of every request: {@code Authorization: Bearer} with an API key
 * ({@code fsk_...}) or an owner token ({@code fso_...}), or the console session cookie. A bearer
 * credential that is malformed, unknown, revoked or expired is refused here with 401; an API key
 * over its rate limit with 429. Whether the caller may reach a handler is {@link
 * AccessInterceptor}'s call. Thread-safe.
 */
public final class AuthFilter extends OncePerRequestFilter {
  /** The request attribute holding the {@link Caller}. */
  static final String CALLER = AuthFilter.class.getName() + ".caller";

  /** The console session cookie. */
  public static final String SESSION_COOKIE = "FANSHELF_SESSION";

  private final ApiKeyStore keys;
  private final TokenStore tokens;
  private final RateLimiter limiter;
  private final RateLimiter.Limit keyLimit;
  private final RateLimiter.Limit ownerLimit;
  private final ObjectMapper mapper;

  public AuthFilter(
      ApiKeyStore keys,
      TokenStore tokens,
      RateLimiter limiter,
      FanShelfProperties.RateLimit limits,
      ObjectMapper mapper) {
    this.keys = keys;
    this.tokens = tokens;
    this.limiter = limiter;
    this.keyLimit = new RateLimiter.Limit(limits.apiKeyPerSecond(), limits.apiKeyBurst());
    this.ownerLimit = new RateLimiter.Limit(limits.ownerPerSecond(), limits.ownerBurst());
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Caller caller = Caller.ANONYMOUS;
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        refuse(
            request,
            response,
            401,
            "Unauthorized",
            "expected 'Authorization: Bearer <API key or owner token>'",
            Optional.empty());
        return;
      }
      String token = header.substring(7).strip();
      if (token.startsWith(FileApiKeyStore.PREFIX)) {
        Optional<ApiKey> key = keys.authenticate(token);
        if (key.isEmpty()) {
          refuse(
              request,
              response,
              401,
              "Unauthorized",
              "unknown or revoked API key",
              Optional.empty());
          return;
        }
        Optional<Duration> wait = limiter.acquire("key:" + key.get().id(), keyLimit);
        if (wait.isPresent()) {
          refuse(
              request,
              response,
              429,
              "Too Many Requests",
              "rate limit of API key " + key.get().id() + " reached",
              wait);
          return;
        }
        caller = new Caller.App(key.get());
      } else {
        Optional<OwnerToken> owner =
            tokens.find(token).filter(t -> t.kind() == OwnerToken.Kind.API);
        if (owner.isEmpty()) {
          refuse(
              request,
              response,
              401,
              "Unauthorized",
              "unknown or expired owner token; get a new one with POST /api/v1/auth/token",
              Optional.empty());
          return;
        }
        if (ownerLimited(request, response, owner.get())) {
          return;
        }
        caller = new Caller.OwnerUser(owner.get(), false);
      }
    } else {
      Optional<String> session = sessionCookie(request);
      if (session.isPresent()) {
        Optional<OwnerToken> owner =
            tokens.find(session.get()).filter(t -> t.kind() == OwnerToken.Kind.CONSOLE);
        if (owner.isPresent()) {
          if (ownerLimited(request, response, owner.get())) {
            return;
          }
          caller = new Caller.OwnerUser(owner.get(), true);
        }
      }
    }
    request.setAttribute(CALLER, caller);
    chain.doFilter(request, response);
  }

  /** Refuses with 429 when the owner's budget, shared by all their tokens, is spent. */
  private boolean ownerLimited(
      HttpServletRequest request, HttpServletResponse response, OwnerToken token)
      throws IOException {
    Optional<Duration> wait = limiter.acquire("owner:" + token.owner().value(), ownerLimit);
    if (wait.isEmpty()) {
      return false;
    }
    refuse(
        request,
        response,
        429,
        "Too Many Requests",
        "rate limit of owner " + token.owner() + " reached",
        wait);
    return true;
  }

  /** The value of the console session cookie, if the request carries one. */
  public static Optional<String> sessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      Optional<Duration> retryAfter)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    retryAfter.ifPresent(
        wait -> response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }
}
