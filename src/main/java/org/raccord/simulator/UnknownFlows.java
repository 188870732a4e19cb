package org.raccord.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Writes a flow the contract does not know ({@value #FLOW}) into the order feed's answer, for the
 * {@link HostileEvent#UNKNOWN_FLOW} events (their order references start with {@value #MARK}): the
 * SOAP classes generated from the contract cannot represent such a value, a careless owner's
 * server can. The answer is rewritten as bytes (the marshaller writes straight to the stream, so
 * a wrapped XML writer would never see the events); until such an event is published, answers
 * stream through untouched.
 */
public final class UnknownFlows extends AbstractPhaseInterceptor<Message> {

    static final String FLOW = "FLUX_INCONNU";
    static final String MARK = "CMDX-UNKNOWNFLOW-";
    private static final Pattern MARKED = Pattern.compile("(<(?:\\w+:)?TypeFlux>)[A-Z_]+(</(?:\\w+:)?TypeFlux>\\s*"
            + "<(?:\\w+:)?ReferenceCommandePriseInterneOC>" + Pattern.quote(MARK) + ")");

    private final BooleanSupplier published;

    private UnknownFlows(BooleanSupplier published) {
        super(Phase.PRE_STREAM);
        addBefore(StaxOutInterceptor.class.getName());
        this.published = published;
    }

    /** Installs the rewriting on the order interface published for {@code world}. */
    public static void install(Server orders, OwnerWorld world) {
        orders.getEndpoint().getOutInterceptors().add(new UnknownFlows(() -> world.published(HostileEvent.UNKNOWN_FLOW)));
    }

    @Override
    public void handleMessage(Message message) {
        OutputStream wire = message.getContent(OutputStream.class);
        if (wire == null || !published.getAsBoolean()) {
            return;
        }
        message.setContent(OutputStream.class, new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
                String xml = toString(StandardCharsets.UTF_8);
                wire.write(MARKED.matcher(xml).replaceAll("$1" + FLOW + "$2").getBytes(StandardCharsets.UTF_8));
                wire.close();
            }
        });
    }
}
