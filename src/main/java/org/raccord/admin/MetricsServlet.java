package org.raccord.admin;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format, for the admin and monitoring
 * roles (web.xml): a scraper authenticates like any other client.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Telemetry telemetry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(PROMETHEUS_TEXT);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(telemetry.prometheus().scrape());
    }
}
