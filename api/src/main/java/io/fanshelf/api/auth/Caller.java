package io.fanshelf.api.auth;

import io.fanshelf.indexer.model.OwnerId;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sent a request, as {@link AuthFilter} established it: nobody, an app with an API key, or a
 * signed-in owner.
 */
public sealed interface Caller permits Caller.Anonymous, Caller.App, Caller.OwnerUser {
  Caller ANONYMOUS = new Anonymous();

  /** No credentials. */
  record Anonymous() implements Caller {}

  /** An app authenticated by an API key. */
  record App(ApiKey key) implements Caller {}

  /**
   * A signed-in owner.
   *
   * @param token the token or session that signed them in
   * @param cookie whether it came as the console cookie (then unsafe requests need the CSRF value)
   */
  record OwnerUser(OwnerToken token, boolean cookie) implements Caller {
    public OwnerId owner() {
      return token.owner();
    }
  }

  /** The caller of a request that passed through {@link AuthFilter}. */
  static Caller of(HttpServletRequest request) {
    Object caller = request.getAttribute(AuthFilter.CALLER);
    return caller instanceof Caller known ? known : ANONYMOUS;
  }
}
