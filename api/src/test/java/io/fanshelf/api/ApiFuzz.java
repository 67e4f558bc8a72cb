package io.fanshelf.api;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the requests of {@link FuzzRequests} to a server and checks every answer: no 5xx, an answer
 * to every request that was sent whole, no Java type or stack frame in an error. Used by {@link
 * ApiFuzzIT} and, through {@link #main}, against any running server (the long run and the memory
 * measurement of docs/operations.md).
 */
final class ApiFuzz {
  // A Java type or a stack frame in an answer: what a client must never be shown.
  private static final Pattern LEAK =
      Pattern.compile(
          "\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework"
              + "|org\\.apache|io\\.fanshelf)\\.[a-z]+\\.|\\bat [\\w.$]+\\(\\w+\\.java:\\d+\\)"
              + "|\\b\\w*Exception\\b|\\b[A-Z]\\w+\\$[A-Z]\\w+");

  private final int port;
  private final FuzzRequests requests;

  ApiFuzz(int port, FuzzRequests requests) {
    this.port = port;
    this.requests = requests;
  }

  /** A request that failed: its number, what was sent and what came. */
  record Failure(long index, String why, RawHttp.Request request, RawHttp.Answer answer) {
    String report(long seed) {
      return "request #"
          + index
          + " (-Dfanshelf.fuzz.seed="
          + seed
          + "): "
          + why
          + "\n"
          + request.describe()
          + "\n-> "
          + answer.head().lines().findFirst().orElse("(no answer)")
          + "\n"
          + answer.body().substring(0, Math.min(800, answer.body().length()));
    }
  }

  /**
   * What a run found.
   *
   * @param requests requests sent
   * @param seconds how long they took
   * @param answers count by status class (2xx, 4xx ...; "closed" for no answer)
   * @param failures the requests that failed, by number
   */
  record Result(long requests, double seconds, Map<String, Long> answers, List<Failure> failures) {
    String summary(long seed) {
      return String.format(
          "API fuzz: seed %d, %d requests in %.1f s, answers %s, %d failures",
          seed, requests, seconds, answers, failures.size());
    }

    String failureReport(long seed) {
      StringBuilder report = new StringBuilder(failures.size() + " failed requests; the first:\n");
      failures.stream().limit(10).forEach(f -> report.append(f.report(seed)).append("\n\n"));
      return report.toString();
    }
  }

  /** Requests {@code 0..count-1} of the run with {@code seed}, over {@code threads} connections. */
  Result run(long seed, long count, int threads) throws Exception {
    Map<String, AtomicLong> byStatus = new TreeMap<>();
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicLong next = new AtomicLong();
    long started = System.nanoTime();
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("fuzz-", 0).factory());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (long i; (i = next.getAndIncrement()) < count; ) {
                    FuzzRequests.Generated generated = requests.request(seed, i);
                    RawHttp.Answer answer = RawHttp.send(port, generated.request());
                    String status = answer.status() < 0 ? "closed" : answer.status() / 100 + "xx";
                    synchronized (byStatus) {
                      byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                    check(i, generated.request(), answer).ifPresent(failures::add);
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> answers = new TreeMap<>();
    byStatus.forEach((status, n) -> answers.put(status, n.get()));
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort(Comparator.comparingLong(Failure::index));
    return new Result(count, (System.nanoTime() - started) / 1e9, answers, sorted);
  }

  private static Optional<Failure> check(
      long index, RawHttp.Request request, RawHttp.Answer answer) {
    if (answer.status() >= 500) {
      return Optional.of(new Failure(index, "a server error", request, answer));
    }
    if (answer.status() < 0 && !request.cutOff()) {
      return Optional.of(new Failure(index, "no answer", request, answer));
    }
    if (answer.status() >= 400 && LEAK.matcher(answer.body()).find()) {
      return Optional.of(new Failure(index, "the answer names Java internals", request, answer));
    }
    return Optional.empty();
  }

  /**
   * The long run against a running server: {@code PORT ADMIN_KEY OWNER PASSWORD [REQUESTS] [SEED]
   * [THREADS]}. Makes an API key per scope and signs the owner in, takes fans and products from the
   * owner's data, then fuzzes and prints the summary and the first failures; exit 1 on a failure.
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String admin = "Bearer " + args[1];
    String ownerId = args[2];
    long count = args.length > 4 ? Long.parseLong(args[4]) : 100_000;
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 16;
    int threads = args.length > 6 ? Integer.parseInt(args[6]) : 4;
    Client client = new Client(port);
    JsonNode document = JsonMapper.shared().readTree(client.get("/v3/api-docs", null));
    Map<String, String> keys = new TreeMap<>();
    for (String scope : List.of("events:write", "recommend:read", "admin")) {
      String made =
          client.send(
              "POST",
              "/api/v1/admin/api-keys",
              admin,
              "{\"name\": \"fuzz " + scope + "\", \"scopes\": [\"" + scope + "\"]}");
      keys.put(scope, "Bearer " + JsonPath.read(made, "$.key"));
    }
    String owner =
        "Bearer "
            + JsonPath.read(
                client.send(
                    "POST",
                    "/api/v1/auth/token",
                    null,
                    "{\"owner\": \"" + ownerId + "\", \"password\": \"" + args[3] + "\"}"),
                "$.token");
    List<String> fans =
        new ArrayList<>(
            JsonPath.read(client.get("/api/v1/owner/fans?size=20", owner), "$.fans[*].id"));
    List<String> products =
        new ArrayList<>(
            JsonPath.read(
                client.get(
                    "/api/v1/recommendations?owner=" + ownerId + "&fan=" + fans.getFirst(),
                    keys.get("recommend:read")),
                "$.items[*].product"));
    fans.add("fan-none");
    products.add("product-none");
    FuzzRequests requests =
        new FuzzRequests(
            document,
            new FuzzRequests.Credentials(keys, owner),
            new FuzzRequests.Samples(
                List.of(ownerId, "shop-none"),
                fans,
                products,
                List.of("skin_type", "home_style", "price_sensitivity", "no_such_dimension"),
                List.of("dry", "oily", "油皮", "颜值", "nonsense"),
                List.of("seg_none"),
                List.of("lnk_none")));
    Result result = new ApiFuzz(port, requests).run(seed, count, threads);
    System.out.println(result.summary(seed));
    if (!result.failures().isEmpty()) {
      System.out.println(result.failureReport(seed));
      System.exit(1);
    }
  }

  /** Ordinary requests for setting up a run. */
  private static final class Client {
    private final int port;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Client(int port) {
      this.port = port;
    }

    String get(String target, String authorization) throws IOException, InterruptedException {
      return send("GET", target, authorization, null);
    }

    String send(String method, String target, String authorization, String json)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + target + ": " + answer.body());
      }
      return answer.body();
    }
  }

  /** The resident set size of this JVM in KB; 0 where /proc is missing. */
  static long rssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .findFirst()
        .orElse(0);
  }
}
