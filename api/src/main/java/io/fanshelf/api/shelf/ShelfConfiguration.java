package io.fanshelf.api.shelf;

import io.fanshelf.api.system.FanShelfProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The embedded shelf state: links in files under {@code <data>/api/links}, shelves in memory. */
@Configuration(proxyBeanMethods = false)
public class ShelfConfiguration {
  @Bean
  ShareLinkStore shareLinkStore(FanShelfProperties properties, ObjectMapper mapper, Clock clock)
      throws IOException {
    return new FileShareLinkStore(properties.apiDir(), mapper, clock);
  }

  @Bean
  ShelfCache shelfCache(FanShelfProperties properties, Clock clock, MeterRegistry registry) {
    return new InMemoryShelfCache(properties.shelf().cacheTtl(), clock, registry);
  }
}
