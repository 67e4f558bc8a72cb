package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.store.elasticsearch.EsIndex.Doc;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Outcome;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Write;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a batch of writes to one index all-or-nothing, although Elasticsearch's bulk API applies
 * each operation on its own.
 *
 * <p>The mechanism: the caller builds and checks every document first (nothing is sent if that
 * fails) and reads the documents the batch replaces. The batch then goes out as bulk requests. If
 * any operation fails (or the connection fails between two requests of a large batch), every
 * operation of the batch that succeeded is undone with a conditional write: a replaced document is
 * written back, a created one deleted, each only if it is still at the version this batch wrote
 * ({@code if_seq_no}/{@code if_primary_term}), so an undo never overwrites a later writer. Then the
 * failure is thrown.
 *
 * <p>The window: between the bulk response and the end of the undo (one round trip plus a refresh),
 * readers can see part of the batch; and if the process dies or loses the cluster inside that
 * window, the part stays. The failed call has thrown in either case, so its caller retries; every
 * write FanShelf makes is idempotent (upserts by id, events created by id), so the retry converges.
 * Stateless class.
 */
final class AllOrNothing {
  private AllOrNothing() {}

  /** One write of a batch and the document it replaces, which undoing it restores. */
  record Change(Write write, Optional<Doc> before) {}

  /** A write that succeeded: what to undo if the batch fails later. */
  record Applied(Change change, Outcome outcome) {}

  /** Some writes of a batch failed; the ones that succeeded were undone. */
  static final class BatchFailedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean onlyConflicts;

    BatchFailedException(String index, int total, List<Outcome> failures, IOException undo) {
      super(
          failures.size()
              + " of "
              + total
              + " writes to index "
              + index
              + " failed, first "
              + failures.getFirst().describe()
              + (undo == null
                  ? "; the other writes of the batch were undone"
                  : "; undoing the others failed too, see the suppressed exception"));
      this.onlyConflicts = failures.stream().allMatch(Outcome::conflict);
      if (undo != null) {
        addSuppressed(undo);
      }
    }

    /** Whether every failure was a version conflict with a concurrent writer (worth a retry). */
    boolean onlyConflicts() {
      return onlyConflicts;
    }
  }

  /**
   * Applies every change or none.
   *
   * @return the outcome of each change, in order, when all succeeded
   * @throws BatchFailedException when some failed (the others were undone)
   */
  static List<Outcome> apply(EsIndex index, List<Change> changes) throws IOException {
    List<Write> writes = new ArrayList<>(changes.size());
    changes.forEach(change -> writes.add(change.write()));
    List<List<Write>> requests = index.chunks(writes);
    List<Outcome> outcomes = new ArrayList<>(changes.size());
    List<Outcome> failures = new ArrayList<>();
    List<Applied> applied = new ArrayList<>();
    try {
      for (List<Write> request : requests) {
        // A lone request carries the refresh; after several, one explicit refresh covers all.
        for (Outcome outcome : index.bulkRequest(request, requests.size() == 1)) {
          if (outcome.ok()) {
            applied.add(new Applied(changes.get(outcomes.size()), outcome));
          } else {
            failures.add(outcome);
          }
          outcomes.add(outcome);
        }
      }
      if (failures.isEmpty() && requests.size() > 1) {
        index.refresh();
      }
    } catch (IOException | RuntimeException e) {
      // The connection failed midway: undo what the earlier requests applied, if we still can.
      try {
        undo(index, applied);
      } catch (IOException | RuntimeException undoFailure) {
        e.addSuppressed(undoFailure);
      }
      throw e;
    }
    if (failures.isEmpty()) {
      return outcomes;
    }
    IOException undoFailure = null;
    try {
      undo(index, applied);
    } catch (IOException e) {
      undoFailure = e;
    }
    throw new BatchFailedException(index.name(), changes.size(), failures, undoFailure);
  }

  /**
   * Undoes writes that succeeded: restores what each replaced, or deletes what it created, if the
   * document is still as the write left it.
   */
  static void undo(EsIndex index, List<Applied> applied) throws IOException {
    if (applied.isEmpty()) {
      return;
    }
    List<Write> undo = new ArrayList<>(applied.size());
    for (Applied done : applied) {
      Outcome outcome = done.outcome();
      Write write = outcome.write();
      Optional<Doc> before = done.change().before();
      undo.add(
          (before.isPresent()
                  ? Write.replace(
                      write.key(), before.get().source(), outcome.seqNo(), outcome.primaryTerm())
                  : Write.delete(write.key(), outcome.seqNo(), outcome.primaryTerm()))
              .in(write.index()));
    }
    List<Outcome> failed = new ArrayList<>();
    for (Outcome outcome : index.bulk(undo)) {
      // 409: a later write replaced ours, and it stays; 404: already gone.
      if (!outcome.ok() && !outcome.conflict() && outcome.status() != 404) {
        failed.add(outcome);
      }
    }
    if (!failed.isEmpty()) {
      throw new IOException(
          "could not undo "
              + failed.size()
              + " writes to index "
              + index.name()
              + ", which may stay applied; first "
              + failed.getFirst().describe());
    }
  }
}
