package io.fanshelf.api.admin;

import io.fanshelf.api.auth.ApiKey;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.auth.RequireScope;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The platform's administration ({@code admin} scope): API keys, owner accounts, imports. */
@RestController
@RequestMapping("/api/v1/admin")
@RequireScope(Scope.ADMIN)
public class AdminController {
  private static final List<String> KINDS =
      List.of("taxonomy", "owners", "catalog", "fans", "labels", "events");

  private final ApiKeyStore keys;
  private final AuthService auth;
  private final Indexer indexer;
  private final StatsService stats;

  public AdminController(ApiKeyStore keys, AuthService auth, Indexer indexer, StatsService stats) {
    this.keys = keys;
    this.auth = auth;
    this.indexer = indexer;
    this.stats = stats;
  }

  /** A key to make: what it is for and its scopes (events:write, recommend:read, admin). */
  public record KeyRequest(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> scopes) {}

  /** A key as listed; {@code key} (the secret) only in the response that created it. */
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

  @PostMapping("/api-keys")
  public ResponseEntity<KeyView> createKey(@Valid @RequestBody KeyRequest body) throws IOException {
    Set<Scope> scopes = new LinkedHashSet<>();
    for (int i = 0; i < body.scopes().size(); i++) {
      scopes.add(Params.parse("scopes[" + i + "]", body.scopes().get(i), Scope::parse));
    }
    ApiKeyStore.Created created = keys.create(body.name().strip(), scopes);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(KeyView.of(created.key(), created.secret()));
  }

  @GetMapping("/api-keys")
  public List<KeyView> listKeys() {
    return keys.list().stream().map(k -> KeyView.of(k, null)).toList();
  }

  @DeleteMapping("/api-keys/{id}")
  public ResponseEntity<Void> revokeKey(@PathVariable("id") String id) throws IOException {
    if (!keys.revoke(id)) {
      throw ApiException.notFound("no active API key '" + id + "'");
    }
    return ResponseEntity.noContent().build();
  }

  /** A console password for an owner (at least 8 characters). */
  public record AccountRequest(@NotBlank String password) {}

  @PutMapping("/owners/{owner}/account")
  public ResponseEntity<Void> setAccount(
      @PathVariable("owner") String owner, @Valid @RequestBody AccountRequest body)
      throws IOException {
    auth.setPassword(Params.owner("owner", owner), body.password());
    return ResponseEntity.noContent().build();
  }

  /**
   * Imports files (multipart parts named taxonomy, owners, catalog, fans, labels, events; any
   * subset), validated together and applied all or nothing, as the indexer CLI does.
   */
  @PostMapping(path = "/import", consumes = "multipart/form-data")
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
      ImportSummary summary = indexer.importFiles(importRequest, ImportListener.NONE);
      if (importRequest.events().isPresent()) {
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

  @GetMapping("/stats")
  public Indexer.Stats stats() throws IOException {
    return indexer.stats();
  }
}
