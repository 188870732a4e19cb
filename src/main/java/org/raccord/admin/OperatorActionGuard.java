package org.raccord.admin;

import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.raccord.web.Problem;
import org.raccord.web.OperatorAction;

/**
 * Guards every {@link OperatorAction}: refuses it without the caller's CSRF token or when the
 * browser says a foreign site sent it, and records it in the audit trail with its outcome,
 * refusals included. Runs after the role check, so the caller is always a signed-in admin.
 */
@Provider
@OperatorAction
@Priority(Priorities.AUTHORIZATION + 10)
public class OperatorActionGuard implements ContainerRequestFilter, ContainerResponseFilter {

    /** A resource may name its target more precisely than the path does (a request body's reference). */
    public static final String TARGET = "org.raccord.admin.target";

    @Inject
    CsrfTokens tokens;

    @Inject
    AuditTrail audit;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal who = request.getSecurityContext().getUserPrincipal();
        String site = request.getHeaderString("Sec-Fetch-Site");
        boolean foreign = site != null && !"same-origin".equals(site) && !"none".equals(site);
        if (who == null || foreign || !tokens.valid(who.getName(), request.getHeaderString(CsrfTokens.HEADER))) {
            request.abortWith(Problem.of("csrf-token", "Missing or wrong CSRF token", Response.Status.FORBIDDEN,
                    "Actions need the " + CsrfTokens.HEADER + " header from GET /api/admin/session, sent from this site.")
                    .response().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Principal who = request.getSecurityContext().getUserPrincipal();
        Object target = request.getProperty(TARGET);
        if (target == null) {
            target = request.getUriInfo().getPathParameters().values().stream().flatMap(List::stream)
                    .collect(Collectors.joining(" "));
        }
        audit.record(who == null ? "anonymous" : who.getName(), actionName(),
                target.toString().isEmpty() ? null : target.toString(), response.getStatus());
    }

    private String actionName() {
        OperatorAction a = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(OperatorAction.class);
        return a == null || a.value().isEmpty() ? "action" : a.value();
    }
}
