package io.fanshelf.training.registry;

import java.io.IOException;

/**
 * A file that is not a FanShelf model artifact this build can load (foreign, damaged or newer), or
 * a model trained with feature settings other than the server's.
 */
public final class ArtifactRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArtifactRefusedException(String message) {
    super(message);
  }

  public ArtifactRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
