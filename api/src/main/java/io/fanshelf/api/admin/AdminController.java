package io.fanshelf.api.admin;

import io.fanshelf.api.auth.ApiKey;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.event.EventsImported;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The platform's administration ({@code admin} scope): API keys, owner accounts, imports. */
@RestController
@Tag(name = ApiContract.ADMIN)
@RequestMapping("/api/v1/admin")
@RequireScope(Scope.ADMIN)
class AdminController {
  private static final List<String> KINDS =
      List.of("taxonomy", "owners", "catalog", "fans", "labels", "events");

  private final ApiKeyStore keys;
  private final AuthService auth;
  private final Indexer indexer;
  private final StatsService stats;
  private final ApplicationEventPublisher publisher;

  AdminController(
      ApiKeyStore keys,
      AuthService auth,
      Indexer indexer,
      StatsService stats,
      ApplicationEventPublisher publisher) {
    this.keys = keys;
    this.auth = auth;
    this.indexer = indexer;
    this.stats = stats;
    this.publisher = publisher;
  }

  /**
   * An API key to make.
   *
   * @param name what it is for, e.g. "mini-program events", up to 100 characters
   * @param scopes what it may do
   */
  public record KeyRequest(
      @NotBlank @Size(max = 100) String name,
      @NotEmpty
          @ArraySchema(
              schema = @Schema(allowableValues = {"events:write", "recommend:read", "admin"}))
          List<String> scopes) {}

  /**
   * An API key as listed.
   *
   * @param id the key id, for revoking it
   * @param name what it is for
   * @param scopes what it may do
   * @param createdAt when it was made
   * @param revokedAt when it was revoked; absent while it works
   * @param key the secret (fsk_...), only in the answer that made the key
   */
  public record KeyView(
      String id, String name, Set<Scope> scopes, Instant createdAt, Instant revokedAt, String key) {
    static KeyView of(ApiKey key, String secret) {
      return new KeyView(
          key.id(),
          key.name(),
          key.scopes(),
          key.createdAt(),
          key.revokedAt().orElse(null),
          secret);
    }
  }

  /**
   * Makes an API key for an app.
   *
   * <p>The answer is the only place the secret is shown: the server keeps only its fingerprint.
   */
  @PostMapping("/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  public KeyView createApiKey(@Valid @RequestBody KeyRequest body) throws IOException {
    Set<Scope> scopes = new LinkedHashSet<>();
    for (int i = 0; i < body.scopes().size(); i++) {
      scopes.add(Params.parse("scopes[" + i + "]", body.scopes().get(i), Scope::parse));
    }
    ApiKeyStore.Created created = keys.create(Params.name("name", body.name(), 100), scopes);
    return KeyView.of(created.key(), created.secret());
  }

  /** Lists the API keys, revoked ones included, without their secrets. */
  @GetMapping("/api-keys")
  public List<KeyView> listApiKeys() {
    return keys.list().stream().map(k -> KeyView.of(k, null)).toList();
  }

  /**
   * Revokes an API key: it stops working at once.
   *
   * @param id the key id
   */
  @DeleteMapping("/api-keys/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void revokeApiKey(@PathVariable("id") String id) throws IOException {
    if (!keys.revoke(id)) {
      throw ApiException.notFound("no active API key '" + id + "'");
    }
  }

  /**
   * An owner's console password.
   *
   * @param password at least 8 characters
   */
  public record AccountRequest(@NotBlank @Schema(minLength = 8) String password) {}

  /**
   * Creates or resets an owner's account.
   *
   * <p>Sets the password the owner signs in with, to the console and for API tokens.
   *
   * @param owner an owner id of the data
   */
  @PutMapping("/owners/{owner}/account")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void setOwnerAccount(
      @PathVariable("owner") String owner, @Valid @RequestBody AccountRequest body)
      throws IOException {
    auth.setPassword(Params.owner("owner", owner), body.password());
  }

  /**
   * The files of an import, each a multipart part in a format of docs/data-formats.md (CSV, JSONL,
   * JSON; gzip-compressed with a .gz name); send any subset.
   *
   * @param taxonomy the taxonomy (JSON or YAML)
   * @param owners owners
   * @param catalog products
   * @param fans fans of owners
   * @param labels labels of fans
   * @param events events
   */
  public record ImportFiles(
      @Schema(type = "string", format = "binary") String taxonomy,
      @Schema(type = "string", format = "binary") String owners,
      @Schema(type = "string", format = "binary") String catalog,
      @Schema(type = "string", format = "binary") String fans,
      @Schema(type = "string", format = "binary") String labels,
      @Schema(type = "string", format = "binary") String events) {}

  /**
   * Imports data files.
   *
   * <p>The files are validated together and applied all or nothing, as the indexer CLI does: one
   * bad row refuses the whole import with a 400 listing every error (file, line, field). The answer
   * counts what each file added.
   */
  @PostMapping(path = "/import", consumes = "multipart/form-data")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "multipart/form-data",
              schema = @Schema(implementation = ImportFiles.class)))
  public ImportSummary importFiles(MultipartHttpServletRequest request)
      throws IOException, ImportRejectedException {
    Map<String, MultipartFile> parts = request.getFileMap();
    for (String name : parts.keySet()) {
      if (!KINDS.contains(name)) {
        throw ApiException.badRequest(
            name, "unknown part '" + name + "'; expected any of " + KINDS);
      }
    }
    if (parts.isEmpty()) {
      throw ApiException.badRequest("taxonomy", "expected at least one file part among " + KINDS);
    }
    List<Uploads> uploads = new ArrayList<>();
    try {
      ImportRequest importRequest = ImportRequest.none();
      for (String kind : KINDS) {
        MultipartFile part = parts.get(kind);
        if (part == null) {
          continue;
        }
        Uploads upload =
            Uploads.save(
                kind,
                part,
                kind + (kind.equals("taxonomy") ? ".json" : ".csv"),
                Set.of(".csv", ".jsonl", ".json", ".yaml", ".yml", ".gz"));
        uploads.add(upload);
        importRequest = with(importRequest, kind, upload);
      }
      stats.beforeImport();
      ImportSummary summary = indexer.importFiles(importRequest, ImportListener.NONE);
      if (importRequest.events().isPresent()) {
        publisher.publishEvent(new EventsImported());
        stats.rebuild();
      }
      return summary;
    } finally {
      uploads.forEach(Uploads::close);
    }
  }

  private static ImportRequest with(ImportRequest request, String kind, Uploads upload) {
    var file = upload.file();
    return switch (kind) {
      case "taxonomy" -> request.withTaxonomy(file);
      case "owners" -> request.withOwners(file);
      case "catalog" -> request.withCatalog(file);
      case "fans" -> request.withFans(file);
      case "labels" -> request.withLabels(file);
      default -> request.withEvents(file);
    };
  }

  /** Counts and index sizes of the data: products, fans, labels, events, owners. */
  @GetMapping("/stats")
  public Indexer.Stats getDataStats() throws IOException {
    return indexer.stats();
  }
}
