package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates the files of an {@link ImportRequest} against each other and the store, then applies
 * them. Nothing is written unless every file is valid; each file is then applied as one atomic
 * batch, in dependency order. Re-running an import is safe: products, owners, fans and labels are
 * replaced by key and events are idempotent by id.
 *
 * <p>Not thread-safe: one import at a time per importer. Events are validated in a first pass and
 * streamed from the file again in a second, so an event file needs no more memory than its ids.
 */
public final class Importer {
  private static final int PROGRESS_EVERY_ROWS = 20_000;

  private final StoreBackend store;
  private final Clock clock;
  private final Consumer<Event> onNewEvent;

  /**
   * @param onNewEvent called for each event stored (not for duplicates), to keep aggregates current
   */
  public Importer(StoreBackend store, Clock clock, Consumer<Event> onNewEvent) {
    this.store = store;
    this.clock = clock;
    this.onNewEvent = onNewEvent;
  }

  /**
   * Validates and applies the request.
   *
   * @throws ImportRejectedException when any file has errors; then nothing was applied
   */
  public ImportSummary run(ImportRequest request, ImportListener listener)
      throws ImportRejectedException, IOException {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Problems problems = new Problems();
    Validated valid = new Validated();

    Taxonomy taxonomy = store.metadata().taxonomy();
    if (request.taxonomy().isPresent()) {
      valid.taxonomy = readTaxonomy(request.taxonomy().get(), taxonomy, problems);
      if (valid.taxonomy != null) {
        taxonomy = valid.taxonomy;
      }
    }
    Set<OwnerId> owners = new HashSet<>();
    store.metadata().owners().forEach(owner -> owners.add(owner.id()));
    if (request.owners().isPresent()) {
      valid.owners =
          readAll(
              valid,
              "owners",
              request.owners().get(),
              OwnerRows.FIELDS,
              OwnerRows.REQUIRED,
              problems,
              listener,
              row -> OwnerRows.map(row, problems),
              Owner::id);
      valid.owners.forEach(owner -> owners.add(owner.id()));
    }
    if (request.catalog().isPresent()) {
      valid.products =
          readAll(
              valid,
              "catalog",
              request.catalog().get(),
              ProductRows.FIELDS,
              ProductRows.REQUIRED,
              problems,
              listener,
              row -> ProductRows.map(row, problems),
              Product::id);
    }
    if (request.fans().isPresent()) {
      valid.fans =
          readAll(
              valid,
              "fans",
              request.fans().get(),
              FanRows.FIELDS,
              FanRows.REQUIRED,
              problems,
              listener,
              row -> FanRows.map(row, problems, owners, now),
              fan -> List.of(fan.owner(), fan.id()));
    }
    if (request.labels().isPresent()) {
      Taxonomy labelTaxonomy = taxonomy;
      String actor = "import:" + request.labels().get().getFileName();
      List<LabelRows.LabelRow> rows =
          readAll(
              valid,
              "labels",
              request.labels().get(),
              LabelRows.fields(labelTaxonomy),
              LabelRows.REQUIRED,
              problems,
              listener,
              row -> LabelRows.map(row, problems, labelTaxonomy, owners, now, actor),
              LabelRows.LabelRow::key);
      valid.labelRows = rows.size();
      valid.labels = rows.stream().flatMap(row -> row.labels().stream()).toList();
    }
    if (request.events().isPresent()) {
      Set<ProductId> products = new HashSet<>();
      store.catalog().forEach(product -> products.add(product.id()));
      valid.products.forEach(product -> products.add(product.id()));
      long t = System.nanoTime();
      valid.eventRows =
          validateEvents(
              request.events().get(), problems, listener, products::contains, owners::contains);
      valid.timed("events", t, valid.eventRows);
      valid.productsForEvents = products;
      valid.ownersForEvents = owners;
    }
    problems.throwIfAny();
    return apply(request, valid, listener, started, now);
  }

  /** What passed validation, waiting to be applied. */
  private static final class Validated {
    Taxonomy taxonomy;
    List<Owner> owners = List.of();
    List<Product> products = List.of();
    List<Fan> fans = List.of();
    List<Label> labels = List.of();
    long labelRows;
    long eventRows;
    Set<ProductId> productsForEvents;
    Set<OwnerId> ownersForEvents;
    final Map<String, Duration> validationTime = new HashMap<>();
    final Map<String, Long> rowsRead = new HashMap<>();

    void timed(String kind, long startNanos, long rows) {
      validationTime.put(kind, Duration.ofNanos(System.nanoTime() - startNanos));
      rowsRead.put(kind, rows);
    }
  }

  private ImportSummary apply(
      ImportRequest request, Validated valid, ImportListener listener, long started, Instant now)
      throws IOException {
    List<ImportSummary.FileSummary> files = new ArrayList<>();
    if (valid.taxonomy != null) {
      long t = System.nanoTime();
      store.metadata().publishTaxonomy(valid.taxonomy);
      files.add(summary("taxonomy", request.taxonomy().get(), 1, 1, 0, t, listener));
    }
    if (request.owners().isPresent()) {
      long t = System.nanoTime();
      store.metadata().upsertOwners(valid.owners);
      files.add(
          summary(
              "owners",
              request.owners().get(),
              valid.rowsRead.get("owners"),
              valid.owners.size(),
              0,
              t,
              listener));
    }
    if (request.catalog().isPresent()) {
      long t = System.nanoTime();
      store.catalog().upsert(valid.products, now);
      files.add(
          summary(
              "catalog",
              request.catalog().get(),
              valid.rowsRead.get("catalog"),
              valid.products.size(),
              0,
              t,
              listener));
    }
    if (request.fans().isPresent()) {
      long t = System.nanoTime();
      store.fans().upsertFans(valid.fans);
      files.add(
          summary(
              "fans",
              request.fans().get(),
              valid.rowsRead.get("fans"),
              valid.fans.size(),
              0,
              t,
              listener));
    }
    if (request.labels().isPresent()) {
      long t = System.nanoTime();
      store.fans().setLabels(valid.labels);
      files.add(
          summary(
              "labels",
              request.labels().get(),
              valid.rowsRead.get("labels"),
              valid.labelRows,
              0,
              t,
              listener));
    }
    if (request.events().isPresent()) {
      long t = System.nanoTime();
      Path file = request.events().get();
      var result =
          store
              .events()
              .append(
                  () ->
                      streamEvents(
                          file,
                          valid.eventRows,
                          valid.productsForEvents,
                          valid.ownersForEvents,
                          listener),
                  onNewEvent);
      files.add(
          summary(
              "events", file, valid.eventRows, result.added(), result.duplicates(), t, listener));
    }
    // Each file's time includes its validation pass.
    List<ImportSummary.FileSummary> timed = new ArrayList<>();
    for (ImportSummary.FileSummary f : files) {
      Duration validation = valid.validationTime.getOrDefault(f.kind(), Duration.ZERO);
      timed.add(
          new ImportSummary.FileSummary(
              f.kind(),
              f.file(),
              f.rowsRead(),
              f.accepted(),
              f.duplicates(),
              f.elapsed().plus(validation)));
    }
    return new ImportSummary(timed, Duration.ofNanos(System.nanoTime() - started));
  }

  private static ImportSummary.FileSummary summary(
      String kind,
      Path file,
      long read,
      long accepted,
      long duplicates,
      long startNanos,
      ImportListener listener) {
    var summary =
        new ImportSummary.FileSummary(
            kind,
            file.getFileName().toString(),
            read,
            accepted,
            duplicates,
            Duration.ofNanos(System.nanoTime() - startNanos));
    listener.applied(summary);
    return summary;
  }

  private Taxonomy readTaxonomy(Path path, Taxonomy current, Problems problems) throws IOException {
    InputFile input = InputFile.of(path);
    ObjectMapper mapper =
        switch (input.format()) {
          case JSON -> JsonMapper.builder().build();
          case YAML -> YAMLMapper.builder().build();
          default -> null;
        };
    if (mapper == null) {
      problems.add(input.name(), 0, "", "expected a .json or .yaml taxonomy file");
      return null;
    }
    JsonNode root;
    try (var raw = input.open();
        var content = input.content(raw)) {
      root = mapper.readTree(content);
    } catch (JacksonIOException e) {
      if (e.getCause() instanceof StrictGzipInputStream.MalformedGzipException gzip) {
        problems.add(input.name(), 0, "", gzip.getMessage());
        return null;
      }
      throw e.getCause();
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(
          input.name(), line, "", "malformed " + input.format() + ": " + e.getOriginalMessage());
      return null;
    }
    try {
      Taxonomy next = TaxonomyJson.read(root);
      for (String problem : current.problemsReplacingWith(next)) {
        problems.add(input.name(), 0, "", problem);
      }
      return next;
    } catch (TaxonomyJson.InvalidTaxonomyException e) {
      e.problems().forEach(p -> problems.add(input.name(), 0, p.path(), p.message()));
      return null;
    }
  }

  /**
   * Reads every row of a small file (not events) into records, rejecting a key seen twice.
   *
   * @param key what must be unique per row
   */
  private <T> List<T> readAll(
      Validated valid,
      String kind,
      Path path,
      Set<String> fields,
      Set<String> required,
      Problems problems,
      ImportListener listener,
      Function<Row, Optional<T>> mapper,
      Function<T, Object> key)
      throws IOException {
    long started = System.nanoTime();
    InputFile input = InputFile.of(path);
    long size = input.sizeBytes();
    List<T> records = new ArrayList<>();
    Map<Object, Long> firstLine = new HashMap<>();
    long rows = 0;
    try (RowReader reader = new RowReader(input, problems, fields, required)) {
      while (reader.hasNext()) {
        Row row = reader.next();
        rows++;
        Optional<T> record = mapper.apply(row);
        if (record.isPresent()) {
          Long seen = firstLine.putIfAbsent(key.apply(record.get()), row.line());
          if (seen != null) {
            problems.add(input.name(), row.line(), "", "duplicate of the row at line " + seen);
          } else {
            records.add(record.get());
          }
        }
        if (rows % PROGRESS_EVERY_ROWS == 0) {
          listener.progress("validate", input.name(), reader.bytesRead(), size, rows);
        }
      }
      listener.progress("validate", input.name(), size, size, rows);
    }
    valid.timed(kind, started, rows);
    return records;
  }

  private long validateEvents(
      Path path,
      Problems problems,
      ImportListener listener,
      java.util.function.Predicate<ProductId> products,
      java.util.function.Predicate<OwnerId> owners)
      throws IOException {
    InputFile input = InputFile.of(path);
    long size = input.sizeBytes();
    Map<String, Long> firstLine = new HashMap<>();
    long rows = 0;
    try (RowReader reader = new RowReader(input, problems, EventRows.FIELDS, EventRows.REQUIRED)) {
      while (reader.hasNext()) {
        Row row = reader.next();
        rows++;
        Optional<Event> event = EventRows.map(row, problems, products, owners);
        if (event.isPresent()) {
          Long seen = firstLine.putIfAbsent(event.get().id().value(), row.line());
          if (seen != null) {
            problems.add(
                input.name(),
                row.line(),
                "id",
                "duplicate event id '" + event.get().id() + "', first at line " + seen);
          }
        }
        if (rows % PROGRESS_EVERY_ROWS == 0) {
          listener.progress("validate", input.name(), reader.bytesRead(), size, rows);
        }
      }
    }
    return rows;
  }

  /** The second pass over a validated event file; any problem now means the file changed. */
  private Iterator<Event> streamEvents(
      Path path,
      long expectedRows,
      Set<ProductId> products,
      Set<OwnerId> owners,
      ImportListener listener) {
    InputFile input = InputFile.of(path);
    Problems problems = new Problems();
    RowReader reader;
    long size;
    try {
      size = input.sizeBytes();
      reader = new RowReader(input, problems, EventRows.FIELDS, EventRows.REQUIRED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Iterator<>() {
      private long rows;

      @Override
      public boolean hasNext() {
        boolean more = reader.hasNext();
        if (!more) {
          close();
          if (rows != expectedRows || !problems.isEmpty()) {
            throw new IllegalStateException(
                input.name() + " changed while it was imported; nothing was applied");
          }
          listener.progress("apply", input.name(), size, size, rows);
        }
        return more;
      }

      @Override
      public Event next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = reader.next();
        rows++;
        if (rows % PROGRESS_EVERY_ROWS == 0) {
          listener.progress("apply", input.name(), reader.bytesRead(), size, rows);
        }
        return EventRows.map(row, problems, products::contains, owners::contains)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        input.name() + " changed while it was imported: " + problems.kept()));
      }

      private void close() {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
