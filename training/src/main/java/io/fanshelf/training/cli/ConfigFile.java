package io.fanshelf.training.cli;

import io.fanshelf.recommender.settings.InvalidSettingException;
import io.fanshelf.recommender.settings.RankingSettings;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the ranking keys of the server's configuration file (application.yml: {@code
 * fanshelf.recommend.*}, {@code fanshelf.feedback.*}, {@code fanshelf.aggregates.*}) into the same
 * {@link RankingSettings} records the server binds them to, so training and serving map them onto
 * options the same way. Keys are written as in the file (kebab-case); durations as the server takes
 * them ({@code 14d}, {@code 30s}, {@code 250ms}, ISO-8601); every other key is ignored. A value of
 * the wrong type is refused naming its key.
 */
final class ConfigFile {
  private static final Pattern DURATION = Pattern.compile("([-+]?\\d+)(ns|us|ms|s|m|h|d)?");

  private ConfigFile() {}

  static RankingSettings read(Path file) throws IOException {
    Object root;
    try (Reader reader = Files.newBufferedReader(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (RuntimeException e) { // snakeyaml's parse errors say line and column
      throw new IllegalArgumentException(file + " is not readable YAML: " + e.getMessage(), e);
    }
    Object fanshelf = root instanceof Map<?, ?> map ? map.get("fanshelf") : null;
    Map<?, ?> tree = fanshelf instanceof Map<?, ?> map ? map : Map.of();
    return bind(RankingSettings.class, tree, "fanshelf");
  }

  private static <R extends Record> R bind(Class<R> type, Map<?, ?> tree, String path) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String key = kebab(components[i].getName());
      Object raw = tree.get(key);
      values[i] =
          raw == null ? null : convert(components[i].getGenericType(), raw, path + "." + key);
    }
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused; // the settings' own check, naming the key
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object convert(Type type, Object raw, String key) {
    if (type instanceof Class<?> plain && plain.isRecord()) {
      return bind((Class<? extends Record>) plain, expect(Map.class, raw, key, "a section"), key);
    }
    if (type == String.class) {
      return String.valueOf(raw);
    }
    if (type == Integer.class) {
      return expect(Integer.class, raw, key, "a whole number");
    }
    if (type == Double.class) {
      return expect(Number.class, raw, key, "a number").doubleValue();
    }
    if (type == Duration.class) {
      return duration(raw, key);
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
      List<Object> list = new ArrayList<>();
      // a list in YAML, or comma-separated as on the server's command line
      List<?> items =
          raw instanceof List<?> given ? given : Arrays.asList(String.valueOf(raw).split(","));
      for (int i = 0; i < items.size(); i++) {
        list.add(convert(generic.getActualTypeArguments()[0], items.get(i), key + "[" + i + "]"));
      }
      return list;
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
      Map<String, Object> map = new LinkedHashMap<>();
      expect(Map.class, raw, key, "a section")
          .forEach(
              (name, value) ->
                  map.put(
                      String.valueOf(name),
                      convert(generic.getActualTypeArguments()[1], value, key + "." + name)));
      return map;
    }
    throw new IllegalStateException("no conversion to " + type + " for " + key);
  }

  private static <T> T expect(Class<T> type, Object raw, String key, String what) {
    if (!type.isInstance(raw)) {
      throw new InvalidSettingException(key, "expected " + what + ", got '" + raw + "'");
    }
    return type.cast(raw);
  }

  private static Duration duration(Object raw, String key) {
    String text = String.valueOf(raw).strip();
    Matcher simple = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2) == null ? "ms" : simple.group(2)) {
        case "ns" -> Duration.ofNanos(amount);
        case "us" -> Duration.ofNanos(amount * 1_000);
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidSettingException(
          key, "expected a duration such as 14d, 12h, 30s or PT1H, got '" + text + "'");
    }
  }

  private static String kebab(String javaName) {
    return javaName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}
