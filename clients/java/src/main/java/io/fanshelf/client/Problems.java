package io.fanshelf.client;

import com.fasterxml.jackson.core.JacksonException;
import io.fanshelf.client.model.Problem;
import java.util.Optional;

/**
 * Reads the RFC 9457 problem that FanShelf answers every error with out of the generated client's
 * {@link ApiException}: {@code Problems.of(e).map(Problem::getDetail)}. Hand-written, beside the
 * generated code. Stateless and thread-safe.
 */
public final class Problems {
  private Problems() {}

  /**
   * The problem in an error response; empty when the exception carries no response (a connection
   * failure) or the body is not a problem.
   */
  public static Optional<Problem> of(ApiException e) {
    String body = e.getResponseBody();
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.getDefault().getMapper().readValue(body, Problem.class));
    } catch (JacksonException notAProblem) {
      return Optional.empty();
    }
  }
}
