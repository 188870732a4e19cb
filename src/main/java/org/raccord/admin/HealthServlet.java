package org.raccord.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /health/started}, in the
 * MicroProfile Health format. Raccord serves them itself rather than through Liberty's mpHealth
 * feature, whose endpoints answer anyone: here liveness alone is anonymous, and readiness, startup
 * and the details (web.xml) need the admin or monitoring role. Probes send their credentials.
 */
@WebServlet({"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @org.eclipse.microprofile.health.Startup
    Instance<HealthCheck> startup;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "/" : request.getPathInfo();
        List<HealthCheck> checks = new ArrayList<>();
        switch (which) {
            case "/live" -> liveness.forEach(checks::add);
            case "/ready" -> readiness.forEach(checks::add);
            case "/started" -> startup.forEach(checks::add);
            case "/", "" -> {
                liveness.forEach(checks::add);
                readiness.forEach(checks::add);
                startup.forEach(checks::add);
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        HealthReport report = HealthReport.of(checks);
        response.setStatus(report.httpStatus());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(report.body().toString());
    }
}
