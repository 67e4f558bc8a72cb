package io.fanshelf.api.auth;

import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/** Owner accounts in {@code <data>/api/accounts.json}, held in memory. Thread-safe. */
public final class FileAccountStore implements AccountStore {
  private final JsonFile<List<OwnerAccount>> file;
  private volatile List<OwnerAccount> accounts;

  public FileAccountStore(Path dir, ObjectMapper mapper) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("accounts.json"),
            mapper,
            mapper.getTypeFactory().constructCollectionType(List.class, OwnerAccount.class),
            List::of);
    this.accounts = List.copyOf(file.read());
  }

  @Override
  public Optional<OwnerAccount> get(OwnerId owner) {
    return accounts.stream().filter(a -> a.owner().equals(owner)).findFirst();
  }

  @Override
  public List<OwnerAccount> list() {
    return accounts;
  }

  @Override
  public synchronized void put(OwnerAccount account) throws IOException {
    List<OwnerAccount> next = new ArrayList<>();
    accounts.stream().filter(a -> !a.owner().equals(account.owner())).forEach(next::add);
    next.add(account);
    file.write(next);
    accounts = List.copyOf(next);
  }
}
