package io.chainstore.oltp;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class OltpServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OltpServiceApplication.class, args);
  }

  /**
   * Every operation answers errors as problem+json: documented once here for all of them, next to
   * each operation's own responses.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    Map<String, String> problems =
        Map.of(
            "400", "Malformed or invalid input; `field` names it",
            "401", "No valid API key",
            "403", "The key's role or store may not do this",
            "404", "Not found",
            "409", "Conflicts with the current state (stock, status, a used coupon or key)",
            "422", "Refers to something that does not exist or breaks a business rule");
    return openApi ->
        openApi
            .getPaths()
            .forEach(
                (path, item) ->
                    item.readOperations()
                        .forEach(
                            operation -> {
                              ApiResponses responses = operation.getResponses();
                              problems.forEach(
                                  (status, description) -> {
                                    if (path.startsWith("/api") && !responses.containsKey(status)) {
                                      responses.addApiResponse(
                                          status,
                                          new io.swagger.v3.oas.models.responses.ApiResponse()
                                              .description(description)
                                              .content(
                                                  new Content()
                                                      .addMediaType(
                                                          "application/problem+json",
                                                          new MediaType()
                                                              .schema(
                                                                  new Schema<>()
                                                                      .$ref(
                                                                          "#/components/schemas/ProblemDetail")))));
                                    }
                                  });
                            }));
  }

  @Bean
  OpenAPI chainstoreOpenApi() {
    return new OpenAPI()
        .components(
            new Components()
                .addSchemas(
                    "ProblemDetail",
                    new ObjectSchema()
                        .description("RFC 9457 problem details; `field` names the offending input")
                        .addProperty("type", new StringSchema())
                        .addProperty("title", new StringSchema())
                        .addProperty("status", new IntegerSchema())
                        .addProperty("detail", new StringSchema())
                        .addProperty("instance", new StringSchema())
                        .addProperty("field", new StringSchema())
                        .addProperty(
                            "errors",
                            new ArraySchema()
                                .items(
                                    new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema()))))
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "An API key issued by an HQ admin, per role: storefront, pos and"
                                + " store_manager (bound to one store), hq_analyst, hq_admin."
                                + " 401 without a valid key, 403 for another role or store.")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"))
        .info(
            new Info()
                .title("chainstore transactional API")
                .version("v1")
                .description(
                    "Orders and stock for every channel. Errors are RFC 9457 problem+json with the"
                        + " offending `field`. Write endpoints honour an `Idempotency-Key` header:"
                        + " a retry returns the first response and changes nothing."));
  }
}
