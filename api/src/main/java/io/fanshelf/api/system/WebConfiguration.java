package io.fanshelf.api.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Web settings shared by pages: the page language. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {
  @Bean
  LocaleResolver localeResolver() {
    return new FanShelfLocaleResolver();
  }
}
