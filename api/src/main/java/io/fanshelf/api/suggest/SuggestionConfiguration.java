package io.fanshelf.api.suggest;

import io.fanshelf.api.system.FanShelfProperties;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The rejected suggestions' file under {@code <data>/api}. */
@Configuration(proxyBeanMethods = false)
class SuggestionConfiguration {
  @Bean
  RejectedSuggestions rejectedSuggestions(FanShelfProperties properties, ObjectMapper mapper)
      throws IOException {
    return new RejectedSuggestions(properties.apiDir(), mapper);
  }
}
