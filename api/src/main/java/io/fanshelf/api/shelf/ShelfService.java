package io.fanshelf.api.shelf;

import io.fanshelf.api.event.EventService;
import io.fanshelf.api.event.EventsAccepted;
import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.api.owner.OwnerDataChanged;
import io.fanshelf.api.recommend.RecommendationService;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Section;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Fan pages: a link's shelf, ranked fresh and reused for {@code fanshelf.shelf.cache-ttl};
 * impressions recorded in the background ({@link ImpressionWriter}), clicks before the fan is sent
 * on. Events carry the owner and the page ({@code shelf:<link id>}). Thread-safe.
 */
@Service
public class ShelfService {
  // Pages of impressions (~30 events each) that may wait for the store: ~10 MB at most.
  private static final int IMPRESSION_QUEUE_PAGES = 10_000;
  private static final String MORE_IMPRESSION_PREFIX = "shelf-more-imp-";
  private static final Pattern RENDER_ID = Pattern.compile("[A-Za-z0-9_-]{8,24}");
  private static final List<Section> ORDER =
      List.of(
          Section.FOR_YOU,
          Section.MATCHES_YOUR_LABELS,
          Section.RECENTLY_VIEWED,
          Section.NEW_ARRIVALS);

  private final ShareLinkStore links;
  private final RecommendationService recommendations;
  private final ShelfCache cache;
  private final EventService events;
  private final FanShelfProperties.Shelf options;
  private final Clock clock;
  private final ImpressionWriter impressions;

  public ShelfService(
      ShareLinkStore links,
      RecommendationService recommendations,
      ShelfCache cache,
      EventService events,
      FanShelfProperties properties,
      MeterRegistry registry,
      Clock clock) {
    this.links = links;
    this.recommendations = recommendations;
    this.cache = cache;
    this.events = events;
    this.options = properties.shelf();
    this.clock = clock;
    this.impressions = new ImpressionWriter(events, IMPRESSION_QUEUE_PAGES, registry);
  }

  public Optional<ShareLink> link(String token) {
    return links.byToken(token);
  }

  /** The link's shelf, from the cache when fresh. */
  public Shelf shelf(ShareLink link) {
    return cache.get(link.owner(), link.fan(), () -> rank(link));
  }

  private Shelf rank(ShareLink link) {
    Instant now = clock.instant();
    Set<ProductId> shown = new HashSet<>();
    List<Shelf.ShelfSection> sections = new ArrayList<>();
    String ranker = recommendations.ranker();
    for (Section section : ORDER) {
      int size = section == Section.FOR_YOU ? options.forYouSize() : options.sectionSize();
      RecommendRequest request =
          RecommendRequest.forYou(
                  link.owner(),
                  link.fan(),
                  Math.min(RecommendRequest.MAX_LIMIT, size + shown.size()),
                  now)
              .withSection(section);
      List<RecommendedItem> items = new ArrayList<>();
      try {
        var result = recommendations.recommend(request, "shelf");
        ranker = result.ranker();
        for (RecommendedItem item : result.items()) {
          if (items.size() < size && shown.add(item.product().id())) {
            items.add(item);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!items.isEmpty()) {
        sections.add(new Shelf.ShelfSection(section, items));
      }
    }
    return new Shelf(link.owner(), link.fan(), sections, ranker, now);
  }

  /**
   * "More like this" {@code product} on the link's fan's page: at most {@code section-size} items.
   *
   * @throws IllegalArgumentException when the catalog does not have {@code product}
   */
  public List<RecommendedItem> moreLikeThis(ShareLink link, ProductId product) {
    try {
      return recommendations.similarFor(link.owner(), link.fan(), product, options.sectionSize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records one impression per shown item, in the background; returns the render id. */
  public String recordImpressions(ShareLink link, Shelf shelf) {
    return recordImpressions(
        link,
        shelf.sections().stream().flatMap(section -> section.items().stream()).toList(),
        AttributedStats.SHELF_IMPRESSION_PREFIX);
  }

  /**
   * Records one impression per item of a "more like this" page, in the background; returns the
   * render id. Their ids do not start as the shelf's do: the page is not another opening of the
   * shelf, so no page view.
   */
  public String recordMoreLikeThisImpressions(ShareLink link, List<RecommendedItem> items) {
    return recordImpressions(link, items, MORE_IMPRESSION_PREFIX);
  }

  private String recordImpressions(ShareLink link, List<RecommendedItem> items, String prefix) {
    String render = io.fanshelf.api.auth.Tokens.id("");
    Instant now = clock.instant();
    List<Event> batch = new ArrayList<>();
    int position = 0;
    for (RecommendedItem item : items) {
      batch.add(
          event(
              prefix + render + "-" + position++,
              link,
              item.product().id(),
              EventType.IMPRESSION,
              now));
    }
    if (!batch.isEmpty()) {
      impressions.offer(batch);
    }
    return render;
  }

  /** Records a click (durable before it returns); a repeated click of one render counts once. */
  public void recordClick(ShareLink link, ProductId product, String render)
      throws IOException, ImportRejectedException {
    String id =
        "shelf-clk-"
            + (render != null && RENDER_ID.matcher(render).matches()
                ? render
                : io.fanshelf.api.auth.Tokens.id(""))
            + "-"
            + product.value();
    events.append(List.of(event(id, link, product, EventType.CLICK, clock.instant())));
  }

  private static Event event(
      String id, ShareLink link, ProductId product, EventType type, Instant time) {
    String eventId = id.length() > 128 ? id.substring(0, 128) : id;
    return new Event(
        EventId.of(eventId),
        link.fan(),
        product,
        type,
        time,
        Optional.of(link.owner()),
        Optional.of(link.page()),
        Optional.of("shelf"),
        OptionalDouble.empty());
  }

  @EventListener
  public void onOwnerDataChanged(OwnerDataChanged changed) {
    if (changed.fan().isPresent()) {
      cache.invalidate(changed.owner(), changed.fan().get());
    } else {
      cache.invalidate(changed.owner());
    }
  }

  /** A purchase changes what a fan should see (repurchase windows): their shelves go stale. */
  @EventListener
  public void onEventsAccepted(EventsAccepted accepted) {
    Set<io.fanshelf.indexer.model.FanId> buyers = new HashSet<>();
    for (Event event : accepted.events()) {
      if (event.type() == EventType.PURCHASE && buyers.add(event.fan())) {
        cache.invalidate(event.fan());
      }
    }
  }

  /** Waits for queued impressions, for tests. */
  public void flush() throws InterruptedException, TimeoutException {
    impressions.flush(Duration.ofSeconds(30));
  }

  @PreDestroy
  void close() throws InterruptedException {
    impressions.close();
  }
}
