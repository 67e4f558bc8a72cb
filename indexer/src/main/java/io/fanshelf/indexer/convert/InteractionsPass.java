package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.convert.InteractionConverter.Options;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Ids;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongConsumer;

/**
 * One pass over a source's interactions: writes the events (a rating, and the positive event the
 * options ask for) and remembers the users, items and the time range. Not thread-safe; use once.
 */
final class InteractionsPass implements InteractionConverter.Sink {
  private final Options options;
  private final RawIds users;
  private final RawIds items;
  private final CsvWriter out;
  private final LongConsumer progress;
  private long interactions;
  private long written;
  private Instant first;
  private Instant last;

  InteractionsPass(
      Options options, RawIds users, RawIds items, CsvWriter out, LongConsumer progress) {
    this.options = options;
    this.users = users;
    this.items = items;
    this.out = out;
    this.progress = progress;
  }

  @Override
  public void accept(Interaction row) throws IOException {
    String fan = id(users, row.user(), row, "user");
    String product = id(items, row.item(), row, "item");
    // The raw line as the id: unique in the file, and the same on every conversion.
    String eventId = ItemInfo.cut(Ids.sanitize(row.file()), 64) + ":" + row.line();
    boolean rating = row.type() == EventType.RATING;
    if (!rating || options.ratingEvents()) {
      write(eventId, fan, product, row.type(), row.value(), row);
    }
    if (rating
        && options.positiveType().isPresent()
        && row.value().orElseThrow() >= options.positiveMinimum()) {
      EventType positive = options.positiveType().get();
      write(
          eventId + "-" + positive.wireName(), fan, product, positive, OptionalDouble.empty(), row);
    }
    first = first == null || row.time().isBefore(first) ? row.time() : first;
    last = last == null || row.time().isAfter(last) ? row.time() : last;
    if (++interactions % InteractionConverter.PROGRESS_EVERY == 0) {
      progress.accept(interactions);
    }
  }

  private void write(
      String id, String fan, String product, EventType type, OptionalDouble value, Interaction row)
      throws IOException {
    Event event;
    try {
      event =
          new Event(
              EventId.of(id),
              FanId.of(fan),
              ProductId.of(product),
              type,
              row.time(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              value);
    } catch (IllegalArgumentException e) {
      throw new RawDataException(row.file(), row.line(), Optional.empty(), e.getMessage());
    }
    out.row(ImportFiles.eventRow(event, InteractionConverter.ZONE));
    written++;
  }

  private static String id(RawIds ids, String raw, Interaction row, String column)
      throws RawDataException {
    try {
      return ids.add(raw);
    } catch (IllegalArgumentException e) {
      throw new RawDataException(row.file(), row.line(), Optional.of(column), e.getMessage());
    }
  }

  long interactions() {
    return interactions;
  }

  long written() {
    return written;
  }

  /** The earliest interaction; null before the first. */
  Instant first() {
    return first;
  }

  Instant last() {
    return last;
  }
}
