package org.raccord.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.client.ApiClient;
import org.raccord.client.ApiException;
import org.raccord.client.api.LinesApi;
import org.raccord.client.model.LineView;
import org.raccord.client.model.Lookup;
import org.raccord.client.model.LookupResult;
import org.raccord.client.model.Problem;
import org.raccord.client.model.Registration;
import org.raccord.client.model.TimelinePage;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A customer channel's code: a Java client generated at build time from the OpenAPI document
 * (openapi-generator, native HTTP client) reads the letter line, its timeline, a bulk lookup and a
 * 404 problem, and registers a line, with the contract's required fields typed as never null.
 */
@ExtendWith(ArquillianExtension.class)
class ApiClientContractIT {

    private static final String LETTER = "CMD-00000001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-api-client-it");
    }

    private static LinesApi lines(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Http.BASE.replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return new LinesApi(client);
    }

    /** Registration asks the owner: an earlier test's outage may leave its breaker open a while (503). */
    private static LineView registered(Registration registration) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreException(ApiException.class)
                .until(() -> lines(Http.backOffice()).registerLine(registration), java.util.Objects::nonNull);
    }

    @BeforeAll
    static void theLetterLineIsTracked() {
        registered(new Registration().orderReference(LETTER));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreException(ApiException.class)
                .until(() -> lines(Http.channel()).getLine(LETTER).getPreviousProvider() != null);
    }

    @Test
    void aGeneratedClientReadsTheLetterLineItsTimelineABulkLookupAndAProblem() throws Exception {
        LinesApi api = lines(Http.channel());
        ApiClient client = new ApiClient();

        LineView line = api.getLine(LETTER);
        LineView.StateEnum state = line.getState();
        boolean breach = line.getServiceGap().getBreach();
        OffsetDateTime confirmedAt = line.getFreshness().getConfirmedAt();
        LocalDate due = line.getCommittedDeliveryDate();
        assertThat(line.getOrderReference()).isEqualTo(LETTER);
        assertThat(state).isNotNull();
        assertThat(breach).as("the letter's case").isTrue();
        assertThat(confirmedAt).isNotNull();
        assertThat(due).isNotNull();
        assertThat(line.getPreviousProvider().getPlannedCutAt()).isNotNull();

        TimelinePage timeline = api.getLineEvents(LETTER, 50, 0);
        assertThat(timeline.getItems()).isNotEmpty();
        assertThat(timeline.getTotal()).isGreaterThanOrEqualTo(timeline.getItems().size());

        List<LookupResult> results = api.lookupLines(new Lookup().references(List.of(LETTER, "CMD-99999999", "not a reference!")));
        assertThat(results).extracting(LookupResult::getStatus).containsExactly(200, 404, 400);
        assertThat(results.get(0).getLine().getOrderReference()).isEqualTo(LETTER);

        ApiException unknown = catchThrowableOfType(ApiException.class, () -> api.getLine("CMD-99999999"));
        assertThat(unknown.getCode()).isEqualTo(404);
        Problem problem = client.getObjectMapper().readValue(unknown.getResponseBody(), Problem.class);
        assertThat(problem.getType()).hasToString("/problems/unknown-line");
        assertThat(problem.getStatus()).isEqualTo(404);
    }

    @Test
    void aGeneratedClientRegistersALine() {
        LineView registered = registered(new Registration().orderReference("CMD-00000002").phoneNumber("01 23 45 67 89"));

        assertThat(registered.getOrderReference()).isEqualTo("CMD-00000002");
        assertThat(registered.getFreshness().getConfirmedAt()).isNotNull();
    }

    @Test
    void theFieldsTheContractAlwaysSendsAreTypedAsNeverNull() throws NoSuchMethodException {
        for (String getter : List.of("getOrderReference", "getState", "getFreshness", "getSummary")) {
            assertThat(LineView.class.getMethod(getter).isAnnotationPresent(jakarta.annotation.Nonnull.class))
                    .as("LineView." + getter + " is required by the contract").isTrue();
        }
        assertThat(org.raccord.client.model.ServiceGap.class.getMethod("getBreach").isAnnotationPresent(jakarta.annotation.Nonnull.class))
                .isTrue();
        assertThat(org.raccord.client.model.Freshness.class.getMethod("getConfirmedAt").isAnnotationPresent(jakarta.annotation.Nonnull.class))
                .isTrue();
        assertThat(LineView.class.getMethod("getDeliveredAt").isAnnotationPresent(jakarta.annotation.Nullable.class))
                .as("absent until the line is delivered").isTrue();
        assertThat(LineView.class.getMethod("getServiceGap").isAnnotationPresent(jakarta.annotation.Nullable.class))
                .as("absent while there is no cut or no delivery date").isTrue();
    }
}
