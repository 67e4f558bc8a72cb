package io.fanshelf.api.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}): every REST
 * endpoint, with bearer authentication (an API key or an owner token).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
  @Bean
  OpenAPI fanShelfOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("FanShelf API")
                .version("v1")
                .description(
                    "Events, recommendations, owners' fans, labels, segments, pins, share links and"
                        + " statistics, and administration. Apps send an API key (fsk_...), owners"
                        + " an owner token (fso_... from POST /api/v1/auth/token), as"
                        + " 'Authorization: Bearer'. Errors are RFC 9457 problems; see"
                        + " docs/api.md."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("an API key (fsk_...) or an owner token (fso_...)")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
