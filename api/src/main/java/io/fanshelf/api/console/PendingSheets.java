package io.fanshelf.api.console;

import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Label sheets waiting between the console's preview and its apply, each for its owner only, for up
 * to {@link #KEEP}. In memory and temporary files on one node; in Redis when several nodes share
 * it, so the apply may reach another node than the preview. Thread-safe.
 */
public interface PendingSheets extends AutoCloseable {
  /** How long a previewed sheet waits for "apply". */
  Duration KEEP = Duration.ofHours(1);

  /**
   * Keeps an uploaded sheet, which this store owns from then on (and closes).
   *
   * @return the id the apply form sends back
   */
  String keep(OwnerId owner, Uploads sheet) throws IOException;

  /**
   * The owner's waiting sheet with this id, no longer kept (a second apply finds nothing); empty
   * when expired, unknown or another owner's. The caller closes it.
   */
  Optional<Uploads> take(OwnerId owner, String id) throws IOException;

  /** Drops what this node holds. */
  @Override
  void close();
}
