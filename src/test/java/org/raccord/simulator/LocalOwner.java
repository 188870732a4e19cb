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
    public final PostponementDesk postponements;
    public final String baseUrl = "local://owner-" + NEXT.incrementAndGet();
    private final Server orders;
    private final Server cutovers;

    public LocalOwner(long seed, int lines) {
        this(seed, lines, EPOCH);
    }

    /** An owner whose clock starts at {@code start} (before the epoch: the showcase lines' stories from their start). */
    public LocalOwner(long seed, int lines, Instant start) {
        realClock.set(start);
        SimulatedClock clock = new SimulatedClock(realClock, EPOCH, EPOCH, 1);
        world = new OwnerWorld(new Population(seed, lines, EPOCH, Duration.ofDays(20), Duration.ofDays(20)), clock);
        desk = new OwnerDesk(realClock, seed, DeskSettings.calm());
        postponements = new PostponementDesk(world, PostponementRules.defaults(), seed);
        orders = publish(baseUrl + "/suivi-commande-acces/v1", new AccessOrderEndpoint(world, desk));
        UnknownFlows.install(orders, world);
        cutovers = publish(baseUrl + "/suivi-bascule/v1", new CutoverEndpoint(world, desk, postponements));
    }

    /** When the owner publishes each event of these lines, in order. */
    public java.util.List<Instant> publicationTimes(int lines) {
        return java.util.stream.IntStream.range(0, lines).boxed().flatMap(i -> world.script(i).stream())
                .map(ScriptedEvent::at).distinct().sorted().toList();
    }

    /** When the owner publishes each event of line {@code index}, in order. */
    public java.util.List<Instant> publicationTimesOf(int index) {
        return world.script(index).stream().map(ScriptedEvent::at).toList();
    }

    /** The order reference and scenario name of line {@code index}. */
    public String orderOf(int index) {
        return world.population().line(index).orderReference();
    }

    public String scenarioOf(int index) {
        return world.population().line(index).scenario().name();
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
