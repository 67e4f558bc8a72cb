/**
 * Who may do what. Apps authenticate with API keys carrying scopes ({@code events:write}, {@code
 * recommend:read}, {@code admin}); owners sign in with a password (BCrypt-hashed) for an API token
 * or a console session. {@link io.fanshelf.api.auth.AuthFilter} finds the caller, {@link
 * io.fanshelf.api.auth.AccessInterceptor} checks the handler's annotation, and owner handlers take
 * the owner only from {@link io.fanshelf.api.auth.CurrentOwner}, so no request can name another
 * owner's data. Keys and tokens are stored as SHA-256 fingerprints.
 */
package io.fanshelf.api.auth;
