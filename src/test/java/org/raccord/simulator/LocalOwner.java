package org.raccord.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.local.LocalTransportFactory;
import org.raccord.support.MutableClock;

/**
 * The simulated owner served over CXF's in-JVM transport: the full SOAP stack (marshalling,
 * faults, parsing) without HTTP, with a clock the test drives.
 */
public final class LocalOwner implements AutoCloseable {

    public static final Instant EPOCH = Instant.parse("2026-12-01T09:00:00Z");
    private static final AtomicInteger NEXT = new AtomicInteger();

    public final MutableClock realClock = new MutableClock(EPOCH);
    public final OwnerWorld world;
    public final OwnerDesk desk;
    public final String baseUrl = "local://owner-" + NEXT.incrementAndGet();
    private final Server orders;
    private final Server cutovers;

    public LocalOwner(long seed, int lines) {
        SimulatedClock clock = new SimulatedClock(realClock, EPOCH, EPOCH, 1);
        world = new OwnerWorld(new Population(seed, lines, EPOCH, Duration.ofDays(20), Duration.ofDays(20)), clock);
        desk = new OwnerDesk(realClock, seed, DeskSettings.calm());
        orders = publish(baseUrl + "/suivi-commande-acces/v1", new AccessOrderEndpoint(world, desk));
        UnknownFlows.install(orders, world);
        cutovers = publish(baseUrl + "/suivi-bascule/v1", new CutoverEndpoint(world, desk));
    }

    /** Moves simulated time (acceleration 1, so real and simulated time move together). */
    public void advance(Duration by) {
        realClock.advance(by);
    }

    private static Server publish(String address, Object endpoint) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setAddress(address);
        factory.setTransportId(LocalTransportFactory.TRANSPORT_ID);
        factory.setServiceBean(endpoint);
        factory.setServiceClass(endpoint.getClass());
        return factory.create();
    }

    @Override
    public void close() {
        orders.destroy();
        cutovers.destroy();
    }
}
