package io.fanshelf.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser hardening on every response: no sniffing, no framing, no referrer (a shelf URL is a
 * secret and must not leak to the shop a fan goes on to), and a content security policy that allows
 * only the app's own scripts and styles (every asset is served by the app, no CDN), and images from
 * the app and the catalog's image hosts ({@code fanshelf.shelf.image-sources}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {
  private final String images;

  public SecurityHeadersFilter(FanShelfProperties properties) {
    String extra = properties.shelf().imageSources();
    this.images = "'self' data:" + (extra.isEmpty() ? "" : " " + extra);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    // Swagger UI sets inline styles; it still loads only the app's own scripts.
    String styles =
        request.getRequestURI().startsWith("/swagger-ui") ? "'self' 'unsafe-inline'" : "'self'";
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; img-src "
            + images
            + "; style-src "
            + styles
            + "; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'");
    chain.doFilter(request, response);
  }
}
