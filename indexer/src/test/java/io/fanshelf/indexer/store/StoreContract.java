package io.fanshelf.indexer.store;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every contract suite shares: a fresh backend per test, opened on a fresh directory, and a
 * way to close it and open it again on the same data.
 *
 * <p>A backend implementation subclasses each suite ({@link CatalogStoreContract}, {@link
 * FanStoreContract}, {@link EventStoreContract}, {@link MetadataStoreContract}) and implements
 * {@link #openBackend}. The suites use only the public store interfaces. Each test method gets its
 * own instance and its own directory; the backend is closed after the test.
 */
public abstract class StoreContract {
  /** Empty at the start of each test; the backend's data lives here (or is named after it). */
  @TempDir protected Path dataDir;

  private StoreBackend backend;

  /**
   * Opens the backend on {@code dir}. Called once per test on an empty directory, and again by
   * {@link #reopen()} on the same directory, which must then give back everything acknowledged
   * before. A backend that does not keep its data on local disk (Elasticsearch) uses the directory
   * as a unique namespace, e.g. derives an index prefix from its name.
   */
  protected abstract StoreBackend openBackend(Path dir) throws IOException;

  /**
   * Closes {@code current} and opens the backend again on the same data. Override when closing and
   * opening is not what "the process restarted" means for a backend.
   */
  protected StoreBackend reopenBackend(StoreBackend current, Path dir) throws IOException {
    current.close();
    return openBackend(dir);
  }

  @BeforeEach
  protected final void openFreshBackend() throws IOException {
    backend = openBackend(dataDir);
  }

  @AfterEach
  protected final void closeBackend() throws IOException {
    if (backend != null) {
      backend.close();
      backend = null;
    }
  }

  /** The backend under test; valid until the next {@link #reopen()}. */
  protected final StoreBackend backend() {
    return backend;
  }

  /** Closes the backend and opens it again on the same data, as after a restart. */
  protected final StoreBackend reopen() throws IOException {
    StoreBackend current = backend;
    backend = null;
    backend = reopenBackend(current, dataDir);
    return backend;
  }

  /**
   * A list that hands out {@code good} elements and then fails when the element after them is read:
   * a batch that breaks midway through the public API, whatever the backend does first.
   */
  protected static <T> java.util.List<T> failingAfter(java.util.List<T> good, RuntimeException e) {
    return new java.util.AbstractList<T>() {
      @Override
      public T get(int index) {
        if (index < good.size()) {
          return good.get(index);
        }
        throw e;
      }

      @Override
      public int size() {
        return good.size() + 1;
      }
    };
  }

  /** The innermost cause of {@code thrown}: a backend may wrap what a batch threw. */
  protected static Throwable rootCause(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
