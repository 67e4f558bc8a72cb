package io.fanshelf.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What an API key may do. {@link #ADMIN} may do everything. */
@Schema(
    enumAsRef = true,
    description =
        "What an API key may do: send events, read recommendations, or everything (admin).")
public enum Scope {
  /** Send events. */
  EVENTS_WRITE("events:write"),
  /** Read recommendations and similar items. */
  RECOMMEND_READ("recommend:read"),
  /** Manage API keys, owner accounts and imports; implies the other scopes. */
  ADMIN("admin");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.wireName.equals(text)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "expected one of "
            + Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "))
            + ", got '"
            + text
            + "'");
  }
}
