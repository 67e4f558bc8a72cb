package io.fanshelf.api.suggest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fanshelf.suggestions.*}.
 *
 * @param threshold the confidence a suggestion needs to be listed unless the owner asks for less;
 *     docs/evaluation.md measures precision and recall at this value
 * @param refresh how old the fitted model may get before labels or events changed since make it
 *     refit (in the background; the old one serves meanwhile)
 * @param fitOnStart fit the model in the background once the application is ready, so that the
 *     first owner to open the suggestions does not wait for it
 */
@Validated
@ConfigurationProperties("fanshelf.suggestions")
public record SuggestionProperties(
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.6")
        double threshold,
    @NotNull @DefaultValue("10m") Duration refresh,
    @DefaultValue("true") boolean fitOnStart) {}
