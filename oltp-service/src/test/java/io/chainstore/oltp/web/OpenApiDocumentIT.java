package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.ApiContract;
import io.chainstore.oltp.ApiTestSupport;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The served OpenAPI document is valid OpenAPI, names each type once, and declares for every
 * operation its success and the problem responses; the contract check that the API tests run on
 * every exchange ({@link ApiContract}) does catch what the document does not say.
 */
class OpenApiDocumentIT extends ApiTestSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlers;

  @Test
  void theServedDocumentIsValidOpenApiWhoseReferencesAllResolve() throws Exception {
    String document = ApiContract.document(port);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0");

    JsonNode tree = JSON.readTree(document);
    List<String> refs = new ArrayList<>();
    tree.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(tree.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void everyOperationDeclaresOneSuccessAndItsProblems() throws Exception {
    List<String> checked = new ArrayList<>();
    for (ApiContract.Operation op : ApiContract.operations(port)) {
      String name = op.method() + " " + op.path();
      JsonNode responses = op.spec().path("responses");
      List<String> successes = new ArrayList<>();
      responses.fieldNames().forEachRemaining(successes::add);
      successes.removeIf(status -> !status.startsWith("2"));
      assertThat(successes).as(name).hasSize(1);
      for (String status : List.of("400", "401", "403", "404", "500", "503")) {
        assertThat(
                responses
                    .at("/" + status + "/content/application~1problem+json/schema/$ref")
                    .asText())
            .as(name + " " + status)
            .isEqualTo("#/components/schemas/Problem");
      }
      assertThat(responses.path("503").path("headers").has("Retry-After")).as(name).isTrue();
      checked.add(name);
    }
    assertThat(checked).hasSizeGreaterThan(45);
    // Stable names a generated client uses as its methods: unique, none numbered by a generator.
    List<String> ids =
        ApiContract.operations(port).stream()
            .map(op -> op.spec().path("operationId").asText())
            .toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"));

    JsonNode schemas = JSON.readTree(ApiContract.document(port)).path("components").path("schemas");
    JsonNode order = schemas.path("CreateOrderRequest").path("properties");
    assertThat(order.path("lines").path("minItems").asInt()).isEqualTo(1);
    assertThat(order.path("storeId").path("minimum").asInt()).isEqualTo(1);
    assertThat(
            schemas
                .path("OrderLineRequest")
                .path("properties")
                .path("quantity")
                .path("minimum")
                .asInt())
        .isEqualTo(1);
    assertThat(schemas.path("ReturnLineRequest").path("properties").has("lineNo")).isTrue();
    assertThat(schemas.path("MemberLevel").path("properties").has("upgradeSpend")).isTrue();
    assertThat(schemas.path("StockLevel").path("properties").has("onHand")).isTrue();
  }

  @Test
  void everyTypeOfTheApiHasASchemaNameOfItsOwn() {
    Map<String, Class<?>> names = new HashMap<>();
    handlers
        .getHandlerMethods()
        .values()
        .forEach(
            handler -> {
              Method method = handler.getMethod();
              if (!method.getDeclaringClass().getName().startsWith("io.chainstore.oltp.")) {
                return;
              }
              collect(method.getGenericReturnType(), names);
              for (int i = 0; i < method.getParameterCount(); i++) {
                if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
                  collect(method.getGenericParameterTypes()[i], names);
                }
              }
            });
    assertThat(names).containsKeys("OrderLineRequest", "ReturnLineRequest", "StockLineRequest");
  }

  /**
   * Records reachable from a type, each under the schema name it gets; two types, one name: fail.
   */
  private static void collect(Type type, Map<String, Class<?>> names) {
    if (type instanceof ParameterizedType generic) {
      for (Type argument : generic.getActualTypeArguments()) {
        collect(argument, names);
      }
      return;
    }
    if (!(type instanceof Class<?> cls) || !cls.isRecord()) {
      return;
    }
    Schema schema = cls.getAnnotation(Schema.class);
    String name = schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
    Class<?> earlier = names.putIfAbsent(name, cls);
    assertThat(earlier == null || earlier == cls)
        .as("schema name %s is used by %s and %s", name, earlier, cls)
        .isTrue();
    if (earlier == null) {
      for (RecordComponent component : cls.getRecordComponents()) {
        collect(component.getGenericType(), names);
      }
    }
  }

  @Test
  void theContractCheckCatchesWhatTheDocumentDoesNotSay() {
    Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
    String level =
        "[{\"code\":\"x\",\"name\":\"X\",\"discountPercent\":0,\"pointsPerCurrencyUnit\":1,\"upgradeSpend\":0}]";
    assertThat(report("/api/member-levels", 200, json, level).hasErrors()).isFalse();
    // An undeclared property, a missing required one, an undeclared status.
    assertThat(
            report("/api/member-levels", 200, json, level.replace("}]", ",\"colour\":\"red\"}]"))
                .hasErrors())
        .isTrue();
    Map<String, List<String>> problem = Map.of("Content-Type", List.of("application/problem+json"));
    assertThat(report("/api/member-levels", 404, problem, "{\"title\":\"Not Found\"}").hasErrors())
        .isTrue();
    assertThat(report("/api/member-levels", 299, json, level).hasErrors()).isTrue();
  }

  private ValidationReport report(
      String path, int status, Map<String, List<String>> headers, String body) {
    return ApiContract.responseReport(port, Request.Method.GET, path, status, headers, body);
  }
}
