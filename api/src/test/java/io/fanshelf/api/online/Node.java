package io.fanshelf.api.online;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.FanShelfApplication;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One API node in this JVM: the whole application on a random port, its own data directory with the
 * beauty-home fixture, talking over real HTTP. Several may share one Redis.
 */
final class Node implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  final String name;
  final Path dataDir;
  final ConfigurableApplicationContext context;
  final String base;

  private Node(String name, Path dataDir, ConfigurableApplicationContext context) {
    this.name = name;
    this.dataDir = dataDir;
    this.context = context;
    this.base =
        "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Starts a node; {@code extra} are more properties (fanshelf.redis.url ...). */
  static Node start(String name, Map<String, String> extra) {
    Path dataDir = Path.of("target", "test-data", name + "-" + UUID.randomUUID()).toAbsolutePath();
    List<String> properties =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--fanshelf.data-dir=" + dataDir,
                "--fanshelf.demo=true",
                "--fanshelf.demo-data=classpath:fixtures/beauty-home/",
                "--fanshelf.demo-password=" + ApiTestBase.PASSWORD,
                "--fanshelf.auth.bcrypt-strength=4",
                "--logging.level.root=WARN",
                "--logging.file.name=target/test-data/" + name + ".log",
                "--spring.main.banner-mode=off"));
    extra.forEach((key, value) -> properties.add("--" + key + "=" + value));
    // As command-line arguments: they win over application.yml, as they would in production.
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(FanShelfApplication.class)
            .run(properties.toArray(String[]::new));
    return new Node(name, dataDir, context);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  String apiKey(Scope... scopes) throws IOException {
    return "Bearer " + bean(ApiKeyStore.class).create(name, Set.of(scopes)).secret();
  }

  String owner(OwnerId owner) throws IOException {
    return "Bearer "
        + bean(TokenStore.class).issue(owner, OwnerToken.Kind.API, Duration.ofHours(1)).token();
  }

  HttpResponse<String> get(String path, String auth) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return send(request);
  }

  HttpResponse<String> send(String method, String path, String auth, String json)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    context.close();
  }
}
