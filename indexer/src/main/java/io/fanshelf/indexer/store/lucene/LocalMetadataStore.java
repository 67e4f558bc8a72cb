package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;

/**
 * Taxonomy versions ({@code taxonomy/v<N>.json}) and owners ({@code owners.json}) as files. Every
 * file is written to a temporary name, fsynced and atomically renamed, so a crash leaves either the
 * old or the new file. Thread-safe: writes are synchronised, reads see an immutable snapshot.
 */
final class LocalMetadataStore implements MetadataStore {
  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.json");

  private final Path taxonomyDir;
  private final Path ownersFile;
  private volatile Taxonomy taxonomy;
  private volatile Map<OwnerId, Owner> owners;

  LocalMetadataStore(Path dataDir) throws IOException {
    this.taxonomyDir = Files.createDirectories(dataDir.resolve("taxonomy"));
    this.ownersFile = dataDir.resolve("owners.json");
    List<Taxonomy> history = taxonomyHistory();
    this.taxonomy = history.isEmpty() ? Taxonomy.empty() : history.getLast();
    this.owners = readOwners();
  }

  @Override
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  @Override
  public List<Taxonomy> taxonomyHistory() throws IOException {
    List<Taxonomy> history = new ArrayList<>();
    try (Stream<Path> files = Files.list(taxonomyDir)) {
      for (Path file :
          files.sorted(Comparator.comparingInt(LocalMetadataStore::version)).toList()) {
        if (version(file) > 0) {
          history.add(readTaxonomy(file));
        }
      }
    }
    return history;
  }

  private static int version(Path file) {
    Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static Taxonomy readTaxonomy(Path file) throws IOException {
    try {
      return TaxonomyJson.read(Json.MAPPER.readTree(file.toFile()));
    } catch (TaxonomyJson.InvalidTaxonomyException e) {
      throw new IOException("stored taxonomy " + file + " is invalid: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void publishTaxonomy(Taxonomy next) throws IOException {
    writeAtomically(
        taxonomyDir.resolve("v" + next.version() + ".json"),
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(TaxonomyJson.write(next)));
    taxonomy = next;
  }

  @Override
  public Optional<Owner> owner(OwnerId id) {
    return Optional.ofNullable(owners.get(id));
  }

  @Override
  public List<Owner> owners() {
    return List.copyOf(owners.values());
  }

  @Override
  public synchronized void upsertOwners(List<Owner> changed) throws IOException {
    Map<OwnerId, Owner> next = new LinkedHashMap<>(owners);
    changed.forEach(owner -> next.put(owner.id(), owner));
    writeAtomically(
        ownersFile,
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(List.copyOf(next.values())));
    owners = Map.copyOf(next);
  }

  private Map<OwnerId, Owner> readOwners() throws IOException {
    if (!Files.exists(ownersFile)) {
      return Map.of();
    }
    try {
      List<Owner> list =
          Json.MAPPER.readValue(ownersFile.toFile(), new TypeReference<List<Owner>>() {});
      Map<OwnerId, Owner> map = new LinkedHashMap<>();
      list.forEach(owner -> map.put(owner.id(), owner));
      return Map.copyOf(map);
    } catch (RuntimeException e) {
      throw new IOException(
          "stored owners file " + ownersFile + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Write to a temporary file, fsync it, rename it over the target, fsync the directory. */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(content));
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
