package io.fanshelf.api.outreach;

import io.fanshelf.recommender.outreach.OutreachOptions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fanshelf.outreach.*}: the daily outreach list; application.yml documents each key.
 *
 * @param capDays a fan is listed at most once in this many days (0: no cap)
 * @param budget at most this many fans a day
 * @param lookbackDays a price or stock change, or a new arrival, counts for this many days
 * @param interestDays a view, favourite or cart counts as interest for this many days
 * @param lapsedDays a buyer unseen for this many days has lapsed
 */
@Validated
@ConfigurationProperties("fanshelf.outreach")
public record OutreachProperties(
    @Min(0) @Max(365) @DefaultValue("7") int capDays,
    @Min(1) @Max(5000) @DefaultValue("200") int budget,
    @Min(1) @Max(90) @DefaultValue("7") int lookbackDays,
    @Min(1) @Max(365) @DefaultValue("90") int interestDays,
    @Min(1) @Max(365) @DefaultValue("30") int lapsedDays) {

  OutreachOptions options() {
    OutreachOptions defaults = OutreachOptions.defaults();
    return new OutreachOptions(
        capDays,
        budget,
        lookbackDays,
        interestDays,
        lapsedDays,
        defaults.shelfChangedShare(),
        defaults.shelfSize(),
        defaults.lifts());
  }
}
