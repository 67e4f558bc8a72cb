package io.fanshelf.api.funnel;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the funnel attributes (key {@code fanshelf.funnel}).
 *
 * @param attributionWindow how long after a fan's click on an owner's shelf a cart or purchase of
 *     the same product that carries no owner still counts for that owner
 */
@Validated
@ConfigurationProperties("fanshelf.funnel")
public record FunnelProperties(@NotNull @DefaultValue("7d") Duration attributionWindow) {
  public FunnelProperties {
    if (attributionWindow.isNegative()) {
      throw new IllegalArgumentException(
          "fanshelf.funnel.attribution-window must be 0 or more, got " + attributionWindow);
    }
  }
}
