package io.fanshelf.api.auth;

import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Owners sign in for API tokens: {@code POST /api/v1/auth/token}. */
@RestController
@Tag(name = ApiContract.SIGN_IN)
@RequestMapping("/api/v1/auth")
class AuthController {
  private final AuthService auth;

  AuthController(AuthService auth) {
    this.auth = auth;
  }

  /**
   * An owner's credentials.
   *
   * @param owner the owner id, e.g. shop-lily
   * @param password the console password an admin set (PUT /api/v1/admin/owners/{owner}/account)
   */
  public record SignIn(@NotBlank String owner, @NotBlank String password) {}

  /**
   * An owner token: send it as {@code Authorization: Bearer <token>}.
   *
   * @param token the token, fso_ and 43 characters; shown only here
   * @param owner the signed-in owner
   * @param expiresAt when the token stops working (fanshelf.auth.owner-token-ttl, 30 days)
   */
  public record TokenResponse(String token, String owner, Instant expiresAt) {}

  /**
   * Signs an owner in.
   *
   * <p>Checks the owner's password and issues an owner token for the owner endpoints. Attempts are
   * limited per owner id (10, then 6 a minute), whether or not the owner exists or the password is
   * right.
   */
  @PostMapping("/token")
  @ApiResponse(responseCode = "200", description = "signed in")
  @ApiResponse(responseCode = "401", description = "wrong owner or password")
  public TokenResponse signIn(@Valid @RequestBody SignIn body) throws IOException {
    var owner = Params.owner("owner", body.owner());
    TokenStore.Issued issued =
        auth.signIn(owner, body.password(), OwnerToken.Kind.API)
            .orElseThrow(() -> ApiException.unauthorized("wrong owner or password"));
    return new TokenResponse(issued.token(), owner.value(), issued.record().expiresAt());
  }

  /**
   * Signs out.
   *
   * <p>Ends the owner token the request was sent with; other tokens of the owner keep working.
   */
  @DeleteMapping("/token")
  @OwnerOnly
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void signOut(HttpServletRequest request) throws IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.length() > 7) {
      auth.signOut(header.substring(7).strip());
    }
  }
}
