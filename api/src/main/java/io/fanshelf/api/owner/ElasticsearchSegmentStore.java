package io.fanshelf.api.owner;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.ObjectMapper;

/**
 * Segments as documents of the cluster's {@code <prefix>-api} index, one per (owner, id), shared by
 * every API node. {@link IOException}s of reads are thrown unchecked. Thread-safe.
 */
public final class ElasticsearchSegmentStore implements SegmentStore {
  private static final Comparator<Segment> CREATED =
      Comparator.comparing(Segment::createdAt).thenComparing(Segment::id);

  private final SharedDocuments<Segment> documents;

  public ElasticsearchSegmentStore(ElasticsearchDocuments documents, ObjectMapper mapper) {
    this.documents = new SharedDocuments<>(documents, mapper, "segment", Segment.class);
  }

  @Override
  public List<Segment> list(OwnerId owner) {
    try {
      return documents.ofOwner(owner.value(), CREATED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<Segment> get(OwnerId owner, String id) {
    try {
      return documents.get(documents.id(owner.value(), id)).map(documents.stored());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void put(Segment segment) throws IOException {
    documents
        .documents()
        .put(
            documents.entry(
                documents.id(segment.owner().value(), segment.id()),
                Optional.of(segment.owner().value()),
                List.of(),
                OptionalLong.empty(),
                segment));
  }

  @Override
  public boolean delete(OwnerId owner, String id) throws IOException {
    return documents.documents().delete(documents.id(owner.value(), id));
  }
}
