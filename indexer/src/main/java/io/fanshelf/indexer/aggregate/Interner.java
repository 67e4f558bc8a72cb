package io.fanshelf.indexer.aggregate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each distinct value (a product id, a category key ...) a dense int, 0, 1, 2 ..., so that
 * the aggregates can live in arrays and primitive maps. Values are never forgotten. Not
 * thread-safe: {@link EventAggregates} guards every instance.
 */
final class Interner<T> {
  private final Map<T, Integer> indexes = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  /** The index of {@code value}, assigning the next one when it is new. */
  int intern(T value) {
    Integer index = indexes.get(value);
    if (index != null) {
      return index;
    }
    int next = values.size();
    indexes.put(value, next);
    values.add(value);
    return next;
  }

  /** The index of {@code value}, or -1 when it was never interned. */
  int find(T value) {
    Integer index = indexes.get(value);
    return index == null ? -1 : index;
  }

  T get(int index) {
    return values.get(index);
  }

  int size() {
    return values.size();
  }

  /** Every value, by index; a read-only view. */
  List<T> values() {
    return Collections.unmodifiableList(values);
  }

  void write(SnapshotOutput out, java.util.function.Function<T, String> text) throws IOException {
    out.writeInt(values.size());
    for (T value : values) {
      out.writeString(text.apply(value));
    }
  }

  /** Interns what {@link #write} wrote, in order, into this empty interner. */
  void read(SnapshotInput in, java.util.function.Function<String, T> parse) throws IOException {
    int n = in.readCount(4);
    for (int i = 0; i < n; i++) {
      if (intern(parse.apply(in.readString())) != i) {
        throw new SnapshotRefusedException("corrupt: a value repeats in an interner");
      }
    }
  }
}
