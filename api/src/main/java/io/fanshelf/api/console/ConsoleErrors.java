package io.fanshelf.api.console;

import io.fanshelf.indexer.ingest.ValidationError;
import io.fanshelf.indexer.taxonomy.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * Validation errors as a console page shows them: in the page's language, dimensions and values by
 * their display names (年龄段, not {@code age}). An error whose {@link ValidationError#code} has a
 * message {@code validation.<id>} is said with it; any other keeps the validator's English message.
 * Immutable; one per request.
 */
public record ConsoleErrors(ConsoleNames names, MessageSource messages, Locale locale) {

  /** The error's message in the page language. */
  public String text(ValidationError error) {
    if (error.code().isEmpty()) {
      return error.message();
    }
    ValidationError.Code code = error.code().get();
    try {
      return messages.getMessage("validation." + code.id(), arguments(code), locale);
    } catch (NoSuchMessageException e) {
      return error.message();
    }
  }

  /** A console message by key, in the page language. */
  public String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** Each error as one line: "field: message", the field by its display name; plain text. */
  public List<String> lines(List<ValidationError> errors) {
    return errors.stream()
        .map(e -> e.field().isEmpty() ? text(e) : field(e) + ": " + text(e))
        .toList();
  }

  /** The column or field, by its display name when it is a taxonomy dimension. */
  public String field(ValidationError error) {
    return names.dimension(error.field());
  }

  /**
   * The code's arguments with names looked up: for label codes the first argument is a dimension,
   * so its display name comes first and the names of its active values are added last.
   */
  private Object[] arguments(ValidationError.Code code) {
    List<Object> arguments = new ArrayList<>(code.arguments());
    if (code.id().startsWith("label.") && !arguments.isEmpty()) {
      String dimension = code.arguments().getFirst();
      arguments.set(0, names.dimension(dimension));
      Optional<Dimension> known = names.taxonomy().dimension(dimension);
      arguments.add(
          known
              .map(d -> names.values(dimension, names.values(d).stream().map(v -> v.id()).toList()))
              .orElse(""));
    }
    return arguments.toArray();
  }
}
