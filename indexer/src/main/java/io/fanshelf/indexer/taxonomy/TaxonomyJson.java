package io.fanshelf.indexer.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the taxonomy document described in docs/data-formats.md (JSON, or the same tree
 * in YAML). Reading collects every problem with its path ({@code dimensions[2].values[0].match})
 * instead of stopping at the first.
 */
public final class TaxonomyJson {
  private TaxonomyJson() {}

  /** A problem at a path inside the document. */
  public record Problem(String path, String message) {}

  /** Thrown when a document is not a valid taxonomy; carries all problems found. */
  public static final class InvalidTaxonomyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    InvalidTaxonomyException(List<Problem> problems) {
      super(problems.size() + " problem(s), first: " + problems.getFirst());
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  public static Taxonomy read(JsonNode root) throws InvalidTaxonomyException {
    List<Problem> problems = new ArrayList<>();
    Taxonomy taxonomy = null;
    if (root == null || !root.isObject()) {
      problems.add(new Problem("$", "expected an object with version and dimensions"));
    } else {
      int version = root.path("version").asInt(0);
      if (!root.path("version").isInt()) {
        problems.add(new Problem("version", "expected a whole number >= 1"));
      }
      List<Dimension> dimensions = new ArrayList<>();
      JsonNode list = root.path("dimensions");
      if (!list.isArray()) {
        problems.add(new Problem("dimensions", "expected a list of dimensions"));
      } else {
        for (int i = 0; i < list.size(); i++) {
          readDimension(list.get(i), "dimensions[" + i + "]", problems).ifPresent(dimensions::add);
        }
      }
      if (problems.isEmpty()) {
        try {
          taxonomy = new Taxonomy(version, dimensions);
        } catch (IllegalArgumentException e) {
          problems.add(new Problem("$", e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidTaxonomyException(problems);
    }
    return taxonomy;
  }

  private static Optional<Dimension> readDimension(
      JsonNode node, String path, List<Problem> problems) {
    int before = problems.size();
    String id = node.path("id").asString("");
    String where = path + (id.isEmpty() ? "" : " (" + id + ")");
    Cardinality cardinality =
        enumValue(Cardinality.class, node.path("cardinality"), where + ".cardinality", problems);
    Visibility visibility =
        enumValue(Visibility.class, node.path("visibility"), where + ".visibility", problems);
    LocalizedName names = names(node.path("names"), where + ".names", problems);
    List<DimensionValue> values = new ArrayList<>();
    JsonNode list = node.path("values");
    if (!list.isArray() || list.isEmpty()) {
      problems.add(new Problem(where + ".values", "expected a non-empty list of values"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        readValue(list.get(i), where + ".values[" + i + "]", problems).ifPresent(values::add);
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Dimension(
              id, node.path("domain").asString(""), cardinality, visibility, names, values));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(where, e.getMessage()));
      return Optional.empty();
    }
  }

  private static Optional<DimensionValue> readValue(
      JsonNode node, String path, List<Problem> problems) {
    int before = problems.size();
    String id = node.path("id").asString("");
    String where = path + (id.isEmpty() ? "" : " (" + id + ")");
    LocalizedName names = names(node.path("names"), where + ".names", problems);
    Optional<MatchRule> match =
        node.has("match") && !node.get("match").isNull()
            ? rule(node.get("match"), where + ".match", problems)
            : Optional.empty();
    JsonNode retired = node.path("retired");
    if (!retired.isMissingNode() && !retired.isBoolean()) {
      problems.add(new Problem(where + ".retired", "expected true or false"));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DimensionValue(id, names, match, retired.asBoolean(false)));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(where, e.getMessage()));
      return Optional.empty();
    }
  }

  private static Optional<MatchRule> rule(JsonNode node, String path, List<Problem> problems) {
    try {
      if (!node.isObject() || node.size() == 0) {
        throw new IllegalArgumentException(
            "expected one of {attribute, value}, {tag}, {category}, {price_min, price_max}, {any}");
      }
      if (node.has("any")) {
        List<MatchRule> rules = new ArrayList<>();
        JsonNode list = node.get("any");
        if (!list.isArray()) {
          throw new IllegalArgumentException("'any' expects a list of rules");
        }
        for (int i = 0; i < list.size(); i++) {
          rule(list.get(i), path + ".any[" + i + "]", problems).ifPresent(rules::add);
        }
        return Optional.of(new MatchRule.AnyOf(rules));
      }
      if (node.has("attribute")) {
        return Optional.of(
            new MatchRule.Attribute(
                node.get("attribute").asString(""), node.path("value").asString("")));
      }
      if (node.has("tag")) {
        return Optional.of(new MatchRule.Tag(node.get("tag").asString("")));
      }
      if (node.has("category")) {
        return Optional.of(new MatchRule.Category(node.get("category").asString("")));
      }
      if (node.has("price_min") || node.has("price_max")) {
        return Optional.of(
            new MatchRule.PriceBand(cents(node.get("price_min")), cents(node.get("price_max"))));
      }
      throw new IllegalArgumentException(
          "unknown rule "
              + node.propertyNames()
              + "; expected attribute, tag, category, price_min/price_max or any");
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(path, e.getMessage()));
      return Optional.empty();
    }
  }

  private static OptionalLong cents(JsonNode price) {
    if (price == null || price.isNull()) {
      return OptionalLong.empty();
    }
    if (!price.isNumber()) {
      throw new IllegalArgumentException("a price bound must be a number, got " + price);
    }
    return OptionalLong.of(Math.round(price.asDouble() * 100));
  }

  private static LocalizedName names(JsonNode node, String path, List<Problem> problems) {
    try {
      if (!node.isObject()) {
        throw new IllegalArgumentException("expected {\"zh-CN\": ..., \"en\": ...}");
      }
      return new LocalizedName(node.path("zh-CN").asString(null), node.path("en").asString(null));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(path, e.getMessage()));
      return null;
    }
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, JsonNode node, String path, List<Problem> problems) {
    String text = node.asString("");
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    List<String> expected = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      expected.add(constant.name().toLowerCase(Locale.ROOT));
    }
    problems.add(new Problem(path, "expected one of " + expected + ", got '" + text + "'"));
    return null;
  }

  /** The document form of a taxonomy; {@link #read} of it gives back an equal taxonomy. */
  public static ObjectNode write(Taxonomy taxonomy) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", taxonomy.version());
    ArrayNode dimensions = root.putArray("dimensions");
    for (Dimension d : taxonomy.dimensions()) {
      ObjectNode dn = dimensions.addObject();
      dn.put("id", d.id());
      dn.put("domain", d.domain());
      dn.put("cardinality", d.cardinality().name().toLowerCase(Locale.ROOT));
      dn.put("visibility", d.visibility().name().toLowerCase(Locale.ROOT));
      dn.set("names", names(d.names()));
      ArrayNode values = dn.putArray("values");
      for (DimensionValue v : d.values()) {
        ObjectNode vn = values.addObject();
        vn.put("id", v.id());
        vn.set("names", names(v.names()));
        v.match().ifPresent(rule -> vn.set("match", rule(rule)));
        if (v.retired()) {
          vn.put("retired", true);
        }
      }
    }
    return root;
  }

  private static ObjectNode names(LocalizedName names) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("zh-CN", names.zh());
    node.put("en", names.en());
    return node;
  }

  private static ObjectNode rule(MatchRule rule) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (rule instanceof MatchRule.Attribute a) {
      node.put("attribute", a.name());
      node.put("value", a.value());
    } else if (rule instanceof MatchRule.Tag t) {
      node.put("tag", t.tag());
    } else if (rule instanceof MatchRule.Category c) {
      node.put("category", c.prefix());
    } else if (rule instanceof MatchRule.PriceBand p) {
      p.minCents().ifPresent(min -> node.put("price_min", min / 100.0));
      p.maxCents().ifPresent(max -> node.put("price_max", max / 100.0));
    } else if (rule instanceof MatchRule.AnyOf any) {
      ArrayNode list = node.putArray("any");
      any.rules().forEach(r -> list.add(rule(r)));
    }
    return node;
  }
}
