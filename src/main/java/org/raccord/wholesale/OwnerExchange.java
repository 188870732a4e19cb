package org.raccord.wholesale;

import java.util.function.Function;

import org.raccord.wholesale.soap.common.EnteteReponse;
import org.raccord.wholesale.soap.common.EnteteRequete;

/**
 * One call to the owner, the same for every operation of both interfaces: a fresh request header,
 * the call, the answer's header checked against the request (and the owner's clock read from it),
 * the translation into Raccord's terms, and any failure turned into a {@link WholesaleException}.
 */
final class OwnerExchange {

    /** The generated port's call: it may throw the owner's declared faults. */
    @FunctionalInterface
    interface Call<Q, A> {
        A send(Q request) throws Exception;
    }

    private final String operatorCode;
    private final OwnerClock clock;

    OwnerExchange(String operatorCode, OwnerClock clock) {
        this.operatorCode = operatorCode;
        this.clock = clock;
    }

    /**
     * Builds the request around a new header, sends it, checks that the answer is the answer to it,
     * and translates it; {@code answerHeader} reads the answer's header.
     */
    <Q, A, R> R call(String operation, Function<EnteteRequete, Q> request, Call<Q, A> port,
                     Function<A, EnteteReponse> answerHeader, Function<A, R> translate) {
        EnteteRequete header = RequestHeaders.next(operatorCode);
        // Built before the call: a query the interface cannot express is the caller's mistake.
        Q sent = request.apply(header);
        try {
            A answer = port.send(sent);
            RequestHeaders.requireAnswerTo(operation, header, answerHeader.apply(answer), clock);
            return translate.apply(answer);
        } catch (Exception e) {
            throw OwnerFaults.translate(operation, e);
        }
    }
}
