package io.fanshelf.api.shelf;

import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/**
 * Share links in one file per owner, {@code <data>/api/links/<owner>.json}, all held in memory and
 * indexed by token. Thread-safe: writes are serialised.
 */
public final class FileShareLinkStore implements ShareLinkStore {
  private final Path dir;
  private final ObjectMapper mapper;
  private final JavaType type;
  private final Clock clock;
  private final Map<OwnerId, List<ShareLink>> byOwner = new ConcurrentHashMap<>();
  private final Map<String, ShareLink> byToken = new ConcurrentHashMap<>();

  public FileShareLinkStore(Path apiDir, ObjectMapper mapper, Clock clock) throws IOException {
    this.dir = apiDir.resolve("links");
    this.mapper = mapper;
    this.type = mapper.getTypeFactory().constructCollectionType(List.class, ShareLink.class);
    this.clock = clock;
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path path : files.filter(p -> p.toString().endsWith(".json")).toList()) {
          List<ShareLink> links = file(path).read();
          if (!links.isEmpty()) {
            byOwner.put(links.getFirst().owner(), List.copyOf(links));
            links.stream().filter(ShareLink::active).forEach(l -> byToken.put(l.token(), l));
          }
        }
      }
    }
  }

  private JsonFile<List<ShareLink>> file(Path path) {
    return new JsonFile<>(path, mapper, type, List::of);
  }

  private JsonFile<List<ShareLink>> file(OwnerId owner) {
    return file(dir.resolve(owner.value() + ".json"));
  }

  @Override
  public synchronized List<ShareLink> ensure(
      OwnerId owner, List<FanId> fans, Optional<String> segment) throws IOException {
    List<ShareLink> current = list(owner);
    Map<FanId, ShareLink> active = new HashMap<>();
    current.stream().filter(ShareLink::active).forEach(l -> active.put(l.fan(), l));
    List<ShareLink> result = new ArrayList<>(fans.size());
    List<ShareLink> added = new ArrayList<>();
    for (FanId fan : fans) {
      ShareLink link = active.get(fan);
      if (link == null) {
        link =
            new ShareLink(
                Tokens.id("lnk_"),
                owner,
                fan,
                Tokens.random(""),
                segment,
                clock.instant(),
                Optional.empty());
        active.put(fan, link);
        added.add(link);
      }
      result.add(link);
    }
    if (!added.isEmpty()) {
      List<ShareLink> next = new ArrayList<>(current);
      next.addAll(added);
      file(owner).write(next);
      byOwner.put(owner, List.copyOf(next));
      added.forEach(l -> byToken.put(l.token(), l));
    }
    return result;
  }

  @Override
  public Optional<ShareLink> byToken(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
  }

  @Override
  public List<ShareLink> list(OwnerId owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  @Override
  public synchronized int revoke(OwnerId owner, Predicate<ShareLink> which) throws IOException {
    List<ShareLink> next = new ArrayList<>();
    List<ShareLink> revoked = new ArrayList<>();
    for (ShareLink link : list(owner)) {
      if (link.active() && which.test(link)) {
        ShareLink ended = link.revoked(clock.instant());
        revoked.add(ended);
        next.add(ended);
      } else {
        next.add(link);
      }
    }
    if (!revoked.isEmpty()) {
      file(owner).write(next);
      byOwner.put(owner, List.copyOf(next));
      revoked.forEach(l -> byToken.remove(l.token()));
    }
    return revoked.size();
  }
}
