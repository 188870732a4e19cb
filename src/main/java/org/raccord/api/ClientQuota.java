package org.raccord.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.web.Problem;

/**
 * Each API client gets its own request budget (per second unless configured otherwise); beyond it, 429 with {@code Retry-After}.
 * Runs after authorization, so the client is known (anonymous requests never get this far).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class ClientQuota implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "raccord.api.requestsPerSecond", defaultValue = "200")
    int perSecond;

    /** Budgets of their own for some clients: "client:requests/seconds", comma-separated. */
    @Inject
    @ConfigProperty(name = "raccord.api.clientBudgets", defaultValue = " ")
    String clientBudgets;

    private ClientBudgets budgets;

    /** Field injection: RESTEasy's CDI integration cannot build a provider through an @Inject constructor. */
    @PostConstruct
    void budget() {
        budgets = new ClientBudgets(perSecond, ClientBudgets.parseAll(clientBudgets));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var client = request.getSecurityContext().getUserPrincipal();
        if (client != null && !budgets.admit(client.getName())) {
            long retry = budgets.retryAfterSeconds(client.getName());
            request.abortWith(Problem.of("too-many-requests", "Too many requests", 429,
                            "This client's request budget is spent; retry after " + retry + " s.")
                    .response().header("Retry-After", retry).build());
        }
    }
}
