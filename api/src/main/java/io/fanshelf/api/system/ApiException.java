package io.fanshelf.api.system;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A request the service refuses, turned into an RFC 9457 problem by {@link ApiExceptionHandler} (or
 * an error page for the console and the shelf). The detail says what was expected and what to do;
 * {@code field} names the offending field or parameter when there is one. As an {@link
 * ErrorResponse} it keeps its status where no handler of ours answers it (a path no controller
 * serves, a picture), instead of becoming a 500.
 */
public final class ApiException extends RuntimeException implements ErrorResponse {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String field;
  private final Duration retryAfter;

  private ApiException(HttpStatus status, String field, String detail, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public static ApiException badRequest(String field, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, detail, null);
  }

  /** Something that does not exist, or that the caller may not know exists. */
  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, null, detail, null);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, null, detail, null);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, null, detail, null);
  }

  public static ApiException conflict(String field, String detail) {
    return new ApiException(HttpStatus.CONFLICT, field, detail, null);
  }

  public static ApiException tooManyRequests(Duration retryAfter) {
    return new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        null,
        "rate limit reached; retry after " + Math.max(1, retryAfter.toSeconds()) + " s",
        retryAfter);
  }

  /**
   * The service cannot take the request now (a dependency away, a backlog over its bound); nothing
   * of it was applied, and the same request may be sent again after {@code retryAfter}.
   */
  public static ApiException serviceUnavailable(String detail, Duration retryAfter) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, detail, retryAfter);
  }

  public HttpStatus status() {
    return status;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return status;
  }

  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  @Override
  public HttpHeaders getHeaders() {
    HttpHeaders headers = new HttpHeaders();
    if (retryAfter != null) {
      headers.set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
    return headers;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
