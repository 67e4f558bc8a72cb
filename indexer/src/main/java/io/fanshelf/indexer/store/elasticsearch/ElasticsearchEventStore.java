package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventStore;
import io.fanshelf.indexer.store.elasticsearch.AllOrNothing.Applied;
import io.fanshelf.indexer.store.elasticsearch.AllOrNothing.Change;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Key;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Outcome;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Write;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The append-only event log on Elasticsearch, one index per period of event time ({@link
 * EventIndices}); reads go through the read alias over all of them.
 *
 * <p>An append streams its events in chunks of {@link #CHUNK}. Per chunk, the ids already stored in
 * any events index are duplicates (one {@code ids} search through the alias: an id is accepted
 * once, whatever period a resent copy of it claims); the others go out in one bulk request of
 * {@code create} operations, each into the index of its event's time: a created event is new
 * ({@code onNew} is called), a 409 is a duplicate that another node stored in the same index
 * meanwhile. The search sees what earlier appends stored, since each append returns only once it is
 * visible. Two nodes storing the same id at the same moment under different event times (which a
 * resend never does: it carries the event's own time) both succeed: this layout leaves that open.
 * The call remembers what it created; if anything fails afterwards (an item error, the iteration,
 * {@code onNew}, the connection) it deletes exactly those events again, so the append leaves
 * nothing (see {@link AllOrNothing} for the window in which part of it is visible).
 *
 * <p>Thread-safe; appends from this process are serialised, as the contract says, which also closes
 * a race within one process: a duplicate seen while another append that created the event is being
 * undone. Across API nodes appends run in parallel; if node A's append creates an event, node B
 * reports the same id as a duplicate, and A's append then fails and undoes it, the event is not
 * stored although B said it was. A's caller got an error and resends it. {@link
 * ElasticsearchBackend} closes it.
 */
final class ElasticsearchEventStore implements EventStore {
  /** Events per bulk request of an append. */
  static final int CHUNK = 1_000;

  private static final List<SortOptions> NEWEST_FIRST =
      List.of(
          SortOptions.of(s -> s.field(f -> f.field(EventDocs.TIME).order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field(EventDocs.ID).order(SortOrder.Asc))));
  private static final Query ALL = Query.of(q -> q.matchAll(m -> m));

  private final EventIndices indices;
  private final EsIndex index;
  private final ReentrantLock appendLock = new ReentrantLock();

  ElasticsearchEventStore(EventIndices indices) {
    this.indices = indices;
    this.index = indices.all();
  }

  @Override
  public AppendResult append(Iterable<Event> events, Consumer<Event> onNew) throws IOException {
    appendLock.lock();
    try {
      Append append = new Append(onNew);
      try {
        return append.run(events);
      } catch (IOException | RuntimeException | Error e) {
        try {
          AllOrNothing.undo(index, append.created);
        } catch (IOException undo) {
          e.addSuppressed(undo);
        }
        throw e;
      }
    } finally {
      appendLock.unlock();
    }
  }

  /** One append call: what it has sent and created so far. */
  private final class Append {
    private final Consumer<Event> onNew;
    private final Set<String> seen = new HashSet<>();
    private final List<Applied> created = new ArrayList<>();
    private long added;
    private long duplicates;
    private boolean sentBefore;

    Append(Consumer<Event> onNew) {
      this.onNew = onNew;
    }

    AppendResult run(Iterable<Event> events) throws IOException {
      List<Event> chunk = new ArrayList<>();
      for (Event event : events) {
        if (!seen.add(event.id().value())) {
          duplicates++;
          continue;
        }
        chunk.add(event);
        if (chunk.size() == CHUNK) {
          send(chunk, false);
          sentBefore = true;
          chunk = new ArrayList<>();
        }
      }
      // A lone request carries the refresh; after several, one explicit refresh covers them all.
      send(chunk, !sentBefore);
      if (sentBefore && !created.isEmpty()) {
        index.refresh();
      }
      return new AppendResult(added, duplicates);
    }

    private void send(List<Event> events, boolean visible) throws IOException {
      List<String> ids = new ArrayList<>(events.size());
      events.forEach(event -> ids.add(event.id().value()));
      // Stored in any period's index: a duplicate, whatever time this copy carries.
      Set<String> stored = index.idsPresent(ids);
      List<Event> chunk = new ArrayList<>(events.size());
      for (Event event : events) {
        if (stored.contains(event.id().value())) {
          duplicates++;
        } else {
          chunk.add(event);
        }
      }
      List<String> targets = new ArrayList<>(chunk.size());
      chunk.forEach(event -> targets.add(indices.indexFor(event.time())));
      indices.ensure(targets);
      List<Write> writes = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        Event event = chunk.get(i);
        writes.add(
            Write.create(new Key(event.id().value(), Optional.empty()), EventDocs.toSource(event))
                .in(Optional.of(targets.get(i))));
      }
      List<Outcome> outcomes = index.bulkRequest(writes, visible);
      List<Outcome> failures = new ArrayList<>();
      List<Event> fresh = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome outcome = outcomes.get(i);
        if (outcome.ok()) {
          created.add(new Applied(new Change(outcome.write(), Optional.empty()), outcome));
          fresh.add(chunk.get(i));
        } else if (outcome.conflict()) {
          duplicates++;
        } else {
          failures.add(outcome);
        }
      }
      if (!failures.isEmpty()) {
        throw new IOException(
            failures.size()
                + " of "
                + chunk.size()
                + " events could not be stored in the events indices"
                + ", first "
                + failures.getFirst().describe()
                + "; nothing of this append is kept");
      }
      for (Event event : fresh) {
        onNew.accept(event);
        added++;
      }
    }
  }

  @Override
  public boolean contains(EventId id) throws IOException {
    return !index.idsPresent(List.of(id.value())).isEmpty();
  }

  @Override
  public List<Event> allOf(FanId fan) throws IOException {
    return recent(fan, Integer.MAX_VALUE); // pages through them with search_after
  }

  @Override
  public List<Event> recent(FanId fan, int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    Query ofFan = RuleQueries.term(EventDocs.FAN, fan.value());
    List<Event> recent = new ArrayList<>(Math.min(limit, 1_000));
    List<FieldValue> after = List.of();
    while (recent.size() < limit) {
      int size = Math.min(limit - recent.size(), 10_000);
      List<FieldValue> from = after;
      List<Hit<BinaryData>> hits =
          index
              .search(
                  s -> {
                    s.query(ofFan).sort(NEWEST_FIRST).size(size);
                    if (!from.isEmpty()) {
                      s.searchAfter(from);
                    }
                    return s;
                  })
              .hits()
              .hits();
      for (Hit<BinaryData> hit : hits) {
        recent.add(EventDocs.event(EsIndex.bytes(hit.source())));
      }
      if (hits.size() < size) {
        break;
      }
      after = hits.getLast().sort();
    }
    return recent;
  }

  @Override
  public long count() throws IOException {
    return index.count(ALL);
  }

  @Override
  public void forEach(Consumer<Event> visitor) throws IOException {
    index.forEach(ALL, source -> visitor.accept(EventDocs.event(source)));
  }

  @Override
  public void close() {
    // The backend owns the client.
  }
}
