package org.raccord.simulator;

import java.time.Instant;

import org.raccord.wholesale.soap.common.EnteteReponse;
import org.raccord.wholesale.soap.common.EnteteRequete;

/**
 * The response header echoes the request header and adds the owner's response time: its own,
 * simulated clock (the gateway reads business time, such as "48 hours before the cut", from it).
 */
final class Headers {

    private Headers() {
    }

    static EnteteReponse answer(EnteteRequete request, Instant ownerNow) {
        EnteteReponse header = new EnteteReponse();
        header.setVersionWS(request.getVersionWS());
        header.setHorodatageRequete(request.getHorodatageRequete());
        header.setHorodatageReponse(XmlTime.dateTime(ownerNow));
        header.setCodeOperateur(request.getCodeOperateur());
        header.setIdentifiantRequete(request.getIdentifiantRequete());
        return header;
    }
}
