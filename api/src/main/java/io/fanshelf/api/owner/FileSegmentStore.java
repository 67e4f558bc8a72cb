package io.fanshelf.api.owner;

import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/** Segments in {@code <data>/api/segments.json}, held in memory. Thread-safe. */
public final class FileSegmentStore implements SegmentStore {
  private final JsonFile<List<Segment>> file;
  private volatile List<Segment> segments;

  public FileSegmentStore(Path dir, ObjectMapper mapper) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("segments.json"),
            mapper,
            mapper.getTypeFactory().constructCollectionType(List.class, Segment.class),
            List::of);
    this.segments = List.copyOf(file.read());
  }

  @Override
  public List<Segment> list(OwnerId owner) {
    return segments.stream().filter(s -> s.owner().equals(owner)).toList();
  }

  @Override
  public Optional<Segment> get(OwnerId owner, String id) {
    return segments.stream().filter(s -> s.owner().equals(owner) && s.id().equals(id)).findFirst();
  }

  @Override
  public synchronized void put(Segment segment) throws IOException {
    List<Segment> next = new ArrayList<>();
    for (Segment s : segments) {
      if (!(s.owner().equals(segment.owner()) && s.id().equals(segment.id()))) {
        next.add(s);
      }
    }
    next.add(segment);
    file.write(next);
    segments = List.copyOf(next);
  }

  @Override
  public synchronized boolean delete(OwnerId owner, String id) throws IOException {
    List<Segment> next =
        segments.stream().filter(s -> !(s.owner().equals(owner) && s.id().equals(id))).toList();
    if (next.size() == segments.size()) {
      return false;
    }
    file.write(next);
    segments = next;
    return true;
  }
}
