package io.fanshelf.api.auth;

import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Owner accounts. Implementations are thread-safe and durable when a write returns. */
public interface AccountStore {
  Optional<OwnerAccount> get(OwnerId owner);

  List<OwnerAccount> list();

  /** Adds or replaces the account of its owner. */
  void put(OwnerAccount account) throws IOException;
}
