package org.raccord.simulator;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

/** Mounts the simulated owner at {@code /simulator/soap/*} when, and only when, it is enabled. */
@WebListener
public class SimulatorInstaller implements ServletContextListener {

    @Inject
    SimulatedOwner owner;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!owner.enabled()) {
            return;
        }
        ServletRegistration.Dynamic servlet = event.getServletContext()
                .addServlet("simulated-owner", new SimulatorServlet(owner.world(), owner.desk()));
        servlet.addMapping("/simulator/soap/*");
        servlet.setLoadOnStartup(1);
    }
}
