package io.fanshelf.api.demo;

import io.fanshelf.api.auth.AccountStore;
import io.fanshelf.api.auth.ApiKey;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.event.EventsImported;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.shelf.ShareLink;
import io.fanshelf.api.shelf.ShareLinkStore;
import io.fanshelf.api.shelf.ShelfWarmup;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code fanshelf.demo=true}): on an empty data directory, imports the demo data sets
 * packaged in the jar ({@code fanshelf.demo-data}: the files at the location, then each folder
 * under it, e.g. the Complete Journey grocery shops and then the generated beauty shop in {@code
 * beauty/}), logging its progress; then makes sure every owner has a console account with {@code
 * fanshelf.demo-password} and the demo has an admin API key (the same one on every start of a data
 * directory), ranks and renders the banner's fan page once ({@link ShelfWarmup}) so that the first
 * visitor's is fast, and prints the console URL, the beauty shop's credentials, the key, that fan
 * page and the Swagger UI. Runs before the service reports itself ready.
 */
@Component
public class DemoLoader implements ApplicationRunner {
  private static final String KEY_NAME = "demo-admin";
  private static final String KEY_FILE = "demo-admin-key";

  /** The shop the banner signs in to: the generated beauty and home shop. */
  private static final String FIRST_SHOP = "shop-mei";

  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final FanShelfProperties properties;
  private final Indexer indexer;
  private final AuthService auth;
  private final AccountStore accounts;
  private final ApiKeyStore keys;
  private final ShareLinkStore links;
  private final StatsService stats;
  private final ShelfWarmup warmup;
  private final Environment environment;
  private final ApplicationEventPublisher publisher;
  private final PrintStream out;

  public DemoLoader(
      FanShelfProperties properties,
      Indexer indexer,
      AuthService auth,
      AccountStore accounts,
      ApiKeyStore keys,
      ShareLinkStore links,
      StatsService stats,
      ShelfWarmup warmup,
      Environment environment,
      ApplicationEventPublisher publisher) {
    this.properties = properties;
    this.indexer = indexer;
    this.auth = auth;
    this.accounts = accounts;
    this.keys = keys;
    this.links = links;
    this.stats = stats;
    this.warmup = warmup;
    this.environment = environment;
    this.publisher = publisher;
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
    String adminKey = adminKey();
    String base =
        properties.publicUrl().isEmpty()
            ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
            : properties.publicUrl();
    Optional<Owner> first = owners.stream().min(Comparator.comparing(o -> o.id().value()));
    Optional<Owner> preferred =
        owners.stream().filter(o -> o.id().value().equals(FIRST_SHOP)).findFirst().or(() -> first);
    Optional<ShareLink> link =
        preferred.isPresent() ? shelfLink(preferred.get()) : Optional.empty();
    if (link.isPresent()) {
      warmup.warm(link.get(), preferred.get());
    }
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
    List<String> others =
        owners.stream()
            .filter(o -> preferred.isEmpty() || !o.id().equals(preferred.get().id()))
            .map(o -> o.id() + " " + o.name())
            .toList();
    if (!others.isEmpty()) {
      banner.append("Other shops:    ").append(String.join(", ", others)).append('\n');
    }
    banner.append("Admin API key:  ").append(adminKey).append('\n');
    link.ifPresent(
        l ->
            banner
                .append("A fan page:     ")
                .append(base)
                .append("/s/")
                .append(l.token())
                .append("  (fan ")
                .append(l.fan())
                .append(")\n"));
    banner.append("Swagger UI:     ").append(base).append("/swagger-ui.html\n");
    banner.append("API reference:  docs/api.md in the repository\n");
    banner.append("=======================================================\n");
    out.println(banner);
    out.flush();
  }

  /**
   * The demo's admin key: the one kept in {@value #KEY_FILE} under the API directory while it is
   * still active, else a new one (revoking earlier demo keys), so that a key copied from the banner
   * keeps working across restarts of the same data directory.
   */
  private String adminKey() throws IOException {
    Path file = properties.apiDir().resolve(KEY_FILE);
    if (Files.isRegularFile(file)) {
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      Optional<ApiKey> active = keys.authenticate(kept);
      if (active.isPresent() && active.get().name().equals(KEY_NAME)) {
        return kept;
      }
    }
    for (ApiKey key : keys.list()) {
      if (key.active() && key.name().equals(KEY_NAME)) {
        keys.revoke(key.id());
      }
    }
    ApiKeyStore.Created admin = keys.create(KEY_NAME, Set.of(Scope.ADMIN));
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp", OWNER_ONLY);
    Files.writeString(temporary, admin.secret() + "\n", StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return admin.secret();
  }

  private Optional<ShareLink> shelfLink(Owner owner) throws IOException {
    FanPage page =
        indexer
            .store()
            .fans()
            .find(new FanQuery(owner.id(), Map.of(), Set.of(), Optional.empty(), 200));
    // The fan the owner knows best (most labelled dimensions), so the page shows what labels do.
    Optional<FanProfile> fan =
        page.fans().stream().max(Comparator.comparingInt((FanProfile p) -> p.labels().size()));
    if (fan.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        links.ensure(owner.id(), List.of(fan.get().fan().id()), Optional.empty()).getFirst());
  }

  private void importDemoData() throws Exception {
    stats.beforeImport();
    new DemoImport(indexer).run(properties.demoData());
    new DemoOutreach(indexer, indexer.options().clock()).run();
    publisher.publishEvent(new EventsImported());
    stats.rebuild();
  }
}
