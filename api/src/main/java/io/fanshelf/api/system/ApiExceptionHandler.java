package io.fanshelf.api.system;

import io.fanshelf.indexer.ingest.ImportRejectedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every REST error as an RFC 9457 problem: {@code detail} says what was expected, {@code field}
 * names the field or parameter, and {@code errors} lists one entry per bad item of a batch or file
 * ({@code file}, {@code line}, {@code field}, {@code message}; for an API batch {@code line} is the
 * item's 1-based position). Pages have their own error view.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  // A Java type as Jackson quotes it in a message, e.g. `java.util.List<java.lang.String>`.
  private static final Pattern JAVA_TYPE = Pattern.compile("`[\\w.$]+(<[^`]*>)?`");
  // Where Jackson quotes its input source inside a message, e.g. "(start marker at [Source: ...])".
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");

  /** One bad item. */
  public record ItemError(String file, long line, String field, String message) {}

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    e.field().ifPresent(field -> problem.setProperty("field", field));
    HttpHeaders headers = new HttpHeaders();
    e.retryAfter()
        .ifPresent(
            wait -> headers.set("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    return ResponseEntity.status(e.status()).headers(headers).body(problem);
  }

  @ExceptionHandler(ImportRejectedException.class)
  ProblemDetail rejected(ImportRejectedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            e.totalErrors()
                + " error(s); nothing was applied"
                + (e.totalErrors() > e.errors().size()
                    ? " (the first " + e.errors().size() + " are listed)"
                    : ""));
    problem.setTitle("Input rejected");
    List<ItemError> errors = new ArrayList<>();
    e.errors().forEach(v -> errors.add(new ItemError(v.file(), v.line(), v.field(), v.message())));
    problem.setProperty("errors", errors);
    if (!errors.isEmpty() && !errors.getFirst().field().isEmpty()) {
      problem.setProperty("field", errors.getFirst().field());
    }
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail illegalArgument(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "expected "
                + (e.getRequiredType() == null ? "a value" : e.getRequiredType().getSimpleName())
                + " for '"
                + e.getName()
                + "', got '"
                + e.getValue()
                + "'");
    problem.setProperty("field", e.getName());
    return problem;
  }

  /**
   * A multipart body the servlet container cannot parse (no boundary, cut off, a file name with a
   * NUL character): the client's fault, and the container's reason names what it stumbled on. Parts
   * are parsed lazily ({@code spring.servlet.multipart.resolve-lazily}) so that this runs with the
   * handler known and answers as a problem.
   */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableMultipart(MultipartException e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        "the multipart/form-data body could not be read"
            + (cause == e || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
            + "; send every part complete, with the boundary the Content-Type names, and file"
            + " names without control characters");
  }

  @ExceptionHandler(IOException.class)
  ProblemDetail io(IOException e) {
    LOG.error("storage failure", e);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "the data directory could not be read or written; nothing was acknowledged, retry later");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("field", error.getField());
      item.put(
          "message", error.getDefaultMessage() + ", got " + describe(error.getRejectedValue()));
      errors.add(item);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.isEmpty()
                ? "invalid request body"
                : errors.getFirst().get("field") + ": " + errors.getFirst().get("message"));
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.getFirst().get("field"));
    }
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = null;
    String detail = "expected a JSON body";
    if (e.getCause() instanceof JacksonException jackson) {
      field = path(jackson);
      detail = (field.isEmpty() ? "" : field + ": ") + describe(jackson);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    if (field != null && !field.isEmpty()) {
      problem.setProperty("field", field);
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "parameter '" + e.getParameterName() + "' (" + e.getParameterType() + ") is required");
    problem.setProperty("field", e.getParameterName());
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "expected a multipart/form-data upload with a part named '"
                + e.getRequestPartName()
                + "'");
    problem.setProperty("field", e.getRequestPartName());
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * What was wrong with a body that is JSON but not the expected shape, in the API's words:
   * Jackson's own messages name Java types ({@code java.util.ArrayList<...>}, {@code
   * EventController$EventBatchRequest}), which mean nothing to a client.
   */
  private static String describe(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '"
          + unknown.getPropertyName()
          + "'; expected fields among "
          + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + jsonKind(mismatch.getTargetType());
    }
    // The original message is without Jackson's location and reference chain, which quote Java
    // types (EventController$EventBatchRequest["events"]->java.util.ArrayList[0]); the location
    // goes in as line and column.
    String message =
        JAVA_TYPE
            .matcher(String.valueOf(e.getOriginalMessage()))
            .replaceAll(
                type ->
                    switch (type.group()) {
                      case "`long`" -> "a 64-bit integer";
                      case "`int`" -> "a 32-bit integer";
                      default -> "a value";
                    });
    message = SOURCE.matcher(message).replaceAll("");
    TokenStreamLocation at = e.getLocation();
    return "malformed JSON: "
        + message.replace('\n', ' ').strip()
        + (at != null && at.getLineNr() > 0
            ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
            : "");
  }

  private static String jsonKind(Class<?> type) {
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "an object";
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
