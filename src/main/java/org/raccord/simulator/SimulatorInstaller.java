package org.raccord.simulator;

import jakarta.inject.Inject;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import jakarta.servlet.annotation.WebListener;

/**
 * Mounts the simulated owner at {@code /simulator/soap/*} (and its truth check's handle,
 * {@link TruthServlet}) when, and only when, it is enabled, for
 * the owner's declared clients only. The constraint travels with the servlet, so the same code
 * guards it in the local server and in the owner's own server (raccord-owner.war), and a production
 * WAR without these classes has neither the endpoint nor a constraint naming it.
 */
@WebListener
public class SimulatorInstaller implements ServletContextListener {

    /** The role (a group of the owner's user registry) allowed to call the owner's interfaces. */
    static final String OWNER_CLIENT = "owner-client";

    @Inject
    SimulatedOwner owner;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!owner.enabled()) {
            return;
        }
        event.getServletContext().declareRoles(OWNER_CLIENT);
        ServletRegistration.Dynamic servlet = event.getServletContext()
                .addServlet("simulated-owner", new SimulatorServlet(owner.world(), owner.desk(), owner.postponements()));
        servlet.addMapping("/simulator/soap/*");
        servlet.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement(TransportGuarantee.NONE, OWNER_CLIENT)));
        servlet.setLoadOnStartup(1);
        // The truth check's handle: a test double's, for the same clients (the owner is bound to
        // this machine); a real owner has none.
        ServletRegistration.Dynamic truth = event.getServletContext().addServlet("simulated-owner-truth", new TruthServlet(owner.world()));
        truth.addMapping("/simulator/truth", "/simulator/hold");
        truth.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement(TransportGuarantee.NONE, OWNER_CLIENT)));
    }
}
