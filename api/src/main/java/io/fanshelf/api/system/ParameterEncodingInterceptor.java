package io.fanshelf.api.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query string or form body that is not UTF-8 once percent-decoded ({@code need=%FF})
 * with a 400 naming the parameter, before any handler reads a parameter: the servlet container
 * would otherwise fail inside the handler with an I/O error that looks like a storage fault. The
 * query is decoded here, a form body by the container under {@link UnreadableParametersFilter}.
 * Runs before every other interceptor. Thread-safe.
 */
final class ParameterEncodingInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String rawName = equals < 0 ? pair : pair.substring(0, equals);
        String name = decode(rawName, rawName, "the name of parameter");
        if (equals >= 0) {
          decode(name, pair.substring(equals + 1), "parameter");
        }
      }
    }
    if (isForm(request)) {
      request.getParameterMap();
    }
    Optional<UnreadableParametersFilter.Unreadable> unreadable =
        UnreadableParametersFilter.unreadable(request);
    if (unreadable.isPresent()) {
      String name = unreadable.get().name();
      throw ApiException.badRequest(
          name.isEmpty() ? "form" : name,
          (name.isEmpty() ? "the form body" : "form field '" + name + "'")
              + " could not be read: expected application/x-www-form-urlencoded text that is"
              + " valid UTF-8 once percent-decoded; percent-encode the UTF-8 bytes of the text");
    }
    return true;
  }

  /** A form body, which the container decodes when a parameter is first read. */
  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
  }

  /** The text {@code raw} stands for, or a 400 naming {@code field}. */
  private static String decode(String field, String raw, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw ApiException.badRequest(
              field,
              what
                  + " '"
                  + field
                  + "' has a '%' not followed by two hex digits, got '"
                  + raw
                  + "'; write a literal % as %25");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest(
          field,
          what
              + " '"
              + field
              + "' is not valid UTF-8 once percent-decoded, got '"
              + raw
              + "'; percent-encode the UTF-8 bytes of the text");
    }
  }
}
