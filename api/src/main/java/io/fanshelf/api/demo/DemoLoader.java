package io.fanshelf.api.demo;

import io.fanshelf.api.auth.AccountStore;
import io.fanshelf.api.auth.ApiKey;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkStore;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code fanshelf.demo=true}): on an empty data directory, imports the demo files
 * packaged in the jar ({@code fanshelf.demo-data}); then makes sure every owner has a console
 * account with {@code fanshelf.demo-password}, creates a fresh admin API key (revoking the previous
 * demo key), and prints the console URL, a demo owner's credentials, the key and one shelf link.
 */
@Component
public class DemoLoader implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  private static final String KEY_NAME = "demo-admin";

  private final FanShelfProperties properties;
  private final Indexer indexer;
  private final AuthService auth;
  private final AccountStore accounts;
  private final ApiKeyStore keys;
  private final ShareLinkStore links;
  private final StatsService stats;
  private final Environment environment;
  private final PrintStream out;

  public DemoLoader(
      FanShelfProperties properties,
      Indexer indexer,
      AuthService auth,
      AccountStore accounts,
      ApiKeyStore keys,
      ShareLinkStore links,
      StatsService stats,
      Environment environment) {
    this.properties = properties;
    this.indexer = indexer;
    this.auth = auth;
    this.accounts = accounts;
    this.keys = keys;
    this.links = links;
    this.stats = stats;
    this.environment = environment;
    this.out = System.out;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (!properties.demo()) {
      return;
    }
    if (indexer.store().metadata().owners().isEmpty() && indexer.store().catalog().count() == 0) {
      importDemoData();
    }
    List<Owner> owners = indexer.store().metadata().owners();
    for (Owner owner : owners) {
      if (accounts.get(owner.id()).isEmpty()) {
        auth.setPassword(owner.id(), properties.demoPassword());
      }
    }
    for (ApiKey key : keys.list()) {
      if (key.active() && key.name().equals(KEY_NAME)) {
        keys.revoke(key.id());
      }
    }
    ApiKeyStore.Created admin = keys.create(KEY_NAME, Set.of(Scope.ADMIN));
    String base =
        properties.publicUrl().isEmpty()
            ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
            : properties.publicUrl();
    Optional<Owner> first = owners.stream().min(Comparator.comparing(o -> o.id().value()));
    Optional<Owner> preferred =
        owners.stream().filter(o -> o.id().value().equals("shop-lily")).findFirst().or(() -> first);
    StringBuilder banner = new StringBuilder();
    banner.append("\n==================== FanShelf demo ====================\n");
    banner.append("Console:        ").append(base).append("/console\n");
    preferred.ifPresent(
        o ->
            banner
                .append("Sign in as:     ")
                .append(o.id())
                .append(" / ")
                .append(properties.demoPassword())
                .append("  (")
                .append(o.name())
                .append("; every demo owner has this password)\n"));
    banner.append("Admin API key:  ").append(admin.secret()).append('\n');
    if (preferred.isPresent()) {
      Optional<ShareLink> link = shelfLink(preferred.get());
      link.ifPresent(
          l ->
              banner
                  .append("A shelf link:   ")
                  .append(base)
                  .append("/s/")
                  .append(l.token())
                  .append("  (fan ")
                  .append(l.fan())
                  .append(")\n"));
    }
    banner.append("API reference:  docs/api.md in the repository\n");
    banner.append("=======================================================\n");
    out.println(banner);
    out.flush();
  }

  private Optional<ShareLink> shelfLink(Owner owner) throws IOException {
    FanPage page =
        indexer
            .store()
            .fans()
            .find(new FanQuery(owner.id(), Map.of(), Set.of(), Optional.empty(), 200));
    Optional<FanProfile> fan =
        page.fans().stream()
            .filter(p -> !p.labels().isEmpty())
            .findFirst()
            .or(() -> page.fans().stream().findFirst());
    if (fan.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        links.ensure(owner.id(), List.of(fan.get().fan().id()), Optional.empty()).getFirst());
  }

  private void importDemoData() throws Exception {
    long started = System.nanoTime();
    Path dir = Files.createTempDirectory("fanshelf-demo-");
    try {
      String location =
          properties.demoData().endsWith("/") ? properties.demoData() : properties.demoData() + "/";
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "*");
      ImportRequest request = ImportRequest.none();
      for (Resource resource : resources) {
        String name = resource.getFilename();
        if (name == null || name.endsWith(".md")) {
          continue;
        }
        Path file = dir.resolve(name);
        try (InputStream in = resource.getInputStream()) {
          Files.copy(in, file);
        }
        String kind = name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.'));
        request =
            switch (kind) {
              case "taxonomy" -> request.withTaxonomy(file);
              case "owners" -> request.withOwners(file);
              case "catalog" -> request.withCatalog(file);
              case "fans" -> request.withFans(file);
              case "labels" -> request.withLabels(file);
              case "events" -> request.withEvents(file);
              default -> request;
            };
      }
      if (request.isEmpty()) {
        throw new IllegalStateException(
            "no demo files at "
                + location
                + "; expected taxonomy, owners, catalog, fans, labels, events");
      }
      ImportSummary summary = indexer.importFiles(request, ImportListener.NONE);
      stats.rebuild();
      LOG.info(
          "demo data imported from {}: {} rows in {} ms",
          location,
          summary.rowsRead(),
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
