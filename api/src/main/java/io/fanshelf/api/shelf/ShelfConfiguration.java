package io.fanshelf.api.shelf;

import io.fanshelf.api.system.FanShelfProperties;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Share links in files under {@code <data>/api/links}; the shelf cache is online state ({@link
 * io.fanshelf.api.redis.OnlineStateConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class ShelfConfiguration {
  @Bean
  ShareLinkStore shareLinkStore(FanShelfProperties properties, ObjectMapper mapper, Clock clock)
      throws IOException {
    return new FileShareLinkStore(properties.apiDir(), mapper, clock);
  }
}
