package org.raccord.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The simulated owner's handle for truth checks, in its own server too (where there is no REST):
 * {@code GET /simulator/truth?from=0&limit=1000} answers what the owner has published, one line of
 * tab-separated values per line ({@link LineTruth#TSV_HEADER}), among the lines of index
 * {@code from} on (header {@code Population-Size}: how many lines there are); {@code POST /simulator/hold?held=true}
 * stops publication so that a gateway can be compared with a world that stands still, and
 * {@code held=false} lets what came due meanwhile out at once.
 */
class TruthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient OwnerWorld world;

    TruthServlet(OwnerWorld world) {
        this.world = world;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().endsWith("/truth")) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Integer from = number(request.getParameter("from"), 0);
        Integer limit = number(request.getParameter("limit"), 1000);
        if (from == null || limit == null || from < 0 || limit < 1 || limit > 10_000) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from must be 0 or more and limit within [1, 10000]");
            return;
        }
        response.setContentType("text/tab-separated-values");
        response.setHeader("Population-Size", String.valueOf(world.population().size()));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.println(LineTruth.TSV_HEADER);
        for (LineTruth truth : world.truth(from, limit)) {
            out.println(truth.tsv());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String held = request.getParameter("held");
        if (!request.getServletPath().endsWith("/hold") || !("true".equals(held) || "false".equals(held))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "POST /simulator/hold?held=true or false");
            return;
        }
        world.hold(Boolean.parseBoolean(held));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static Integer number(String text, int absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
