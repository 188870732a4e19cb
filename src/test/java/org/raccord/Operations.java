package org.raccord;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The operations of a served OpenAPI document, as {@link HostileClientsIT} calls them. */
final class Operations {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private Operations() {
    }

    static List<HostileClientsIT.Operation> of(JsonObject document) {
        List<HostileClientsIT.Operation> operations = new ArrayList<>();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            JsonObject op = value.asJsonObject();
            List<String> pathParameters = new ArrayList<>();
            List<String> queryParameters = new ArrayList<>();
            op.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(JsonObject.class).forEach(p -> {
                if ("path".equals(p.getString("in"))) {
                    pathParameters.add(p.getString("name"));
                } else if ("query".equals(p.getString("in"))) {
                    queryParameters.add(p.getString("name"));
                }
            });
            boolean person = op.getOrDefault("security", document.getOrDefault("security", JsonValue.EMPTY_JSON_ARRAY))
                    .asJsonArray().getValuesAs(JsonObject.class).stream().anyMatch(s -> s.containsKey("person"));
            operations.add(new HostileClientsIT.Operation(method.toUpperCase(java.util.Locale.ROOT), path, pathParameters,
                    queryParameters, bodyProperties(op, schemas), op.containsKey("requestBody"), person));
        }));
        return operations;
    }

    /** The properties of the operation's JSON body (its schema, one reference followed), empty if none. */
    private static List<String> bodyProperties(JsonObject op, JsonObject schemas) {
        if (!op.containsKey("requestBody")) {
            return List.of();
        }
        JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
        JsonObject media = content.values().stream().map(JsonValue::asJsonObject).findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject schema = media.getOrDefault("schema", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring(schema.getString("$ref").lastIndexOf('/') + 1);
            schema = schemas.getOrDefault(name, JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        }
        return new ArrayList<>(schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().keySet());
    }
}
