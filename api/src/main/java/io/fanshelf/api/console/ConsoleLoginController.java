package io.fanshelf.api.console;

import io.fanshelf.api.auth.AuthFilter;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.OwnerId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console sign-in and sign-out. The session is an HttpOnly, SameSite=Lax cookie holding a random
 * token; its CSRF value goes into every form.
 */
@Controller
class ConsoleLoginController {
  private final AuthService auth;
  private final FanShelfProperties properties;

  ConsoleLoginController(AuthService auth, FanShelfProperties properties) {
    this.auth = auth;
    this.properties = properties;
  }

  @GetMapping("/console/login")
  public String form(Model model) {
    model.addAttribute("failed", false);
    return "console/login";
  }

  @PostMapping("/console/login")
  public String signIn(
      @RequestParam(name = "owner", defaultValue = "") String owner,
      @RequestParam(name = "password", defaultValue = "") String password,
      HttpServletResponse response,
      Model model)
      throws IOException {
    Optional<TokenStore.Issued> issued = Optional.empty();
    try {
      issued = auth.signIn(OwnerId.of(owner.strip()), password, OwnerToken.Kind.CONSOLE);
    } catch (IllegalArgumentException e) {
      // A malformed owner id signs nobody in; same answer as a wrong password.
    } catch (ApiException e) {
      if (e.retryAfter().isEmpty()) {
        throw e;
      }
      // The sign-in budget of this owner id is spent: the page again, saying how long to wait.
      long seconds = Math.max(1, e.retryAfter().get().toSeconds());
      response.setStatus(e.status().value());
      response.setHeader("Retry-After", Long.toString(seconds));
      model.addAttribute("failed", false);
      model.addAttribute("retryAfterSeconds", seconds);
      model.addAttribute("ownerValue", owner);
      return "console/login";
    }
    if (issued.isEmpty()) {
      response.setStatus(401);
      model.addAttribute("failed", true);
      model.addAttribute("ownerValue", owner);
      return "console/login";
    }
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(AuthFilter.SESSION_COOKIE, issued.get().token())
            .httpOnly(true)
            .secure(properties.auth().secureCookies())
            .sameSite("Lax")
            .path("/")
            .maxAge(properties.auth().sessionTtl())
            .build()
            .toString());
    return "redirect:/console/fans";
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
        ResponseCookie.from(AuthFilter.SESSION_COOKIE, "").path("/").maxAge(0).build().toString());
    return "redirect:/console/login";
  }

  @GetMapping({"/console", "/console/"})
  public String home() {
    return "redirect:/console/fans";
  }
}
