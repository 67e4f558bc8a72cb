package io.fanshelf.training.registry;

/**
 * A model that loses to popularity or to the best built-in baseline on its validation window, asked
 * to be published without {@code force}; the message names both figures.
 */
public final class PublishRefusedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public PublishRefusedException(String message) {
    super(message);
  }
}
