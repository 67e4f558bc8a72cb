package io.fanshelf.api.auth;

import io.fanshelf.api.store.JsonFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/** API keys in {@code <data>/api/api-keys.json}, all held in memory. Thread-safe. */
public final class FileApiKeyStore implements ApiKeyStore {
  /** Every API key starts with this, so that a leaked key is easy to recognise. */
  public static final String PREFIX = "fsk_";

  private final JsonFile<List<ApiKey>> file;
  private final Clock clock;
  private volatile List<ApiKey> keys;

  public FileApiKeyStore(Path dir, ObjectMapper mapper, Clock clock) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("api-keys.json"),
            mapper,
            mapper.getTypeFactory().constructCollectionType(List.class, ApiKey.class),
            List::of);
    this.clock = clock;
    this.keys = List.copyOf(file.read());
  }

  @Override
  public synchronized Created create(String name, Set<Scope> scopes) throws IOException {
    String secret = Tokens.random(PREFIX);
    ApiKey key =
        new ApiKey(
            Tokens.id("key_"),
            name,
            scopes,
            Tokens.fingerprint(secret),
            clock.instant(),
            Optional.empty());
    List<ApiKey> next = new ArrayList<>(keys);
    next.add(key);
    file.write(next);
    keys = List.copyOf(next);
    return new Created(key, secret);
  }

  @Override
  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String fingerprint = Tokens.fingerprint(secret);
    return keys.stream()
        .filter(k -> k.active() && Tokens.same(k.fingerprint(), fingerprint))
        .findFirst();
  }

  @Override
  public List<ApiKey> list() {
    return keys;
  }

  @Override
  public synchronized boolean revoke(String id) throws IOException {
    List<ApiKey> next = new ArrayList<>();
    boolean found = false;
    for (ApiKey key : keys) {
      if (key.id().equals(id) && key.active()) {
        found = true;
        next.add(
            new ApiKey(
                key.id(),
                key.name(),
                key.scopes(),
                key.fingerprint(),
                key.createdAt(),
                Optional.of(clock.instant())));
      } else {
        next.add(key);
      }
    }
    if (found) {
      file.write(next);
      keys = List.copyOf(next);
    }
    return found;
  }
}
