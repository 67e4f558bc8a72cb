package io.fanshelf.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests for the operations of an OpenAPI document: each request is drawn from its own seeded
 * random source (the run's seed and the request's number), so one request can be named and made
 * again. Most requests carry the operation's credentials and a body shaped by its schema, then
 * broken: malformed JSON, wrong types, missing and unknown fields, long and odd ids, invalid UTF-8
 * and percent-encoding, NUL bytes, broken multipart and gzip, extreme numbers, empty bodies.
 */
final class FuzzRequests {
  /** How the request authenticates. */
  enum Credential {
    /** What the operation needs: an API key with its scope, or an owner token. */
    REQUIRED,
    /** An admin API key. */
    ADMIN,
    /** The other kind: an owner token for an app operation, an API key for an owner one. */
    WRONG_KIND,
    /** None at all. */
    NONE,
    /** A header that is no credential. */
    GARBAGE
  }

  /** One operation of the document. */
  record Operation(String method, String path, JsonNode operation, String scope, boolean owner) {
    String name() {
      return method + " " + path;
    }
  }

  /** The credentials a request may carry, issued by the test before the run. */
  record Credentials(Map<String, String> apiKeyByScope, String ownerToken) {}

  /** Known ids of the test data, so that some requests reach past the lookups. */
  record Samples(
      List<String> owners,
      List<String> fans,
      List<String> products,
      List<String> dimensions,
      List<String> values,
      List<String> segments,
      List<String> links) {}

  private static final Pattern SCOPE = Pattern.compile("scope `([a-z:]+)`");

  private static final String[] ODD_TEXT = {
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u0007\u001b[31m",
    "line\nbreak",
    "tab\there",
    "\ud800",
    "😀",
    "中文名字",
    "\u202eRTL",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "*",
    "..",
    "../../etc/passwd",
    "null",
    "-1",
    "0",
    "%",
    "x".repeat(129),
    "x".repeat(300),
    "\uFEFFbom",
  };

  private static final String[] ODD_PATH_SEGMENTS = {
    "%20",
    "a%20b",
    "*",
    "-1",
    "0",
    "99999999999999999999",
    "%2e%2e",
    "%2F",
    "%00",
    "a%00b",
    "%FF",
    "%C0%AF",
    "%F0%9F%98%80",
    "%E4%B8%AD%E6%96%87",
    "null",
    "%27%20OR%201%3D1",
    "%3Cscript%3E",
    "%25",
    "%",
    "%zz",
    "~",
    "a;b",
    "%5C",
  };

  private static final String[] ODD_QUERY_VALUES = {
    "",
    "%FF",
    "%C0%AF",
    "%00",
    "%zz",
    "%",
    "a%00b",
    "%F0%9F%98%80",
    "%0A",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NaN",
    "Infinity",
    "-0",
    "1.5",
    "abc",
    "true",
    "%2C%2C",
    "x".repeat(300),
    "%E4%B8%AD",
    "*",
    "..%2F..",
  };

  private static final String[] EXTREME_NUMBERS = {
    "1e309",
    "-1e309",
    "9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "1e-400",
    "0.1e99999",
    "-0",
    "2147483648",
    "NaN",
    "Infinity",
    "0x10",
    "01",
  };

  private static final String[] TIMES = {
    "2026-11-01T08:00:00Z",
    "2026-11-01T08:00:00+08:00",
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "2026-13-45T99:99:99Z",
    "1700000000000",
    "yesterday",
  };

  private final JsonNode document;
  private final Credentials credentials;
  private final Samples samples;
  private final List<Operation> operations;

  FuzzRequests(JsonNode document, Credentials credentials, Samples samples) {
    this.document = document;
    this.credentials = credentials;
    this.samples = samples;
    List<Operation> found = new ArrayList<>();
    for (var path : document.get("paths").properties()) {
      for (var entry : path.getValue().properties()) {
        JsonNode operation = entry.getValue();
        Matcher scope = SCOPE.matcher(operation.path("description").asString());
        boolean owner = operation.path("security").toString().contains("ownerToken");
        found.add(
            new Operation(
                entry.getKey().toUpperCase(),
                path.getKey(),
                operation,
                scope.find() ? scope.group(1) : null,
                owner));
      }
    }
    this.operations = List.copyOf(found);
  }

  List<Operation> operations() {
    return operations;
  }

  /** Request number {@code index} of the run with {@code seed}: the operations take turns. */
  Generated request(long seed, long index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    Operation operation = operations.get((int) (index % operations.size()));
    Credential credential = pickCredential(random);
    String method =
        random.nextInt(40) == 0
            ? pick(random, "PATCH", "TRACE", "OPTIONS", "HEAD")
            : operation.method();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    authorization(operation, credential, random)
        .ifPresent(a -> headers.add(header("Authorization", a)));
    if (random.nextInt(8) == 0) {
      headers.add(
          header("Accept", pick(random, "text/html", "application/xml", "*/*", "image/png")));
    }
    if (random.nextInt(10) == 0) {
      headers.add(header("Accept-Language", pick(random, "en", "zh-CN", "xx", ";;;", "*")));
    }
    String target = path(operation, random) + query(operation, random);
    Body body = body(operation, random);
    if (body.contentType() != null) {
      headers.add(header("Content-Type", body.contentType()));
    }
    if (body.bytes() != null && random.nextInt(30) == 0) {
      headers.add(header("Content-Encoding", pick(random, "gzip", "deflate", "br")));
    }
    return new Generated(
        operation,
        credential,
        new RawHttp.Request(method, target, headers, body.bytes(), body.cutOff()));
  }

  /** A request with the operation and credential it was made for. */
  record Generated(Operation operation, Credential credential, RawHttp.Request request) {}

  private record Body(String contentType, byte[] bytes, boolean cutOff) {
    static final Body NONE = new Body(null, null, false);
  }

  private static Credential pickCredential(SplittableRandom random) {
    int roll = random.nextInt(20);
    if (roll < 14) {
      return Credential.REQUIRED;
    }
    return switch (roll) {
      case 14, 15 -> Credential.ADMIN;
      case 16, 17 -> Credential.WRONG_KIND;
      case 18 -> Credential.NONE;
      default -> Credential.GARBAGE;
    };
  }

  private java.util.Optional<String> authorization(
      Operation operation, Credential credential, SplittableRandom random) {
    String admin = credentials.apiKeyByScope().get("admin");
    return switch (credential) {
      case REQUIRED ->
          java.util.Optional.of(
              operation.owner()
                  ? credentials.ownerToken()
                  : operation.scope() == null
                      ? admin
                      : credentials.apiKeyByScope().getOrDefault(operation.scope(), admin));
      case ADMIN -> java.util.Optional.of(admin);
      case WRONG_KIND ->
          java.util.Optional.of(
              operation.owner()
                  ? credentials.apiKeyByScope().get("recommend:read")
                  : credentials.ownerToken());
      case NONE -> java.util.Optional.empty();
      case GARBAGE ->
          java.util.Optional.of(
              pick(
                  random,
                  "Bearer",
                  "Bearer ",
                  "Bearer fsk_",
                  "Bearer fso_" + "x".repeat(43),
                  "Basic dXNlcjpwYXNz",
                  "Bearer fsk_" + "\u00ff".repeat(10),
                  "bearer " + "y".repeat(5000)));
    };
  }

  private String path(Operation operation, SplittableRandom random) {
    StringBuilder path = new StringBuilder();
    Matcher variable = Pattern.compile("\\{([^}]+)\\}").matcher(operation.path());
    int last = 0;
    while (variable.find()) {
      path.append(operation.path(), last, variable.start());
      path.append(pathValue(variable.group(1), random));
      last = variable.end();
    }
    path.append(operation.path().substring(last));
    if (random.nextInt(40) == 0) {
      path.append(pick(random, "/", "//", "/extra", ";x=1", "%2F", "/..", ".json"));
    }
    return path.toString();
  }

  private String pathValue(String name, SplittableRandom random) {
    if (random.nextInt(3) > 0) {
      return percentEncode(sampleFor(name, random));
    }
    return pick(random, ODD_PATH_SEGMENTS);
  }

  private String query(Operation operation, SplittableRandom random) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode parameter : operation.operation().path("parameters")) {
      if (!parameter.path("in").asString().equals("query") || random.nextInt(6) == 0) {
        continue;
      }
      String name = parameter.path("name").asString();
      String type = parameter.at("/schema/type").asString();
      int repeats = type.equals("array") ? 1 + random.nextInt(3) : random.nextInt(15) == 0 ? 2 : 1;
      for (int i = 0; i < repeats; i++) {
        pairs.add(name + "=" + queryValue(name, type, parameter.get("schema"), random));
      }
    }
    if (random.nextInt(8) == 0) {
      pairs.add(pick(random, "unknown=1", "%FF=1", "a%00=b", "=", "&", "owner=shop-lily", "x"));
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private String queryValue(String name, String type, JsonNode schema, SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return pick(random, ODD_QUERY_VALUES);
    }
    return switch (type) {
      case "integer" -> Integer.toString(random.nextInt(-5, 1200));
      case "number" -> Double.toString(random.nextDouble(-10, 100000));
      case "boolean" -> random.nextBoolean() ? "true" : "false";
      default -> {
        JsonNode values = schema == null ? null : schema.at("/items/enum");
        if (values == null || values.isMissingNode()) {
          values = schema == null ? null : schema.get("enum");
        }
        if (values != null && values.isArray() && !values.isEmpty() && random.nextBoolean()) {
          yield percentEncode(values.get(random.nextInt(values.size())).asString());
        }
        if (name.equals("label")) {
          yield percentEncode(
              pick(random, samples.dimensions())
                  + pick(random, "=", ":", "")
                  + pick(random, samples.values()));
        }
        yield percentEncode(sampleFor(name, random));
      }
    };
  }

  /** A value for a field or parameter named {@code name}: a known id, or odd text. */
  private String sampleFor(String name, SplittableRandom random) {
    if (random.nextInt(4) == 0) {
      return pick(random, ODD_TEXT);
    }
    String lower = name.toLowerCase();
    if (lower.contains("fan")) {
      return pick(random, samples.fans());
    }
    if (lower.contains("product")) {
      return pick(random, samples.products());
    }
    if (lower.contains("owner")) {
      return pick(random, samples.owners());
    }
    if (lower.contains("dimension") || lower.equals("unlabelled")) {
      return pick(random, samples.dimensions());
    }
    if (lower.contains("segment")) {
      return pick(random, samples.segments());
    }
    if (lower.contains("value")) {
      return pick(random, samples.values());
    }
    if (lower.equals("id")) {
      List<String> ids = new ArrayList<>(samples.segments());
      ids.addAll(samples.links());
      ids.add("job-1");
      ids.add("model-1");
      return pick(random, ids);
    }
    if (lower.contains("time") || lower.endsWith("at")) {
      return pick(random, TIMES);
    }
    return "x" + random.nextInt(1000);
  }

  private Body body(Operation operation, SplittableRandom random) {
    JsonNode content = operation.operation().at("/requestBody/content");
    if (content.isMissingNode() || content.isEmpty()) {
      // No body expected: mostly none, sometimes one anyway.
      return random.nextInt(10) == 0
          ? new Body("application/json", utf8("{\"unexpected\": true}"), false)
          : Body.NONE;
    }
    if (content.has("multipart/form-data")) {
      return multipart(resolve(content.at("/multipart~1form-data/schema")), random);
    }
    return json(resolve(content.at("/application~1json/schema")), random);
  }

  private Body json(JsonNode schema, SplittableRandom random) {
    String contentType =
        random.nextInt(12) == 0
            ? pick(
                random,
                "text/plain",
                "application/xml",
                "application/json; charset=ISO-8859-1",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "application/json; charset=x-unknown")
            : "application/json";
    if (random.nextInt(12) == 0) {
      return new Body(contentType, new byte[0], false);
    }
    Object value = value(schema, "", random, 0);
    int roll = random.nextInt(14);
    String text;
    switch (roll) {
      case 0 -> value = drop(value, random);
      case 1 -> value = addUnknown(value, random);
      case 2 -> value = replaceLeaf(value, random, wrongType(random));
      case 3 -> value = replaceLeaf(value, random, pick(random, ODD_TEXT));
      case 4 -> value = replaceLeaf(value, random, new Raw(pick(random, EXTREME_NUMBERS)));
      default -> {}
    }
    text = write(value);
    switch (roll) {
      case 5 -> text = text.substring(0, random.nextInt(Math.max(1, text.length())));
      case 6 -> text = text + pick(random, "}", "]", "garbage", ",", "\u0000", "{}");
      case 7 -> text = text.replace('"', '\'');
      case 8 -> text = pick(random, "null", "[]", "\"text\"", "0", "true", "{", "[", "{}");
      case 9 -> text = "[".repeat(random.nextInt(100, 3000)) + "]".repeat(random.nextInt(0, 3000));
      case 10 -> text = "{\"a\":".repeat(random.nextInt(100, 2000)) + "1";
      default -> {}
    }
    byte[] bytes = utf8(text);
    if (roll == 11) {
      bytes = withInvalidUtf8(bytes, random);
    } else if (roll == 12) {
      bytes = text.getBytes(StandardCharsets.UTF_16);
    } else if (roll == 13 && random.nextInt(4) == 0) {
      return new Body(contentType, bytes, true);
    }
    return new Body(contentType, bytes, false);
  }

  private Body multipart(JsonNode schema, SplittableRandom random) {
    String boundary = "fuzz" + Long.toHexString(random.nextLong());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<String> parts = new ArrayList<>();
    schema.path("properties").propertyNames().forEach(parts::add);
    if (parts.isEmpty() || random.nextInt(10) == 0) {
      parts.add(pick(random, "file", "other", ""));
    }
    int count = 1 + random.nextInt(Math.min(3, parts.size()));
    for (int i = 0; i < count; i++) {
      String part = pick(random, parts);
      String fileName =
          random.nextInt(3) > 0
              ? part + pick(random, ".csv", ".csv.gz", ".jsonl", ".json", ".gz", "")
              : pick(
                  random,
                  "a\u0000b.csv",
                  "x".repeat(300) + ".csv",
                  "../../etc/passwd",
                  "",
                  "中文.csv",
                  "con.csv",
                  "a\"b.csv",
                  " .csv");
      write(body, "--" + boundary + "\r\n");
      write(
          body,
          "Content-Disposition: form-data; name=\""
              + part
              + "\""
              + (random.nextInt(12) == 0 ? "" : "; filename=\"" + fileName + "\"")
              + "\r\n");
      write(
          body,
          "Content-Type: "
              + pick(random, "text/csv", "application/gzip", "application/octet-stream")
              + "\r\n\r\n");
      body.writeBytes(fileContent(part, fileName, random));
      write(body, "\r\n");
    }
    if (random.nextInt(8) > 0) {
      write(body, "--" + boundary + "--\r\n");
    }
    byte[] bytes = body.toByteArray();
    String contentType = "multipart/form-data; boundary=" + boundary;
    switch (random.nextInt(10)) {
      case 0 -> contentType = "multipart/form-data";
      case 1 -> contentType = "multipart/form-data; boundary=other";
      case 2 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
      case 3 -> {
        return new Body(contentType, bytes, true);
      }
      case 4 -> bytes = new byte[0];
      default -> {}
    }
    return new Body(contentType, bytes, false);
  }

  private byte[] fileContent(String part, String fileName, SplittableRandom random) {
    String csv =
        switch (part) {
          case "labels", "file" ->
              (part.equals("labels")
                      ? "owner_id,fan_id,skin_type\nshop-lily,"
                      : "fan_id,skin_type\n")
                  + pick(random, samples.fans())
                  + ","
                  + pick(random, samples.values())
                  + "\n";
          case "events" ->
              "{\"id\": \"fz-"
                  + random.nextInt(1000)
                  + "\", \"fan\": \"fan-0001\", \"product\": \"bh-001\", \"type\": \"view\","
                  + " \"time\": \""
                  + pick(random, TIMES)
                  + "\"}\n";
          case "fans" -> "owner_id,fan_id,nickname\nshop-lily,fan-fz" + random.nextInt(50) + ",x\n";
          default -> "id,title\nfz-" + random.nextInt(100) + ",\"unterminated\n";
        };
    byte[] plain = utf8(csv);
    return switch (random.nextInt(10)) {
      case 0 -> gzip(plain);
      case 1 -> java.util.Arrays.copyOf(gzip(plain), Math.max(1, gzip(plain).length - 5));
      case 2 -> concat(gzip(plain), utf8("trailing garbage"));
      case 3 -> withInvalidUtf8(plain, random);
      case 4 -> new byte[0];
      case 5 -> utf8(csv.replace(",", ",\"").replace("\n", "\u0000\n"));
      case 6 -> concat(new byte[] {0x1f, (byte) 0x8b, 8, 0}, plain);
      case 7 -> csv.getBytes(java.nio.charset.Charset.forName("GBK"));
      default -> fileName.endsWith(".gz") ? gzip(plain) : plain;
    };
  }

  /** A value shaped like {@code schema}: objects with their properties, ids from the samples. */
  private Object value(JsonNode schema, String name, SplittableRandom random, int depth) {
    schema = resolve(schema);
    String type = schema.path("type").asString();
    if (schema.has("enum") && random.nextInt(5) > 0) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).asString();
    }
    switch (type) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth < 4) {
          for (var property : schema.path("properties").properties()) {
            if (random.nextInt(4) > 0) {
              object.put(
                  property.getKey(),
                  value(property.getValue(), property.getKey(), random, depth + 1));
            }
          }
        }
        return object;
      }
      case "array" -> {
        List<Object> array = new ArrayList<>();
        int size = random.nextInt(20) == 0 ? 10_001 : random.nextInt(4);
        JsonNode items = schema.path("items");
        for (int i = 0; i < size; i++) {
          array.add(size > 100 ? tinyEvent(i) : value(items, name, random, depth + 1));
        }
        return array;
      }
      case "integer" -> {
        return random.nextInt(8) == 0
            ? new Raw(pick(random, EXTREME_NUMBERS))
            : random.nextInt(-3, 100);
      }
      case "number" -> {
        return random.nextInt(8) == 0
            ? new Raw(pick(random, EXTREME_NUMBERS))
            : random.nextDouble(-1, 2);
      }
      case "boolean" -> {
        return random.nextBoolean();
      }
      default -> {
        if (name.equals("password")) {
          return pick(random, "short", "long-enough-password", "");
        }
        if (name.equals("ranking")) {
          return pick(random, "served", "learned", "forest");
        }
        if (name.equals("split")) {
          return pick(random, "time:0.8", "last:0.2", "time:2", "last:-1", "time:NaN", "x");
        }
        if (name.equals("scopes")) {
          return pick(random, "events:write", "recommend:read", "admin", "root");
        }
        if (name.equals("type")) {
          return pick(random, "view", "purchase", "rating", "cart", "teleport");
        }
        return sampleFor(name, random);
      }
    }
  }

  private static Map<String, Object> tinyEvent(int i) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "fz-big-" + i);
    event.put("fan", "fan-0001");
    event.put("product", "bh-001");
    event.put("type", "view");
    event.put("time", "2026-11-01T08:00:00Z");
    return event;
  }

  private JsonNode resolve(JsonNode schema) {
    if (schema != null && schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      return document.at(ref.substring(1));
    }
    return schema == null ? document.path("no such node") : schema;
  }

  /** A JSON number or literal written as is. */
  private record Raw(String text) {}

  private static Object wrongType(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> new LinkedHashMap<String, Object>();
      case 1 -> new ArrayList<Object>();
      case 2 -> random.nextInt();
      case 3 -> "a string";
      case 4 -> Boolean.TRUE;
      default -> new Raw("null");
    };
  }

  private static Object drop(Object value, SplittableRandom random) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      List<?> keys = new ArrayList<>(map.keySet());
      map.remove(keys.get(random.nextInt(keys.size())));
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Object addUnknown(Object value, SplittableRandom random) {
    if (value instanceof Map<?, ?> map) {
      ((Map<String, Object>) map)
          .put(pick(random, "unknown", "rankin", "__proto__", "", "\u0000"), 1);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Object replaceLeaf(Object value, SplittableRandom random, Object replacement) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      List<?> keys = new ArrayList<>(map.keySet());
      Object key = keys.get(random.nextInt(keys.size()));
      Object child = map.get(key);
      ((Map<Object, Object>) map)
          .put(
              key,
              child instanceof Map || child instanceof List
                  ? replaceLeaf(child, random, replacement)
                  : replacement);
      return value;
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      int at = random.nextInt(list.size());
      Object child = list.get(at);
      ((List<Object>) list)
          .set(
              at,
              child instanceof Map || child instanceof List
                  ? replaceLeaf(child, random, replacement)
                  : replacement);
      return value;
    }
    return replacement;
  }

  private static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case Raw raw -> out.append(raw.text());
      case String text -> {
        out.append('"');
        for (char c : text.toCharArray()) {
          switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
              if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
              } else {
                out.append(c);
              }
            }
          }
        }
        out.append('"');
      }
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (var entry : map.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(String.valueOf(entry.getKey()), out);
          out.append(':');
          write(entry.getValue(), out);
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(list.get(i), out);
        }
        out.append(']');
      }
      default -> out.append(value);
    }
  }

  private static byte[] withInvalidUtf8(byte[] bytes, SplittableRandom random) {
    byte[][] bad = {
      {(byte) 0xff},
      {(byte) 0xc0, (byte) 0xaf},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xe4, (byte) 0xb8}
    };
    byte[] insert = bad[random.nextInt(bad.length)];
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    // Inside a string where there is one, so that the JSON stays well-formed apart from the bytes.
    for (int i = at; i < bytes.length; i++) {
      if (bytes[i] == '"') {
        at = i + 1;
        break;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(insert);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new IllegalStateException("gzip in memory", e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(utf8(text));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Percent-encodes every byte but unreserved ASCII, as a careful client would. */
  static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : utf8(text)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static Map.Entry<String, String> header(String name, String value) {
    return new AbstractMap.SimpleImmutableEntry<>(name, value);
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static <T> T pick(SplittableRandom random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
