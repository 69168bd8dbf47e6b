package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chainstore.oltp.ApiContract;
import io.chainstore.oltp.ApiTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document × a catalogue of values the document does not
 * allow (wrong types, out of range, too long or too short, unknown choices, missing or unknown
 * fields, bad bodies, and text the service refuses: NUL), one spoiled input at a time on an
 * otherwise well-formed request. Each must be refused with a 4xx problem+json that the document
 * declares (checked by {@link ApiContract}), never a 5xx and never accepted; and after all of them
 * no table has changed.
 */
class OpenApiFuzzIT extends ApiTestSupport {

  private static final String PLACEHOLDER = "__fuzz__";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Valid values for the patterns of the document, so a baseline request is well-formed. */
  private static final Map<String, String> PATTERN_EXAMPLES =
      Map.of(
          "\\+?[0-9]{6,15}", "+4917012345678",
          "[0-9]{8,14}", "12345678",
          "M[0-9]{9}", "M000000001");

  private JsonNode document;
  private JsonNode schemas;
  private final List<String> failures = new ArrayList<>();
  private int sent;

  @Test
  void everyOperationRefusesEveryValueTheDocumentDoesNotAllow() throws Exception {
    document = JSON.readTree(ApiContract.document(port));
    schemas = document.path("components").path("schemas");
    Map<String, String> before = tableDigests();
    for (ApiContract.Operation op : ApiContract.operations(port)) {
      fuzz(op.method().toUpperCase(Locale.ROOT), op.path(), op.spec());
    }
    assertThat(failures).as("%d of %d requests", failures.size(), sent).isEmpty();
    assertThat(sent).isGreaterThan(700);
    assertThat(tableDigests()).isEqualTo(before);
  }

  private void fuzz(String method, String template, JsonNode operation) throws Exception {
    Map<String, JsonNode> pathParams = new LinkedHashMap<>();
    Map<String, JsonNode> queryParams = new LinkedHashMap<>();
    for (JsonNode p : operation.path("parameters")) {
      if (p.path("in").asText().equals("path")) {
        pathParams.put(p.path("name").asText(), p.path("schema"));
      } else if (p.path("in").asText().equals("query")) {
        queryParams.put(p.path("name").asText(), p);
      }
    }
    Map<String, String> validPath = new LinkedHashMap<>();
    pathParams.forEach((name, schema) -> validPath.put(name, valid(schema).asText()));
    Map<String, String> validQuery = new LinkedHashMap<>();
    queryParams.forEach(
        (name, p) -> {
          if (p.path("required").asBoolean()) {
            validQuery.put(name, valid(p.path("schema")).asText());
          }
        });
    JsonNode bodySchema =
        operation.path("requestBody").path("content").path("application/json").path("schema");
    String body = bodySchema.isMissingNode() ? null : valid(bodySchema).toString();

    // Each path variable spoiled.
    for (var entry : pathParams.entrySet()) {
      for (String bad : badScalars(resolve(entry.getValue()), false)) {
        Map<String, String> spoiled = new LinkedHashMap<>(validPath);
        spoiled.put(entry.getKey(), bad);
        expectRefusal(method, url(template, spoiled, validQuery), body, "path " + entry.getKey());
      }
    }
    // Each query parameter spoiled, given twice, or holding NUL.
    for (var entry : queryParams.entrySet()) {
      String name = entry.getKey();
      JsonNode schema = resolve(entry.getValue().path("schema"));
      List<String> bads = new ArrayList<>(badScalars(schema, false));
      bads.add("a\u0000b");
      for (String bad : bads) {
        Map<String, String> spoiled = new LinkedHashMap<>(validQuery);
        spoiled.put(name, bad);
        expectRefusal(method, url(template, validPath, spoiled), body, "query " + name);
      }
      String twice =
          url(template, validPath, validQuery)
              + (validQuery.isEmpty() ? "?" : "&")
              + name
              + "=1&"
              + name
              + "=2";
      expectRefusal(method, twice, body, "query " + name + " twice");
    }
    if (bodySchema.isMissingNode()) {
      return;
    }
    String url = url(template, validPath, validQuery);
    // The body as a whole.
    if (operation.path("requestBody").path("required").asBoolean()) {
      expectRefusal(method, url, "", "no body");
    }
    expectRefusal(method, url, body + " garbage", "trailing garbage");
    expectRefusal(method, url, "[" + body + "]", "an array for the body");
    expectRefusal(method, url, body.substring(0, body.length() - 1), "cut short");
    // Each field spoiled.
    for (String field : fields(bodySchema, "")) {
      JsonNode schema = schemaAt(bodySchema, field);
      List<String> bads = new ArrayList<>(badScalars(schema, true));
      if ("string".equals(schema.path("type").asText())) {
        bads.add("\"a\\u0000b\"");
        bads.add("\"\\ud800\"");
      }
      for (String bad : bads) {
        expectRefusal(method, url, replace(body, field, bad), "body " + field + " = " + bad);
      }
      if (isRequired(bodySchema, field)) {
        expectRefusal(method, url, remove(body, field), "body without " + field);
      }
    }
    expectRefusal(
        method, url, body.replaceFirst("\\{", "{\"colour\": \"red\", "), "an unknown field");
  }

  private void expectRefusal(String method, String url, String body, String what) {
    sent++;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
            .header("Authorization", "Bearer " + adminKey)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    String name = method + " " + url + " (" + what + ")";
    try {
      Reply reply = send(request.build(), body);
      String type = reply.raw().headers().firstValue("Content-Type").orElse("");
      if (reply.status() < 400 || reply.status() >= 500) {
        failures.add(name + " -> " + reply.status() + " " + abbreviate(reply.raw().body()));
      } else if (!type.startsWith("application/problem+json")) {
        failures.add(name + " -> " + reply.status() + " as " + type);
      } else if (reply.body().path("status").asInt() != reply.status()) {
        failures.add(name + " -> problem without its status: " + reply.raw().body());
      }
    } catch (AssertionError e) {
      failures.add(name + " -> " + e.getMessage());
    }
  }

  // ---- what the document allows --------------------------------------------------------------

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** A value the schema allows: the smallest plausible one. */
  private JsonNode valid(JsonNode reference) {
    JsonNode schema = resolve(reference);
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        // Every field, optional ones too, so that each can be spoiled in place.
        schema
            .path("properties")
            .fields()
            .forEachRemaining(p -> object.set(p.getKey(), valid(p.getValue())));
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < Math.max(1, schema.path("minItems").asInt(0)); i++) {
          array.add(valid(schema.path("items")));
        }
        return array;
      }
      case "integer" -> {
        return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      }
      case "number" -> {
        return NODES.numberNode(Math.max(1, schema.path("minimum").asDouble(1)));
      }
      case "boolean" -> {
        return NODES.booleanNode(true);
      }
      default -> {
        if (schema.has("enum")) {
          return schema.path("enum").get(0);
        }
        if (schema.has("pattern")) {
          String example = PATTERN_EXAMPLES.get(schema.path("pattern").asText());
          if (example != null) {
            return TextNode.valueOf(example);
          }
          // A pattern of alternatives (cash|card|...): the first one.
          return TextNode.valueOf(schema.path("pattern").asText().split("\\|")[0]);
        }
        return TextNode.valueOf(
            switch (schema.path("format").asText("")) {
              case "date" -> "2026-06-01";
              case "date-time" -> "2026-06-01T00:00:00Z";
              case "uuid" -> "00000000-0000-4000-8000-000000000000";
              default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
            });
      }
    }
  }

  /**
   * Values the schema does not allow, as raw JSON ({@code json}) or as parameter text. Only values
   * the document itself rules out: what a generated client could be expected to send is never among
   * them.
   */
  private List<String> badScalars(JsonNode reference, boolean json) {
    JsonNode schema = resolve(reference);
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    List<String> bad = new ArrayList<>();
    switch (type) {
      case "integer" -> {
        bad.add("1.5");
        bad.add(json ? "\"1\"" : "one");
        bad.add("9223372036854775808");
        if (schema.has("minimum")) {
          bad.add(String.valueOf(schema.path("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
          bad.add(String.valueOf(schema.path("maximum").asLong() + 1));
        }
      }
      case "number" -> {
        bad.add(json ? "\"1\"" : "one");
        if (schema.has("minimum")) {
          bad.add(
              schema
                  .path("minimum")
                  .decimalValue()
                  .subtract(java.math.BigDecimal.ONE)
                  .toPlainString());
        }
        if (schema.has("maximum")) {
          bad.add(
              schema.path("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString());
        }
      }
      case "boolean" -> bad.add(json ? "\"yes\"" : "maybe");
      case "array" -> {
        if (json) {
          bad.add("{}");
          bad.add("\"x\"");
          if (schema.path("minItems").asInt(0) > 0) {
            bad.add("[]");
          }
          if (schema.has("maxItems")) {
            List<String> items = new ArrayList<>();
            String item = valid(schema.path("items")).toString();
            for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
              items.add(item);
            }
            bad.add("[" + String.join(",", items) + "]");
          }
        }
      }
      case "object" -> {
        if (json) {
          bad.add("[]");
          bad.add("\"x\"");
        }
      }
      default -> {
        if (json) {
          bad.add("5");
          bad.add("[]");
        }
        if (schema.has("enum") || schema.has("pattern")) {
          bad.add(json ? "\"bogus value\"" : "bogus value");
        }
        if (schema.has("maxLength")) {
          String tooLong = "x".repeat(schema.path("maxLength").asInt() + 1);
          bad.add(json ? "\"" + tooLong + "\"" : tooLong);
        }
        if (schema.path("minLength").asInt(0) > 0) {
          bad.add(json ? "\"\"" : "");
        }
        switch (schema.path("format").asText("")) {
          case "date" -> bad.add(json ? "\"2026-02-30\"" : "2026-02-30");
          case "date-time" -> bad.add(json ? "\"2026-06-01T25:00:00Z\"" : "2026-06-01T25:00:00Z");
          case "uuid" -> bad.add(json ? "\"1-1-1-1-1\"" : "1-1-1-1-1");
          default -> {
            // free text
          }
        }
      }
    }
    return bad;
  }

  /** The paths of every field of a body schema: {@code lines}, {@code lines[0].quantity}… */
  private List<String> fields(JsonNode reference, String prefix) {
    List<String> out = new ArrayList<>();
    JsonNode schema = resolve(reference);
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
      out.add(path);
      JsonNode child = resolve(property.getValue());
      if ("array".equals(child.path("type").asText())) {
        JsonNode items = resolve(child.path("items"));
        if (items.has("properties")) {
          out.addAll(fields(items, path + "[0]"));
        }
      } else if (child.has("properties")) {
        out.addAll(fields(child, path));
      }
    }
    return out;
  }

  private JsonNode schemaAt(JsonNode root, String field) {
    JsonNode schema = resolve(root);
    for (String step : field.split("\\.")) {
      boolean item = step.endsWith("[0]");
      schema =
          resolve(
              schema.path("properties").path(item ? step.substring(0, step.length() - 3) : step));
      if (item) {
        schema = resolve(schema.path("items"));
      }
    }
    return schema;
  }

  private boolean isRequired(JsonNode root, String field) {
    int dot = field.lastIndexOf('.');
    JsonNode parent = dot < 0 ? resolve(root) : schemaAt(root, field.substring(0, dot));
    String name = dot < 0 ? field : field.substring(dot + 1);
    for (JsonNode required : parent.path("required")) {
      if (required.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  // ---- building requests ----------------------------------------------------------------------

  private static String url(String template, Map<String, String> path, Map<String, String> query) {
    String url = template;
    for (var p : path.entrySet()) {
      url = url.replace("{" + p.getKey() + "}", encode(p.getValue()));
    }
    List<String> pairs = new ArrayList<>();
    query.forEach((name, value) -> pairs.add(name + "=" + encode(value)));
    return pairs.isEmpty() ? url : url + "?" + String.join("&", pairs);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The body with the field (a path like {@code lines[0].quantity}) set to a raw JSON value. */
  private static String replace(String body, String field, String raw) throws Exception {
    JsonNode root = JSON.readTree(body);
    ObjectNode parent = parentOf(root, field);
    parent.set(last(field), TextNode.valueOf(PLACEHOLDER));
    return JSON.writeValueAsString(root).replace("\"" + PLACEHOLDER + "\"", raw);
  }

  private static String remove(String body, String field) throws Exception {
    JsonNode root = JSON.readTree(body);
    parentOf(root, field).remove(last(field));
    return JSON.writeValueAsString(root);
  }

  /** The object holding the field, creating (valid-looking) intermediate objects as needed. */
  private static ObjectNode parentOf(JsonNode root, String field) {
    JsonNode node = root;
    String[] steps = field.split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      String step = steps[i];
      if (step.endsWith("[0]")) {
        node = node.path(step.substring(0, step.length() - 3)).path(0);
      } else {
        node = node.path(step);
      }
    }
    return (ObjectNode) node;
  }

  private static String last(String field) {
    return field.substring(field.lastIndexOf('.') + 1);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
