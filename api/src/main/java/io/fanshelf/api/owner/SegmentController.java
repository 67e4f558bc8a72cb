package io.fanshelf.api.owner;

import io.fanshelf.api.auth.CurrentOwner;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.system.ApiContract;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.api.system.Params;
import io.fanshelf.indexer.model.OwnerId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in owner's saved segments, their fans and statistics. */
@RestController
@Tag(name = ApiContract.SEGMENTS)
@RequestMapping("/api/v1/owner/segments")
@OwnerOnly
public class SegmentController {
  private final SegmentService segments;
  private final FanService fans;
  private final StatsService stats;

  public SegmentController(SegmentService segments, FanService fans, StatsService stats) {
    this.segments = segments;
    this.fans = fans;
    this.stats = stats;
  }

  /**
   * A segment definition.
   *
   * @param name a name for the owner, up to 100 characters
   * @param labels dimension id to accepted values (ids or zh-CN or English names): a fan matches
   *     when it has one of the values of every dimension given
   * @param unlabelled dimensions the fan must not have a label for
   */
  public record SegmentRequest(
      @NotBlank @Size(max = 100) String name,
      Map<String, List<String>> labels,
      List<String> unlabelled) {}

  /**
   * A segment with how many fans it selects now.
   *
   * @param id the segment id (seg_...)
   * @param name its name
   * @param labels dimension id to accepted value ids
   * @param unlabelled dimensions the fan must not have
   * @param createdAt when it was made
   * @param fans how many of the owner's fans it selects now
   */
  public record SegmentView(
      String id,
      String name,
      Map<String, Set<String>> labels,
      Set<String> unlabelled,
      Instant createdAt,
      long fans) {}

  /** Lists the owner's segments, each with its current size. */
  @GetMapping
  public List<SegmentView> listSegments(@CurrentOwner OwnerId owner) throws IOException {
    List<SegmentView> views = new java.util.ArrayList<>();
    for (Segment segment : segments.list(owner)) {
      views.add(segments.view(segment));
    }
    return views;
  }

  /**
   * Saves a new segment.
   *
   * <p>Values are resolved against the taxonomy now and stored by id.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public SegmentView createSegment(
      @CurrentOwner OwnerId owner, @Valid @RequestBody SegmentRequest body) throws IOException {
    return segments.view(segments.save(owner, Optional.empty(), body));
  }

  /**
   * One segment, with its current size.
   *
   * @param id the segment id
   */
  @GetMapping("/{id}")
  public SegmentView getSegment(@CurrentOwner OwnerId owner, @PathVariable("id") String id)
      throws IOException {
    return segments.view(segments.get(owner, id));
  }

  /**
   * Changes a segment's name and definition.
   *
   * @param id the segment id
   */
  @PutMapping("/{id}")
  public SegmentView updateSegment(
      @CurrentOwner OwnerId owner,
      @PathVariable("id") String id,
      @Valid @RequestBody SegmentRequest body)
      throws IOException {
    segments.get(owner, id);
    return segments.view(segments.save(owner, Optional.of(id), body));
  }

  /**
   * Deletes a segment; its fans, labels and links stay.
   *
   * @param id the segment id
   */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void deleteSegment(@CurrentOwner OwnerId owner, @PathVariable("id") String id)
      throws IOException {
    segments.delete(owner, id);
  }

  /**
   * Lists the fans a segment selects now, a page at a time, in id order.
   *
   * @param id the segment id
   * @param after the {@code next} of the previous page; absent for the first page
   * @param size fans per page
   */
  @GetMapping("/{id}/fans")
  public FanViews.FanPageView listSegmentFans(
      @CurrentOwner OwnerId owner,
      @PathVariable("id") String id,
      @RequestParam(name = "after", required = false) String after,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "50"))
          @RequestParam(name = "size", defaultValue = "50")
          int size)
      throws IOException {
    Segment segment = segments.get(owner, id);
    return FanViews.FanPageView.of(
        fans.find(
            owner,
            segment.labels(),
            segment.unlabelled(),
            Optional.ofNullable(after).filter(a -> !a.isBlank()),
            size));
  }

  /**
   * What a segment's fans did on the owner's shelves, summed.
   *
   * @param id the segment id
   */
  @GetMapping("/{id}/stats")
  public AttributedStats.Counts getSegmentStats(
      @CurrentOwner OwnerId owner, @PathVariable("id") String id) throws IOException {
    return stats.segment(owner, segments.get(owner, id));
  }

  /** The service behind the controller and the console. */
  @org.springframework.stereotype.Service
  public static class SegmentService {
    private final SegmentStore store;
    private final FanService fans;
    private final Clock clock;

    public SegmentService(SegmentStore store, FanService fans, Clock clock) {
      this.store = store;
      this.fans = fans;
      this.clock = clock;
    }

    public List<Segment> list(OwnerId owner) {
      return store.list(owner);
    }

    public Segment get(OwnerId owner, String id) {
      return store
          .get(owner, id)
          .orElseThrow(() -> ApiException.notFound("no segment '" + id + "'"));
    }

    public Segment save(OwnerId owner, Optional<String> id, SegmentRequest body)
        throws IOException {
      var taxonomy = fans.taxonomy();
      var labels =
          LabelFilters.resolve(
              "labels", body.labels() == null ? Map.of() : body.labels(), taxonomy);
      var unlabelled =
          LabelFilters.dimensions(
              "unlabelled", body.unlabelled() == null ? List.of() : body.unlabelled(), taxonomy);
      Instant created =
          id.flatMap(i -> store.get(owner, i)).map(Segment::createdAt).orElse(clock.instant());
      Segment segment =
          new Segment(
              id.orElseGet(() -> Tokens.id("seg_")),
              owner,
              Params.name("name", body.name(), 100),
              labels,
              unlabelled,
              created);
      store.put(segment);
      return segment;
    }

    public void delete(OwnerId owner, String id) throws IOException {
      if (!store.delete(owner, id)) {
        throw ApiException.notFound("no segment '" + id + "'");
      }
    }

    public SegmentView view(Segment segment) throws IOException {
      long count =
          fans.find(segment.owner(), segment.labels(), segment.unlabelled(), Optional.empty(), 1)
              .total();
      return new SegmentView(
          segment.id(),
          segment.name(),
          segment.labels(),
          segment.unlabelled(),
          segment.createdAt(),
          count);
    }
  }
}
