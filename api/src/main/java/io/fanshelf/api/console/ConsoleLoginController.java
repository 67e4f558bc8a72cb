package io.fanshelf.api.console;

import io.fanshelf.api.auth.AccessInterceptor;
import io.fanshelf.api.auth.AuthFilter;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.OwnerId;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console sign-in and sign-out. The session is an HttpOnly, SameSite=Lax cookie holding a random
 * token; its CSRF value goes into every form. The sign-in form, shown before there is a session,
 * carries its own CSRF value, which must match a SameSite=Strict cookie set with the form (a
 * double-submit check), so another site cannot sign a visitor in to an account of its choosing.
 * Cookies are Secure when the request came over HTTPS, directly or through a proxy that says so
 * (X-Forwarded-Proto, server.forward-headers-strategy), or always with
 * fanshelf.auth.secure-cookies.
 */
@Controller
class ConsoleLoginController {
  /** The cookie holding the sign-in form's CSRF value. */
  static final String SIGN_IN_COOKIE = "FANSHELF_SIGN_IN";

  private final AuthService auth;
  private final FanShelfProperties properties;

  ConsoleLoginController(AuthService auth, FanShelfProperties properties) {
    this.auth = auth;
    this.properties = properties;
  }

  @GetMapping("/console/login")
  public String form(HttpServletRequest request, HttpServletResponse response, Model model) {
    return signInPage(request, response, model);
  }

  @PostMapping("/console/login")
  public String signIn(
      @RequestParam(name = "owner", defaultValue = "") String owner,
      @RequestParam(name = "password", defaultValue = "") String password,
      @RequestParam(name = AccessInterceptor.CSRF_PARAM, defaultValue = "") String csrf,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    // Checked before the password, so that another site cannot spend an owner's sign-in budget.
    if (!Tokens.same(csrf, signInCookie(request).orElse(null))) {
      response.setStatus(403);
      model.addAttribute("expired", true);
      return signInPage(request, response, model);
    }
    Optional<TokenStore.Issued> issued = Optional.empty();
    try {
      issued = auth.signIn(OwnerId.of(owner.strip()), password, OwnerToken.Kind.CONSOLE);
    } catch (IllegalArgumentException e) {
      // A malformed owner id signs nobody in; same answer as a wrong password.
    }
    if (issued.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("failed", true);
      return signInPage(request, response, model);
    }
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(AuthFilter.SESSION_COOKIE, issued.get().token())
            .httpOnly(true)
            .secure(secure(request))
            .sameSite("Lax")
            .path("/")
            .maxAge(properties.auth().sessionTtl())
            .build()
            .toString());
    return "redirect:/console/fans";
  }

  /**
   * A refused sign-in (the owner id's budget spent, a body that could not be read): the sign-in
   * page again, saying why, with the status and any Retry-After.
   */
  @ExceptionHandler(ApiException.class)
  public String refused(
      ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(e.status().value());
    if (e.retryAfter().isPresent()) {
      long seconds = Math.max(1, e.retryAfter().get().toSeconds());
      response.setHeader("Retry-After", Long.toString(seconds));
      model.addAttribute("retryAfterSeconds", seconds);
    } else {
      model.addAttribute("message", e.getMessage());
    }
    return signInPage(request, response, model);
  }

  /** The sign-in page with the owner id as typed and the form's CSRF value (its cookie set). */
  private String signInPage(HttpServletRequest request, HttpServletResponse response, Model model) {
    String csrf = signInCookie(request).orElseGet(() -> Tokens.random(""));
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(SIGN_IN_COOKIE, csrf)
            .httpOnly(true)
            .secure(secure(request))
            .sameSite("Strict")
            .path("/console/login")
            .build()
            .toString());
    model.addAttribute("csrf", csrf);
    model.addAttribute("csrfParam", AccessInterceptor.CSRF_PARAM);
    model.addAttribute("ownerValue", request.getParameter("owner"));
    if (!model.containsAttribute("failed")) {
      model.addAttribute("failed", false);
    }
    return "console/login";
  }

  /** The sign-in form's CSRF value from its cookie, when it has the form of one. */
  private static Optional<String> signInCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (SIGN_IN_COOKIE.equals(cookie.getName())
            && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
          return Optional.of(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether cookies get the Secure attribute: over HTTPS (or a proxy saying so), or always. */
  private boolean secure(HttpServletRequest request) {
    return properties.auth().secureCookies() || request.isSecure();
  }

  @PostMapping("/console/logout")
  public String signOut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> session = AuthFilter.sessionCookie(request);
    if (session.isPresent()) {
      auth.signOut(session.get());
    }
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(AuthFilter.SESSION_COOKIE, "")
            .secure(secure(request))
            .path("/")
            .maxAge(0)
            .build()
            .toString());
    return "redirect:/console/login";
  }

  @GetMapping({"/console", "/console/"})
  public String home() {
    return "redirect:/console/fans";
  }
}
