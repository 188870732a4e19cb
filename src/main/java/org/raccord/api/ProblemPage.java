package org.raccord.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web container's own errors (an undecodable URL, a missing login, an unknown path outside
 * JAX-RS) as problem documents too, so that no client ever gets an HTML error page.
 */
@WebServlet("/problem")
public class ProblemPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String[]> KINDS = Map.of(
            400, new String[] {"bad-request", "The request could not be read"},
            401, new String[] {"unauthenticated", "Authentication is required"},
            403, new String[] {"forbidden", "This client may not do that"},
            404, new String[] {"not-found", "No such resource"},
            405, new String[] {"method-not-allowed", "Method not allowed here"},
            415, new String[] {"unsupported-media-type", "Unsupported media type"},
            500, new String[] {"internal-error", "Internal error"});

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        String[] kind = KINDS.getOrDefault(status, new String[] {status < 500 ? "client-error" : "internal-error",
                status < 500 ? "The request was refused" : "Internal error"});
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"/problems/" + kind[0] + "\",\"title\":\"" + kind[1]
                + "\",\"status\":" + status + ",\"detail\":\"" + kind[1] + ".\"}");
    }
}
