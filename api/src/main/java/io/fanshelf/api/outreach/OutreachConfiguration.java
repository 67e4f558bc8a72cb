package io.fanshelf.api.outreach;

import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.outreach.OutreachPlanner;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The outreach planner over the serving recommender, and the settings file under the data dir. */
@Configuration(proxyBeanMethods = false)
class OutreachConfiguration {
  @Bean
  OutreachPlanner outreachPlanner(
      Indexer indexer, Recommender recommender, OutreachProperties properties) {
    return new OutreachPlanner(indexer, recommender, properties.options());
  }

  @Bean
  OutreachSettingsStore outreachSettingsStore(FanShelfProperties properties, ObjectMapper mapper)
      throws IOException {
    return new OutreachSettingsStore(properties.apiDir(), mapper);
  }

  @Bean
  Templates outreachTemplates(MessageSource messages) {
    return new Templates(messages);
  }
}
