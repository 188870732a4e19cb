package org.raccord.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Every answer the integration tests get from an operation of the API is checked against the OpenAPI
 * document the server serves: its status is documented, its body matches the schema, its required
 * properties are there and it has no property the schema does not list (the validator's default,
 * strict about additional properties). A mismatch fails the test that made the call.
 */
public final class Contract {

    /** Not an operation of the contract: pages, probes, health, metrics. */
    private static final Set<String> NOT_AN_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static volatile OpenApiInteractionValidator validator;

    private Contract() {
    }

    /** Throws an {@link AssertionError} naming every way this answer breaks the contract. */
    static void check(HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getPath();
        if (!path.startsWith("/api/") || request.uri().getRawPath().contains("%00")) {
            // A URL with a NUL byte never reaches the application: Liberty's HTTP channel refuses it
            // with its own plain 400 (the one exception the README's "API errors" names).
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator().validateResponse(path, Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT)),
                answer.build());
        List<ValidationReport.Message> broken = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        if (broken.stream().anyMatch(m -> NOT_AN_OPERATION.contains(m.getKey()))) {
            return;
        }
        if (!broken.isEmpty()) {
            throw new AssertionError("The answer of " + request.method() + " " + path + " (" + response.statusCode()
                    + ") breaks the OpenAPI document:\n" + broken.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")) + "\nbody: " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (Contract.class) {
                if (validator == null) {
                    // The document as served, not as built: what a client generates its code from.
                    String document = Http.unchecked("openapi/openapi.json").body();
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
                }
            }
        }
        return validator;
    }
}
