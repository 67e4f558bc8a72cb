package io.fanshelf.api.shelf;

import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import tools.jackson.databind.ObjectMapper;

/**
 * Share links as documents of the cluster's {@code <prefix>-api} index, one per link, shared by
 * every API node. The document id derives from the link's token, so opening a shelf is one
 * real-time get; a link is acknowledged only once the cluster has it (on the primary and the
 * in-sync replicas' translogs), so it survives the loss of the node that made it. The links one
 * {@link #ensure} makes are created all or none. Writes are serialised within this node; two nodes
 * making a link for the same fan at the same moment may both succeed, leaving the fan two working
 * links. {@link IOException}s of reads are thrown unchecked. Thread-safe.
 */
public final class ElasticsearchShareLinkStore implements ShareLinkStore {
  private static final Comparator<ShareLink> CREATED =
      Comparator.comparing(ShareLink::createdAt).thenComparing(ShareLink::id);

  private final SharedDocuments<ShareLink> documents;
  private final Clock clock;

  public ElasticsearchShareLinkStore(
      ElasticsearchDocuments documents, ObjectMapper mapper, Clock clock) {
    this.documents = new SharedDocuments<>(documents, mapper, "share-link", ShareLink.class);
    this.clock = clock;
  }

  private Entry entry(ShareLink link) {
    return documents.entry(
        documents.id(link.token()),
        Optional.of(link.owner().value()),
        List.of(link.id()),
        OptionalLong.empty(),
        link);
  }

  @Override
  public synchronized List<ShareLink> ensure(
      OwnerId owner, List<FanId> fans, Optional<String> segment) throws IOException {
    Map<FanId, ShareLink> active = new HashMap<>();
    list(owner).stream().filter(ShareLink::active).forEach(l -> active.put(l.fan(), l));
    List<ShareLink> result = new ArrayList<>(fans.size());
    List<Entry> added = new ArrayList<>();
    for (FanId fan : fans) {
      ShareLink link = active.get(fan);
      if (link == null) {
        link =
            new ShareLink(
                Tokens.id("lnk_"),
                owner,
                fan,
                Tokens.random(""),
                segment,
                clock.instant(),
                Optional.empty());
        active.put(fan, link);
        added.add(entry(link));
      }
      result.add(link);
    }
    if (!added.isEmpty()) {
      documents.documents().createAll(added);
    }
    return result;
  }

  @Override
  public Optional<ShareLink> byToken(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    try {
      return documents
          .get(documents.id(token))
          .map(documents.stored())
          // The id is a hash: the stored token must be this one.
          .filter(link -> link.active() && Tokens.same(link.token(), token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ShareLink> list(OwnerId owner) {
    try {
      return documents.ofOwner(owner.value(), CREATED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized int revoke(OwnerId owner, Predicate<ShareLink> which) throws IOException {
    List<Entry> revoked = new ArrayList<>();
    for (ShareLink link : list(owner)) {
      if (link.active() && which.test(link)) {
        revoked.add(entry(link.revoked(clock.instant())));
      }
    }
    documents.documents().putAll(revoked);
    return revoked.size();
  }
}
