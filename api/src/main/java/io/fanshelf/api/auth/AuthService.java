package io.fanshelf.api.auth;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.MetadataReader;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Owner accounts and sign-in. Thread-safe. */
@Service
public class AuthService {
  /** Passwords shorter than this are refused. */
  public static final int MIN_PASSWORD_LENGTH = 8;

  private final AccountStore accounts;
  private final TokenStore tokens;
  private final PasswordEncoder passwords;
  private final MetadataReader metadata;
  private final FanShelfProperties.Auth options;
  private final RateLimiter limiter;
  private final RateLimiter.Limit signInLimit;
  private final Clock clock;
  // Compared against when the owner has no account, so that a wrong owner id takes as long as a
  // wrong password and sign-in does not reveal which owners have accounts.
  private final String decoy;

  public AuthService(
      AccountStore accounts,
      TokenStore tokens,
      PasswordEncoder passwords,
      MetadataReader metadata,
      FanShelfProperties properties,
      RateLimiter limiter,
      Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.passwords = passwords;
    this.metadata = metadata;
    this.options = properties.auth();
    this.limiter = limiter;
    this.signInLimit =
        new RateLimiter.Limit(
            properties.rateLimit().signInPerMinute() / 60.0, properties.rateLimit().signInBurst());
    this.clock = clock;
    this.decoy = passwords.encode("decoy-password-for-timing");
  }

  /**
   * Creates or replaces an owner's console account.
   *
   * @throws ApiException when the owner does not exist or the password is too short
   */
  public OwnerAccount setPassword(OwnerId owner, String password) throws IOException {
    if (metadata.owner(owner).isEmpty()) {
      throw ApiException.notFound("no owner '" + owner + "'; import it in an owners file first");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw ApiException.badRequest(
          "password", "expected at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    OwnerAccount account = new OwnerAccount(owner, passwords.encode(password), clock.instant());
    accounts.put(account);
    return account;
  }

  /**
   * Checks the password and issues a token of the given kind; empty when they do not match.
   *
   * @throws ApiException 429 when this owner id had too many attempts lately (right or wrong, and
   *     whether or not the owner exists, so the answer reveals nothing)
   */
  public Optional<TokenStore.Issued> signIn(OwnerId owner, String password, OwnerToken.Kind kind)
      throws IOException {
    Optional<java.time.Duration> wait = limiter.acquire("sign-in:" + owner.value(), signInLimit);
    if (wait.isPresent()) {
      throw ApiException.tooManyRequests(wait.get());
    }
    Optional<OwnerAccount> account = accounts.get(owner);
    String hash = account.map(OwnerAccount::passwordHash).orElse(decoy);
    boolean matches = password != null && passwords.matches(password, hash);
    if (account.isEmpty() || !matches) {
      return Optional.empty();
    }
    return Optional.of(
        tokens.issue(
            owner,
            kind,
            kind == OwnerToken.Kind.API ? options.ownerTokenTtl() : options.sessionTtl()));
  }

  public void signOut(String token) throws IOException {
    tokens.revoke(token);
  }
}
