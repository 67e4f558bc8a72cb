package io.fanshelf.api.auth;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/**
 * The auth stores (files under {@code <data>/api} on the embedded store, the cluster's {@code
 * <prefix>-api} index on Elasticsearch), the filter and the interceptor.
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration implements WebMvcConfigurer {

  @Bean
  PasswordEncoder passwordEncoder(FanShelfProperties properties) {
    return new BCryptPasswordEncoder(properties.auth().bcryptStrength());
  }

  @Bean
  ApiKeyStore apiKeyStore(
      FanShelfProperties properties, Indexer indexer, ObjectMapper mapper, Clock clock)
      throws IOException {
    var cluster = SharedDocuments.of(indexer);
    return cluster.isPresent()
        ? new ElasticsearchApiKeyStore(cluster.get(), mapper, clock)
        : new FileApiKeyStore(properties.apiDir(), mapper, clock);
  }

  @Bean
  AccountStore accountStore(FanShelfProperties properties, Indexer indexer, ObjectMapper mapper)
      throws IOException {
    var cluster = SharedDocuments.of(indexer);
    return cluster.isPresent()
        ? new ElasticsearchAccountStore(cluster.get(), mapper)
        : new FileAccountStore(properties.apiDir(), mapper);
  }

  @Bean
  TokenStore tokenStore(
      FanShelfProperties properties, Indexer indexer, ObjectMapper mapper, Clock clock)
      throws IOException {
    var cluster = SharedDocuments.of(indexer);
    return cluster.isPresent()
        ? new ElasticsearchTokenStore(cluster.get(), mapper, clock)
        : new FileTokenStore(properties.apiDir(), mapper, clock);
  }

  @Bean
  FilterRegistrationBean<AuthFilter> authFilter(
      ApiKeyStore keys,
      TokenStore tokens,
      RateLimiter limiter,
      FanShelfProperties properties,
      ObjectMapper mapper) {
    var registration =
        new FilterRegistrationBean<>(
            new AuthFilter(keys, tokens, limiter, properties.rateLimit(), mapper));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AccessInterceptor());
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentOwnerResolver());
  }
}
