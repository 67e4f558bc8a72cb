package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Response bodies for fans and labels, as their owner sees them. */
public final class FanViews {
  private FanViews() {}

  /**
   * One label.
   *
   * @param values value ids
   * @param source owner, import or suggested
   * @param confidence in (0, 1]
   * @param time when it was set
   * @param actor who set it
   */
  public record LabelView(
      List<String> values, String source, double confidence, Instant time, String actor) {
    static LabelView of(Label label) {
      return new LabelView(
          label.values(),
          label.source().name().toLowerCase(Locale.ROOT),
          label.confidence(),
          label.time(),
          label.actor());
    }
  }

  /**
   * A fan of the owner.
   *
   * @param id the fan id
   * @param nickname the owner's remark name, if any
   * @param joinedAt when the fan joined the owner
   * @param labels by dimension id
   */
  public record FanView(
      String id, String nickname, Instant joinedAt, Map<String, LabelView> labels) {
    public static FanView of(FanProfile profile) {
      Map<String, LabelView> labels = new TreeMap<>();
      profile.labels().forEach((dimension, label) -> labels.put(dimension, LabelView.of(label)));
      return new FanView(
          profile.fan().id().value(),
          profile.fan().nickname().orElse(null),
          profile.fan().joinedAt(),
          labels);
    }
  }

  /**
   * A page of fans.
   *
   * @param fans this page, by fan id
   * @param total how many fans match in all
   * @param next the cursor for the next page ({@code after=}); null on the last page
   */
  public record FanPageView(List<FanView> fans, long total, String next) {
    public static FanPageView of(FanPage page) {
      return new FanPageView(
          page.fans().stream().map(FanView::of).toList(), page.total(), page.next().orElse(null));
    }
  }
}
