package io.fanshelf.api.auth;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Owners sign in for API tokens: {@code POST /api/v1/auth/token}. */
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {
  private final AuthService auth;

  public AuthController(AuthService auth) {
    this.auth = auth;
  }

  /** Sign-in: owner id and password. */
  public record SignIn(@NotBlank String owner, @NotBlank String password) {}

  /** An owner token: send it as {@code Authorization: Bearer <token>}. */
  public record TokenResponse(String token, String owner, Instant expiresAt) {}

  @PostMapping("/token")
  public TokenResponse signIn(@Valid @RequestBody SignIn body) throws IOException {
    var owner = Params.owner("owner", body.owner());
    TokenStore.Issued issued =
        auth.signIn(owner, body.password(), OwnerToken.Kind.API)
            .orElseThrow(() -> ApiException.unauthorized("wrong owner or password"));
    return new TokenResponse(issued.token(), owner.value(), issued.record().expiresAt());
  }

  /** Ends the token the request was sent with. */
  @DeleteMapping("/token")
  @OwnerOnly
  public ResponseEntity<Void> signOut(HttpServletRequest request) throws IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.length() > 7) {
      auth.signOut(header.substring(7).strip());
    }
    return ResponseEntity.noContent().build();
  }
}
