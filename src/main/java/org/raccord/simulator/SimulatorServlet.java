package org.raccord.simulator;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * Serves the simulated owner's two SOAP interfaces with CXF (bundled in the WAR, like the client).
 * An outage is played here, at the HTTP level: a real unreachable owner sends no SOAP at all.
 */
public class SimulatorServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;

    private final transient OwnerWorld world;
    private final transient OwnerDesk desk;
    private final transient PostponementDesk postponements;

    public SimulatorServlet(OwnerWorld world, OwnerDesk desk, PostponementDesk postponements) {
        this.world = world;
        this.desk = desk;
        this.postponements = postponements;
    }

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        UnknownFlows.install(publish("/suivi-commande-acces/v1", new AccessOrderEndpoint(world, desk)), world);
        publish("/suivi-bascule/v1", new CutoverEndpoint(world, desk, postponements));
    }

    private Server publish(String address, Object endpoint) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(getBus());
        factory.setAddress(address);
        factory.setServiceBean(endpoint);
        factory.setServiceClass(endpoint.getClass());
        return factory.create();
    }

    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        try {
            if (desk.outage()) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "owner unavailable");
                return;
            }
            Duration latency = desk.latency();
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
        } catch (IOException e) {
            throw new ServletException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        super.invoke(request, response);
    }
}
