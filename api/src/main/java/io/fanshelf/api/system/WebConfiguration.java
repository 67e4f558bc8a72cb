package io.fanshelf.api.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings shared by pages and the API: the page language, query strings and form bodies
 * checked for UTF-8 before any handler reads them, and the error path.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {
  @Bean
  LocaleResolver localeResolver() {
    return new FanShelfLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ParameterEncodingInterceptor()).order(Ordered.HIGHEST_PRECEDENCE);
  }

  /** Before every other filter, so that nothing reads a parameter the container cannot decode. */
  @Bean
  FilterRegistrationBean<UnreadableParametersFilter> unreadableParametersFilter() {
    var registration = new FilterRegistrationBean<>(new UnreadableParametersFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    return registration;
  }

  /** Boot's error controller, for every error no handler answered itself. */
  @Bean
  BasicErrorController basicErrorController(
      ErrorAttributes errorAttributes,
      WebProperties web,
      ObjectProvider<ErrorViewResolver> viewResolvers) {
    return new ErrorPathController(
        errorAttributes, web.getError(), viewResolvers.orderedStream().toList());
  }

  /**
   * Answers a request for the error path itself, with no error behind it, 404 like any path without
   * a page; Boot's own controller answers it {@code {"status":999}} with a 500.
   */
  static final class ErrorPathController extends BasicErrorController {
    ErrorPathController(
        ErrorAttributes errorAttributes,
        ErrorProperties properties,
        List<ErrorViewResolver> viewResolvers) {
      super(errorAttributes, properties, viewResolvers);
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
      return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
          ? HttpStatus.NOT_FOUND
          : super.getStatus(request);
    }
  }
}
