package io.fanshelf.training.registry;

import io.fanshelf.recommender.ranking.RankingHolder;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.settings.FeatureSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models of a data directory: {@code DIR/models/<id>/model.fsm}, one folder per trained model;
 * {@code DIR/models/PUBLISHED}, the stack of published ids (one per line, the last is the one
 * serving uses); and {@code DIR/models/VALIDATED}, the ranking that validation on this data chose
 * when nothing is published. Publishing pushes an id (only a model that beats popularity and the
 * best built-in baseline on its validation window, unless forced), rolling back pops one; with an
 * empty stack serving uses the validated ranking, and before there is one popularity. Both files
 * are replaced atomically (temporary file, then rename) under a file lock, so a reader sees the old
 * or the new content, never half of it.
 *
 * <p>Thread-safe; several processes may share a directory. Holds no open resources.
 */
public final class ModelRegistry {
  /** Prefix of a model folder still being written; never a model id (ids start with a letter). */
  private static final String STAGING = ".staging-";

  static final String FILE = "model.fsm";
  static final String PUBLISHED = "PUBLISHED";
  static final String VALIDATED = "VALIDATED";
  private static final Pattern ID = Pattern.compile("[a-z]+(-[a-z]+)*-\\d{8}T\\d{6}Z-[0-9a-f]{8}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path root;

  public ModelRegistry(Path dataDir) {
    this.root = dataDir.resolve("models");
  }

  public Path root() {
    return root;
  }

  /** A registered model and whether serving uses it now. */
  public record Entry(ArtifactInfo info, boolean current, boolean everPublished) {}

  /**
   * Stores a new model under a fresh id ({@code <ranking>-<created UTC>-<8 hex of its hash>}) and
   * returns its info; it is not published.
   */
  public ArtifactInfo save(RankingModel model, ArtifactInfo info, Instant created)
      throws IOException {
    String id =
        info.ranking()
            + "-"
            + STAMP.format(created)
            + "-"
            + ModelArtifact.shortHash(model, info.hyperParameters());
    ArtifactInfo stored = info.withId(id);
    Path staging = Files.createDirectories(root.resolve(STAGING + id));
    new ModelArtifact(stored, model).write(staging.resolve(FILE));
    moveIn(staging, id);
    return stored;
  }

  /** Every stored model, oldest first. Unreadable folders are reported as errors. */
  public List<Entry> list() throws IOException {
    List<String> published = published();
    Optional<String> current =
        published.isEmpty() ? Optional.empty() : Optional.of(published.getLast());
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return entries;
    }
    List<Path> folders;
    try (Stream<Path> children = Files.list(root)) {
      folders =
          children
              .filter(Files::isDirectory)
              .filter(f -> !f.getFileName().toString().startsWith(STAGING))
              .sorted()
              .toList();
    }
    for (Path folder : folders) {
      String id = folder.getFileName().toString();
      ArtifactInfo info = ModelArtifact.readInfo(folder.resolve(FILE));
      entries.add(new Entry(info, current.map(id::equals).orElse(false), published.contains(id)));
    }
    entries.sort((a, b) -> a.info().createdAt().compareTo(b.info().createdAt()));
    return entries;
  }

  /** Loads a stored model, checking it (see {@link ModelArtifact#read}). */
  public ModelArtifact load(String id) throws IOException {
    return ModelArtifact.read(file(id));
  }

  private Path file(String id) throws NoSuchFileException {
    requireId(id);
    Path file = root.resolve(id).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "no model '" + id + "'; 'fanshelf-training list' shows the ids");
    }
    return file;
  }

  /** A stored model's info, checked as {@link #load} checks it, without decoding the model. */
  public ArtifactInfo info(String id) throws IOException {
    return ModelArtifact.readInfo(file(id));
  }

  /** The ranking model, named by its id. */
  public RankingModel model(String id) throws IOException {
    return load(id).model();
  }

  /**
   * The ranking model, for a server running with {@code serving}'s feature settings.
   *
   * @throws ArtifactRefusedException when the model was trained with other feature settings, naming
   *     each differing key
   */
  public RankingModel model(String id, FeatureSettings serving) throws IOException {
    ModelArtifact artifact = load(id);
    List<String> differences = serving.differences(artifact.info().serving());
    if (!differences.isEmpty()) {
      throw new ArtifactRefusedException(
          "model "
              + id
              + " was trained with settings that change its features: "
              + String.join(", ", differences)
              + "; retrain it with this configuration (fanshelf-training train --config"
              + " application.yml) or configure these keys as it was trained");
    }
    return artifact.model();
  }

  /** The published ids, oldest first; the last is current. */
  public List<String> published() throws IOException {
    Path file = root.resolve(PUBLISHED);
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * The id serving should use: the last published one, else the validated one; empty means
   * popularity.
   */
  public Optional<String> current() throws IOException {
    List<String> published = published();
    return published.isEmpty() ? validated() : Optional.of(published.getLast());
  }

  /** The ranking validation chose on this data, served while nothing is published. */
  public Optional<String> validated() throws IOException {
    Path file = root.resolve(VALIDATED);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String id = Files.readString(file, StandardCharsets.UTF_8).strip();
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  /** Records {@code id} as the validated ranking, after checking that it loads. */
  public void validate(String id) throws IOException {
    load(id);
    locked(() -> replace(VALIDATED, id + "\n"));
  }

  /**
   * Whether a model may be published: its validation NDCG@10 against popularity's and the best
   * built-in baseline's on the same window.
   *
   * @param model the model's figure
   * @param popularity popularity's list
   * @param bestBaseline the strongest baseline's name (popularity included)
   * @param best its figure
   */
  public record Gate(double model, double popularity, String bestBaseline, double best) {
    public boolean passes() {
      return model >= popularity && model >= best;
    }

    /** Why it does not pass, naming both figures. */
    public String reason(String id) {
      return String.format(
          java.util.Locale.ROOT,
          "%s has validation NDCG@10 %.4f on its validation window, against popularity %.4f and"
              + " the best built-in baseline (%s) %.4f on the same window; publish it with --force"
              + " (the API: \"force\": true) to serve it anyway",
          id,
          model,
          popularity,
          bestBaseline,
          best);
    }

    static Gate of(ArtifactInfo info) {
      double model = info.metrics().getOrDefault(ArtifactInfo.VALIDATION_NDCG, Double.NaN);
      double popularity =
          info.validation().getOrDefault(ArtifactInfo.BASELINE + "popularity", Double.NaN);
      String bestName = "popularity";
      double best = popularity;
      for (var entry : info.validation().entrySet()) {
        if (entry.getKey().startsWith(ArtifactInfo.BASELINE) && entry.getValue() > best) {
          best = entry.getValue();
          bestName = entry.getKey().substring(ArtifactInfo.BASELINE.length());
        }
      }
      return new Gate(model, popularity, bestName, best);
    }
  }

  /** The publication gate of a stored model. */
  public Gate gate(String id) throws IOException {
    return Gate.of(info(id));
  }

  /**
   * Makes {@code id} current, after checking that it loads and passes its {@link Gate}; with {@code
   * force}, also when it does not, and the artifact then records that it was forced.
   *
   * @throws PublishRefusedException when the gate refuses it and {@code force} is off
   */
  public void publish(String id, boolean force) throws IOException {
    ModelArtifact artifact = load(id); // refuses a missing, tampered or foreign artifact first
    Gate gate = Gate.of(artifact.info());
    if (!gate.passes()) {
      if (!force) {
        throw new PublishRefusedException(gate.reason(id));
      }
      if (!artifact.info().forced()) {
        new ModelArtifact(artifact.info().forcedPublication(), artifact.model())
            .write(root.resolve(id).resolve(FILE));
      }
    }
    update(
        stack -> {
          stack.add(id);
          return stack;
        });
  }

  /**
   * Returns to the model published before the current one (the validated ranking when there was
   * none) and returns the published id now current.
   *
   * @throws IllegalStateException when nothing is published
   */
  public Optional<String> rollback() throws IOException {
    List<String> after =
        update(
            stack -> {
              if (stack.isEmpty()) {
                throw new IllegalStateException(
                    "nothing is published; there is nothing to roll back");
              }
              stack.removeLast();
              return stack;
            });
    return after.isEmpty() ? Optional.empty() : Optional.of(after.getLast());
  }

  /** Whether model {@code id} is stored here. */
  public boolean contains(String id) {
    requireId(id);
    return Files.isRegularFile(root.resolve(id).resolve(FILE));
  }

  /** The stored artifact of a model, as written (for copying it to other nodes). */
  public byte[] artifactBytes(String id) throws IOException {
    load(id); // the same checks and message as loading it
    return Files.readAllBytes(root.resolve(id).resolve(FILE));
  }

  /**
   * Stores an artifact copied from another node under its id, after the checks of {@link
   * ModelArtifact#read} (format, checksum, allow-listed classes) and that it really is model {@code
   * id}. Installing a model that is already here changes nothing.
   */
  public void install(String id, byte[] artifact) throws IOException {
    requireId(id);
    Path folder = root.resolve(id);
    if (Files.isRegularFile(folder.resolve(FILE))) {
      return;
    }
    Files.createDirectories(root);
    Path temp = Files.createTempFile(root, ".install-", ".tmp");
    try {
      Files.write(temp, artifact);
      String stored = ModelArtifact.read(temp).info().id();
      if (!id.equals(stored)) {
        throw new ArtifactRefusedException(
            "the artifact sent as model '" + id + "' is model '" + stored + "'; refusing it");
      }
      Path staging = Files.createDirectories(root.resolve(STAGING + id));
      Files.move(temp, staging.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
      moveIn(staging, id);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Moves a staging folder holding a complete artifact into place as model {@code id}: a reader
   * listing the registry never meets a model folder without its file. When the model is already
   * there (the same model saved again), its file is replaced atomically instead.
   */
  private void moveIn(Path staging, String id) throws IOException {
    Path folder = root.resolve(id);
    if (Files.isDirectory(folder)) {
      Files.move(
          staging.resolve(FILE),
          folder.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      Files.delete(staging);
    } else {
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * Replaces the whole published stack (another node published or rolled back), after checking that
   * every model on it loads.
   */
  public void replacePublished(List<String> stack) throws IOException {
    for (String id : stack) {
      load(id);
    }
    update(old -> new ArrayList<>(stack));
  }

  private interface Change {
    List<String> apply(List<String> stack) throws IOException;
  }

  private interface Locked<T> {
    T run() throws IOException;
  }

  private List<String> update(Change change) throws IOException {
    return locked(
        () -> {
          List<String> stack = change.apply(new ArrayList<>(published()));
          replace(PUBLISHED, stack.isEmpty() ? "" : String.join("\n", stack) + "\n");
          return stack;
        });
  }

  /** Runs {@code work} holding the registry's file lock (other processes wait). */
  private <T> T locked(Locked<T> work) throws IOException {
    Files.createDirectories(root);
    try (FileChannel channel =
            FileChannel.open(
                root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assert lock.isValid();
      return work.run();
    }
  }

  /** Replaces {@code name} atomically with {@code text}, flushed to disk first. */
  private Void replace(String name, String text) throws IOException {
    Path temp = root.resolve(name + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(
        temp,
        root.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    return null;
  }

  private static void requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "expected a model id like learned-20171021T175713Z-1a2b3c4d, got '" + id + "'");
    }
  }

  /**
   * What serves and why.
   *
   * @param kind {@code published}, {@code validated} (chosen by validation on this data while
   *     nothing is published) or {@code default} (popularity, the fans' label matches breaking
   *     ties, before either)
   * @param ranking the ranking's name: a model id, or {@code popularity}
   * @param info the serving model's artifact info, for a model from the registry
   */
  public record Serving(String kind, String ranking, Optional<ArtifactInfo> info) {
    /** The validation figures behind the choice; empty before any ranking was validated. */
    public Optional<Gate> gate() {
      return info.map(Gate::of);
    }

    /** One sentence with the validation figures behind the choice. */
    public String reason() {
      if (info.isEmpty()) {
        return "no ranking has been validated on this data yet: what sells most, each fan's label"
            + " matches first among equals (validation runs in the background once there are"
            + " events)";
      }
      ArtifactInfo i = info.get();
      Gate gate = gate().orElseThrow();
      String figures =
          String.format(
              java.util.Locale.ROOT,
              "%s scored NDCG@10 %.4f on its validation window, popularity %.4f, the best"
                  + " built-in baseline (%s) %.4f",
              i.ranking(),
              gate.model(),
              gate.popularity(),
              gate.bestBaseline(),
              gate.best());
      return switch (kind) {
        case "published" ->
            "published"
                + (i.forced() ? " although it lost on validation (forced)" : "")
                + "; "
                + figures;
        default -> "chosen by validation on this data, nothing being published; " + figures;
      };
    }
  }

  /** What serves, given the name of the ranking in use. */
  public Serving serving(String current) throws IOException {
    List<String> published = published();
    Optional<String> validated = validated();
    String kind =
        !published.isEmpty() && published.getLast().equals(current)
            ? "published"
            : validated.isPresent() && validated.get().equals(current) ? "validated" : "default";
    Optional<ArtifactInfo> info =
        kind.equals("default") ? Optional.empty() : Optional.of(info(current));
    return new Serving(kind, current, info);
  }

  /**
   * Keeps a {@link RankingHolder} on the current model, refusing one trained with feature settings
   * other than {@code serving}'s: see {@link ModelWatch}.
   */
  public ModelWatch watcher(RankingHolder holder, RankingModel fallback, FeatureSettings serving) {
    return new ModelWatch(this, holder, fallback, serving);
  }
}
