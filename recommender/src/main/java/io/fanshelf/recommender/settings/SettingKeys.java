package io.fanshelf.recommender.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns an option record's rejection into one naming the configuration key. The option records
 * start their messages with the component at fault ({@code frequencyCap must be >= 0, got -1}); the
 * settings records use the same component names, so that component becomes the key.
 */
final class SettingKeys {
  private static final Pattern UPPER = Pattern.compile("([A-Z])");

  private SettingKeys() {}

  /**
   * Builds an option record from the settings record {@code settings} found under {@code prefix}.
   *
   * @throws InvalidSettingException naming the key of the rejected value, else {@code prefix}
   */
  static <T> T build(String prefix, Class<? extends Record> settings, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidSettingException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int space = message.indexOf(' ');
      String subject = space < 0 ? message : message.substring(0, space);
      String component = subject.split("\\.", 2)[0];
      boolean named =
          Arrays.stream(settings.getRecordComponents())
              .anyMatch(c -> c.getName().equals(component));
      if (named && space > 0) {
        throw new InvalidSettingException(
            prefix + "." + kebab(subject), message.substring(space + 1));
      }
      throw new InvalidSettingException(prefix, message);
    }
  }

  /** Runs a check of the value at {@code key}; its rejection is reported under that key. */
  static <T> T at(String key, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(key, String.valueOf(e.getMessage()));
    }
  }

  /** {@code budgetPerSource} as written in the file: {@code budget-per-source}. */
  static String kebab(String javaName) {
    return UPPER.matcher(javaName).replaceAll(m -> "-" + m.group(1).toLowerCase(Locale.ROOT));
  }
}
