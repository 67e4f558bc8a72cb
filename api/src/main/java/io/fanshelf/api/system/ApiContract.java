package io.fanshelf.api.system;

import io.fanshelf.api.auth.AccessInterceptor;
import io.fanshelf.api.auth.OwnerOnly;
import io.fanshelf.api.auth.RequireScope;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI document states for every operation beyond its javadoc, read from the same
 * annotations that {@code AccessInterceptor} enforces: who may call it ({@link RequireScope}: an
 * API key with that scope; {@link OwnerOnly}: a signed-in owner; neither: anyone) and every error
 * status it can answer, each an RFC 9457 {@link Problem}. A handler declares only the errors
 * peculiar to it (a 409, a 404 without a path variable); the common ones follow from its inputs.
 * The tag names group operations by feature.
 */
public final class ApiContract {
  public static final String EVENTS = "Events";
  public static final String RECOMMENDATIONS = "Recommendations";
  public static final String SIGN_IN = "Sign-in";
  public static final String FANS = "Fans";
  public static final String LABELS = "Labels";
  public static final String SEGMENTS = "Segments";
  public static final String CURATION = "Pins and blocks";
  public static final String SHARE_LINKS = "Share links";
  public static final String STATISTICS = "Statistics";
  public static final String ADMIN = "Administration";
  public static final String MODELS = "Models";
  public static final String SUGGESTIONS = "Label suggestions";
  public static final String OUTREACH = "Outreach";

  static final String API_KEY = "apiKey";
  static final String OWNER_TOKEN = "ownerToken";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final String RESPONSES = "#/components/responses/";

  /** The shared error responses by status: the name under components.responses, and its text. */
  private record Standard(String name, String description) {}

  private static final Map<String, Standard> STANDARD = new LinkedHashMap<>();

  static {
    STANDARD.put(
        "400",
        new Standard(
            "BadRequest",
            "Malformed or invalid input; nothing was changed. `detail` says what was expected and"
                + " what came, `field` names the parameter or field, `errors` lists every bad item"
                + " of a batch or file."));
    STANDARD.put(
        "401",
        new Standard(
            "Unauthorized",
            "No credentials where they are needed, or an unknown, revoked or expired API key or"
                + " owner token (`WWW-Authenticate: Bearer`)."));
    STANDARD.put(
        "403",
        new Standard(
            "Forbidden",
            "Valid credentials that may not do this: an API key without the scope, an owner token"
                + " on an app endpoint or an API key on an owner endpoint."));
    STANDARD.put(
        "404",
        new Standard(
            "NotFound",
            "No such thing, or not the caller's: another owner's fan, segment or link is not"
                + " found either."));
    STANDARD.put(
        "413",
        new Standard(
            "PayloadTooLarge",
            "The upload is larger than the server takes (spring.servlet.multipart.max-file-size,"
                + " 200 MB by default)."));
    STANDARD.put(
        "415",
        new Standard(
            "UnsupportedMediaType", "The body is not of a content type this operation reads."));
    STANDARD.put(
        "429",
        new Standard(
            "TooManyRequests",
            "A rate limit was reached (per API key, per owner, or sign-in attempts per owner id);"
                + " retry after the seconds in `Retry-After`."));
    STANDARD.put(
        "500",
        new Standard(
            "ServerError",
            "The server could not read or write its data; nothing was acknowledged. Retry later."));
  }

  private ApiContract() {}

  /** The shared error responses, for components.responses. */
  static Map<String, ApiResponse> standardResponses() {
    Map<String, ApiResponse> responses = new LinkedHashMap<>();
    STANDARD.forEach(
        (status, standard) ->
            responses.put(standard.name(), problem(status, standard.description())));
    return responses;
  }

  /** Adds who may call the operation and the errors it can answer. */
  static Operation describe(Operation operation, HandlerMethod handler) {
    RequireScope scope = AccessInterceptor.find(handler, RequireScope.class);
    boolean owner = AccessInterceptor.find(handler, OwnerOnly.class) != null;
    String who;
    if (scope != null) {
      String name = scope.value().wireName();
      // Scopes of a bearer scheme have no place in OpenAPI's security requirement (linters take
      // them for OAuth scopes): the description says it, and an extension for tools.
      operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
      operation.addExtension("x-fanshelf-scope", name);
      who =
          name.equals("admin")
              ? "Needs an API key with scope `admin`."
              : "Needs an API key with scope `" + name + "` (or `admin`).";
    } else if (owner) {
      operation.addSecurityItem(new SecurityRequirement().addList(OWNER_TOKEN));
      who = "Needs a signed-in owner's token; acts on that owner's data only.";
    } else {
      who = "Needs no credentials.";
    }
    operation.setDescription(
        operation.getDescription() == null || operation.getDescription().isBlank()
            ? who
            : operation.getDescription().strip() + "\n\n" + who);

    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean body = operation.getRequestBody() != null;
    boolean multipart =
        body
            && operation.getRequestBody().getContent() != null
            && operation.getRequestBody().getContent().containsKey("multipart/form-data");
    ApiResponses responses = operation.getResponses();
    responses.forEach(
        (status, response) -> {
          if (status.charAt(0) >= '4' && response.get$ref() == null) {
            response.setContent(problemContent());
            if (status.equals("429") || status.equals("503")) {
              response.addHeaderObject("Retry-After", retryAfter());
            }
          }
        });
    standard(responses, "400", body || !parameters.isEmpty());
    standard(responses, "401", true);
    standard(responses, "403", scope != null || owner);
    standard(responses, "404", parameters.stream().anyMatch(p -> "path".equals(p.getIn())));
    standard(responses, "413", multipart);
    standard(responses, "415", body);
    standard(responses, "429", true);
    standard(responses, "500", true);
    return operation;
  }

  private static void standard(ApiResponses responses, String status, boolean applies) {
    if (applies && !responses.containsKey(status)) {
      responses.addApiResponse(
          status, new ApiResponse().$ref(RESPONSES + STANDARD.get(status).name()));
    }
  }

  private static ApiResponse problem(String status, String description) {
    ApiResponse response = new ApiResponse().description(description).content(problemContent());
    if (status.equals("429")) {
      response.addHeaderObject("Retry-After", retryAfter());
    }
    return response;
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
  }

  private static Header retryAfter() {
    return new Header()
        .description("seconds to wait before the next request")
        .schema(new IntegerSchema().minimum(BigDecimal.ONE));
  }
}
