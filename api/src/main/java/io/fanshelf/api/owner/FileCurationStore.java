package io.fanshelf.api.owner;

import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.rules.Curation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/** Pins and blocks in {@code <data>/api/curation.json}, held in memory. Thread-safe. */
public final class FileCurationStore implements CurationStore {
  private final JsonFile<Map<String, Curation>> file;
  private volatile Map<String, Curation> byOwner;

  public FileCurationStore(Path dir, ObjectMapper mapper) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("curation.json"),
            mapper,
            mapper.getTypeFactory().constructMapType(Map.class, String.class, Curation.class),
            Map::of);
    this.byOwner = Map.copyOf(file.read());
  }

  @Override
  public Curation forOwner(OwnerId owner) {
    return byOwner.getOrDefault(owner.value(), Curation.none());
  }

  @Override
  public boolean pin(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> pinned(c, product));
  }

  @Override
  public boolean unpin(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> unpinned(c, product));
  }

  @Override
  public boolean block(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> blocked(c, product));
  }

  @Override
  public boolean unblock(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> unblocked(c, product));
  }

  // The edits, shared with the Elasticsearch store.

  static Curation pinned(Curation c, ProductId product) {
    if (c.pins().contains(product)) {
      return c;
    }
    List<ProductId> pins = new ArrayList<>(c.pins());
    pins.add(product);
    Set<ProductId> blocks = new HashSet<>(c.blocks());
    blocks.remove(product);
    return new Curation(pins, blocks);
  }

  static Curation unpinned(Curation c, ProductId product) {
    return new Curation(c.pins().stream().filter(p -> !p.equals(product)).toList(), c.blocks());
  }

  static Curation blocked(Curation c, ProductId product) {
    if (c.blocks().contains(product)) {
      return c;
    }
    Set<ProductId> blocks = new HashSet<>(c.blocks());
    blocks.add(product);
    return new Curation(c.pins().stream().filter(p -> !p.equals(product)).toList(), blocks);
  }

  static Curation unblocked(Curation c, ProductId product) {
    Set<ProductId> blocks = new HashSet<>(c.blocks());
    blocks.remove(product);
    return new Curation(c.pins(), blocks);
  }

  private synchronized boolean change(OwnerId owner, UnaryOperator<Curation> edit)
      throws IOException {
    Curation before = forOwner(owner);
    Curation after = edit.apply(before);
    if (after.equals(before)) {
      return false;
    }
    Map<String, Curation> next = new HashMap<>(byOwner);
    next.put(owner.value(), after);
    file.write(next);
    byOwner = Map.copyOf(next);
    return true;
  }
}
