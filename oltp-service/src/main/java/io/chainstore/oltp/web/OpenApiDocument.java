package io.chainstore.oltp.web;

import io.chainstore.oltp.idempotency.IdempotentRequests;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's parts that are the same for every operation: the API key, the problem
 * responses every operation may give (problem+json, described once here; an operation's own
 * descriptions of them are kept), and the headers of retries and outages.
 */
@Configuration
class OpenApiDocument {

  static final String PROBLEM = "Problem";

  /** Responses any operation may give, and those only operations with a body may give. */
  private static final Map<String, String> ANY =
      Map.of(
          "400", "Malformed or invalid input; `field` names it",
          "401", "No valid API key",
          "403", "The key's role or store may not do this",
          "404", "Not found",
          "406", "The Accept header allows no media type this operation answers with",
          "413", "The request is larger than the service accepts",
          "422", "Refers to something that does not exist or breaks a business rule",
          "500", "An unexpected error; it is logged",
          "503",
              "The database is unavailable, or the request met a concurrent one and was rolled back;"
                  + " retry after Retry-After (safe with an Idempotency-Key)");

  private static final Map<String, String> WRITES =
      Map.of(
          "409", "Conflicts with the current state (stock, status, a used coupon or key)",
          "415", "The body is not application/json");

  @Bean
  OpenAPI chainstoreOpenApi() {
    return new OpenAPI()
        .components(
            new Components()
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
                    "Orders and stock for every channel. Input is read strictly (see the service"
                        + " README): whole numbers are JSON integers, amounts JSON numbers with at"
                        + " most two decimals, a body one JSON value. Errors are RFC 9457"
                        + " problem+json with the offending `field`. Write endpoints honour an"
                        + " `Idempotency-Key` header: a retry returns the first response and"
                        + " changes nothing."));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                if (path.startsWith("/api")) {
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            describeIdempotencyKey(operation);
                            describeResponses(operation, method != PathItem.HttpMethod.GET);
                          });
                }
              });
    };
  }

  /** The Idempotency-Key parameter with the rule the service applies to it. */
  private static void describeIdempotencyKey(Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(p -> IdempotentRequests.HEADER.equals(p.getName()))
          .forEach(
              p ->
                  p.description(
                          "Retries with the same key return the first response and change nothing."
                              + " Keys are per API key; a UUID is a good choice.")
                      .schema(
                          new StringSchema().pattern("^" + IdempotentRequests.KEY_PATTERN + "$")));
    }
  }

  private static void describeResponses(Operation operation, boolean write) {
    ApiResponses responses = operation.getResponses();
    Map<String, String> standard = new TreeMap<>(ANY);
    if (write) {
      standard.putAll(WRITES);
    }
    standard.forEach(
        (status, description) -> {
          if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
          }
        });
    responses.forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(
                new Content()
                    .addMediaType(
                        Problems.MEDIA_TYPE,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
          }
        });
    responses
        .get("503")
        .addHeaderObject(
            "Retry-After",
            new Header()
                .description("Seconds to wait before retrying")
                .schema(new IntegerSchema()));
    if (takesIdempotencyKey(operation)) {
      responses.forEach(
          (status, response) -> {
            if (status.startsWith("2")) {
              response.addHeaderObject(
                  IdempotentRequests.REPLAYED_HEADER,
                  new Header()
                      .description("true when this is the stored response of an earlier request")
                      .schema(new StringSchema()._enum(List.of("true"))));
            }
          });
    }
  }

  private static boolean takesIdempotencyKey(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> IdempotentRequests.HEADER.equals(p.getName()));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description(
            "RFC 9457 problem details. `field` names the (first) offending input: a JSON path"
                + " like `lines[0].quantity`, a parameter, a header, `body`, `path` or"
                + " `request`; `errors` lists every offending input.")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().format("int32"))
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("field", new StringSchema())
        .addProperty(
            "errors",
            new ArraySchema()
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())
                        .required(List.of("field", "message"))))
        .required(List.of("type", "title", "status"));
  }
}
