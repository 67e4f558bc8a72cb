package io.fanshelf.api.system;

import io.fanshelf.api.auth.CurrentOwner;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, checked in as {@code openapi/fanshelf-api.json}) and
 * Swagger UI ({@code /swagger-ui.html}). Texts come from the controllers' javadoc (kept in the
 * classes by the therapi processor); {@link ApiContract} adds to every operation who may call it
 * and each error it can answer.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
  /**
   * The version of the {@code /api/v1} contract: the minor number grows with each additive change
   * (docs/api.md, "Versions and compatibility"); a breaking change would be {@code /api/v2}.
   */
  public static final String CONTRACT_VERSION = "1.2.0";

  static {
    // The signed-in owner is taken from the credentials, never from the request.
    SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentOwner.class);
  }

  @Bean
  OpenAPI fanShelfOpenApi() {
    Components components =
        new Components()
            .addSecuritySchemes(
                ApiContract.API_KEY,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("fsk_...")
                    .description(
                        "An app's API key, made by an admin (POST /api/v1/admin/api-keys), with"
                            + " scopes events:write, recommend:read or admin (admin has every"
                            + " scope)."))
            .addSecuritySchemes(
                ApiContract.OWNER_TOKEN,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("fso_...")
                    .description(
                        "An owner's token from POST /api/v1/auth/token; owner endpoints act on"
                            + " that owner's data only."));
    ApiContract.standardResponses().forEach(components::addResponses);
    return new OpenAPI()
        .info(
            new Info()
                .title("FanShelf API")
                .version(CONTRACT_VERSION)
                .description(
                    """
                    Events, recommendations, an owner's fans, labels, segments, pins, share links \
                    and statistics, and administration.

                    Apps send an API key (`fsk_...`), owners an owner token (`fso_...` from \
                    `POST /api/v1/auth/token`), as `Authorization: Bearer`. Every error is an \
                    RFC 9457 problem (`application/problem+json`) with `detail` for a person, \
                    `field` naming the parameter or field at fault and `errors` listing every \
                    bad item of a batch. A rate limit answers 429 with `Retry-After` in seconds.

                    Compatibility: within `/api/v1` fields and operations are only added, never \
                    renamed, retyped or removed; clients must ignore response fields they do not \
                    know. The document's version grows with each addition (docs/api.md)."""))
        .servers(
            List.of(
                new Server()
                    .url("http://localhost:8080")
                    .description("a server started by ./run-demo.sh; use your installation's")))
        .tags(
            List.of(
                tag(ApiContract.EVENTS, "Apps report what fans did: views, carts, purchases..."),
                tag(
                    ApiContract.RECOMMENDATIONS,
                    "Ranked products for a fan of an owner, and products bought together."),
                tag(ApiContract.SIGN_IN, "Owners sign in for API tokens and sign out."),
                tag(ApiContract.FANS, "The signed-in owner's fans and the labels on each."),
                tag(ApiContract.LABELS, "Labels in bulk and the label spreadsheet."),
                tag(ApiContract.SEGMENTS, "Saved label queries, their fans and statistics."),
                tag(ApiContract.CURATION, "Pins (shown first on every shelf) and blocks."),
                tag(ApiContract.SHARE_LINKS, "Share links to fans' shelves, as CSV and QR."),
                tag(ApiContract.STATISTICS, "What fans did on the owner's shelves, by day."),
                tag(ApiContract.ADMIN, "API keys, owner accounts, imports and data counts."),
                tag(ApiContract.MODELS, "Ranking models: list, publish, roll back, retrain."),
                tag(
                    ApiContract.SUGGESTIONS,
                    "Labels fans probably have, from behaviour: accept or reject in bulk."),
                tag(ApiContract.OUTREACH, "Who to message today, with messages; marking sent.")))
        .components(components);
  }

  @Bean
  GlobalOperationCustomizer apiContract() {
    return ApiContract::describe;
  }

  /**
   * The Problem schema (no handler returns it, so it is added here, once the model converters that
   * read javadoc are in place), and every text turned from javadoc into Markdown.
   */
  @Bean
  GlobalOpenApiCustomizer problemSchemaAndMarkdown() {
    return openApi -> {
      ModelConverters.getInstance()
          .readAll(new AnnotatedType(Problem.class))
          .forEach(openApi.getComponents()::addSchemas);
      JavadocText.toMarkdown(openApi);
    };
  }

  private static Tag tag(String name, String description) {
    return new Tag().name(name).description(description);
  }
}
