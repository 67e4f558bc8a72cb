package io.fanshelf.recommender.settings;

/** A configuration value that was refused; the message starts with its key. */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the full key, e.g. {@code fanshelf.recommend.budget-per-source}
   * @param reason what was expected and what came
   */
  public InvalidSettingException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
