package io.fanshelf.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.GenericFilterBean;

/**
 * Keeps parameters the container cannot decode (a form body or query with {@code %FF}) from failing
 * every later reader: Tomcat throws on each {@code getParameter} of such a request, so the locale
 * resolver, the error page and Boot's error controller all failed with a 500 after the request had
 * been refused. The wrapped request answers as if it had no parameters and remembers why, for
 * {@link ParameterEncodingInterceptor} to refuse it with a 400 naming the parameter. Runs first, on
 * error dispatches too. Thread-safe.
 */
final class UnreadableParametersFilter extends GenericFilterBean {
  /** The request attribute holding the {@link Unreadable} parameter, once the container failed. */
  static final String UNREADABLE = UnreadableParametersFilter.class.getName() + ".unreadable";

  // Tomcat's message: "Character decoding failed. Parameter [name] with value [...] ...".
  private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([^\\]]*)\\]");

  /**
   * The parameter the container could not decode.
   *
   * @param name its name as the container quoted it, empty when it named none
   */
  record Unreadable(String name) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(
        request instanceof HttpServletRequest http ? new SafeParameters(http) : request, response);
  }

  /** The parameter the container could not decode, if one of them failed so far. */
  static Optional<Unreadable> unreadable(HttpServletRequest request) {
    return request.getAttribute(UNREADABLE) instanceof Unreadable unreadable
        ? Optional.of(unreadable)
        : Optional.empty();
  }

  private static final class SafeParameters extends HttpServletRequestWrapper {
    SafeParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      try {
        return super.getParameter(name);
      } catch (IllegalStateException e) {
        remember(e);
        return null;
      }
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      try {
        return super.getParameterMap();
      } catch (IllegalStateException e) {
        remember(e);
        return Map.of();
      }
    }

    @Override
    public Enumeration<String> getParameterNames() {
      try {
        return super.getParameterNames();
      } catch (IllegalStateException e) {
        remember(e);
        return Collections.emptyEnumeration();
      }
    }

    @Override
    public String[] getParameterValues(String name) {
      try {
        return super.getParameterValues(name);
      } catch (IllegalStateException e) {
        remember(e);
        return null;
      }
    }

    private void remember(IllegalStateException e) {
      if (getAttribute(UNREADABLE) == null) {
        Matcher name = PARAMETER_NAME.matcher(String.valueOf(e.getMessage()));
        setAttribute(UNREADABLE, new Unreadable(name.find() ? name.group(1) : ""));
      }
    }
  }
}
