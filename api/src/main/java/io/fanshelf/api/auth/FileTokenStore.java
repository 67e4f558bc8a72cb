package io.fanshelf.api.auth;

import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/**
 * Owner tokens in {@code <data>/api/tokens.json}, held in memory by fingerprint; expired tokens are
 * dropped on each write. Thread-safe.
 */
public final class FileTokenStore implements TokenStore {
  /** Owner API tokens start with this. */
  public static final String API_PREFIX = "fso_";

  /** Console session cookies start with this. */
  public static final String SESSION_PREFIX = "fss_";

  private final JsonFile<List<OwnerToken>> file;
  private final Clock clock;
  private volatile Map<String, OwnerToken> tokens;

  public FileTokenStore(Path dir, ObjectMapper mapper, Clock clock) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("tokens.json"),
            mapper,
            mapper.getTypeFactory().constructCollectionType(List.class, OwnerToken.class),
            List::of);
    this.clock = clock;
    Map<String, OwnerToken> loaded = new HashMap<>();
    file.read().forEach(t -> loaded.put(t.fingerprint(), t));
    this.tokens = Map.copyOf(loaded);
  }

  @Override
  public synchronized Issued issue(OwnerId owner, OwnerToken.Kind kind, Duration ttl)
      throws IOException {
    String token = Tokens.random(kind == OwnerToken.Kind.API ? API_PREFIX : SESSION_PREFIX);
    Instant now = clock.instant();
    OwnerToken record =
        new OwnerToken(
            Tokens.fingerprint(token), owner, kind, Tokens.random(""), now, now.plus(ttl));
    Map<String, OwnerToken> next = live(now);
    next.put(record.fingerprint(), record);
    save(next);
    return new Issued(record, token);
  }

  @Override
  public Optional<OwnerToken> find(String token) {
    if (token == null || !(token.startsWith(API_PREFIX) || token.startsWith(SESSION_PREFIX))) {
      return Optional.empty();
    }
    OwnerToken record = tokens.get(Tokens.fingerprint(token));
    if (record == null || !record.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(record);
  }

  @Override
  public synchronized void revoke(String token) throws IOException {
    String fingerprint = Tokens.fingerprint(token);
    if (tokens.containsKey(fingerprint)) {
      Map<String, OwnerToken> next = live(clock.instant());
      next.remove(fingerprint);
      save(next);
    }
  }

  private Map<String, OwnerToken> live(Instant now) {
    Map<String, OwnerToken> next = new HashMap<>();
    tokens.values().stream()
        .filter(t -> t.expiresAt().isAfter(now))
        .forEach(t -> next.put(t.fingerprint(), t));
    return next;
  }

  private void save(Map<String, OwnerToken> next) throws IOException {
    file.write(new ArrayList<>(next.values()));
    tokens = Map.copyOf(next);
  }
}
