package io.fanshelf.api.store;

import io.fanshelf.api.auth.FileAccountStore;
import io.fanshelf.api.auth.FileApiKeyStore;
import io.fanshelf.api.auth.FileTokenStore;
import io.fanshelf.api.owner.FileCurationStore;
import io.fanshelf.api.owner.FileSegmentStore;
import io.fanshelf.api.shelf.FileShareLinkStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The API state contract on the embedded default's files; reopening is a restart. */
class FileApiStateTest extends ApiStateContract {
  @TempDir Path dir;

  @Override
  protected Stores open() throws Exception {
    return reopen();
  }

  @Override
  protected Stores reopen() throws Exception {
    return new Stores(
        new FileAccountStore(dir, MAPPER),
        new FileApiKeyStore(dir, MAPPER, clock),
        new FileTokenStore(dir, MAPPER, clock),
        new FileSegmentStore(dir, MAPPER),
        new FileCurationStore(dir, MAPPER),
        new FileShareLinkStore(dir, MAPPER, clock));
  }
}
