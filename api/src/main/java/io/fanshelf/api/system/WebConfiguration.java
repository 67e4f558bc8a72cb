package io.fanshelf.api.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Web settings: the page language, the HTTP connector. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {
  @Bean
  LocaleResolver localeResolver() {
    return new FanShelfLocaleResolver();
  }

  /** See {@link FanShelfProperties.Http#selectorTimeout}. */
  @Bean
  TomcatConnectorCustomizer pollerSelectorTimeout(FanShelfProperties properties) {
    return connector ->
        connector.setProperty(
            "selectorTimeout", Long.toString(properties.http().selectorTimeout().toMillis()));
  }
}
