package io.fanshelf.api.owner;

import io.fanshelf.api.system.FanShelfProperties;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The embedded owner stores: files under {@code <data>/api}. */
@Configuration(proxyBeanMethods = false)
public class OwnerConfiguration {
  @Bean
  SegmentStore segmentStore(FanShelfProperties properties, ObjectMapper mapper) throws IOException {
    return new FileSegmentStore(properties.apiDir(), mapper);
  }

  @Bean
  CurationStore curationStore(FanShelfProperties properties, ObjectMapper mapper)
      throws IOException {
    return new FileCurationStore(properties.apiDir(), mapper);
  }
}
