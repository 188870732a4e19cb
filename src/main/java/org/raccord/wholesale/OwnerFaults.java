package org.raccord.wholesale;

import java.io.IOException;
import java.time.Duration;

import javax.xml.stream.XMLStreamException;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.transport.http.HTTPException;
import org.raccord.wholesale.soap.common.Erreur;
import org.raccord.wholesale.soap.common.ErreurLimitationDebit;
import org.raccord.wholesale.soap.common.ErreurTechnique;

/**
 * Turns whatever the SOAP stack threw into one {@link WholesaleException}. Declared faults carry
 * the owner's code; the rest is classified by its cause: I/O and HTTP errors mean we could not get
 * an answer, parser errors mean we got one we will not read.
 */
final class OwnerFaults {

    private OwnerFaults() {
    }

    static WholesaleException translate(String operation, Throwable failure) {
        if (failure instanceof WholesaleException known) {
            return known;
        }
        if (failure instanceof org.raccord.wholesale.soap.order.FunctionalFault f) {
            return functional(operation, f.getFaultInfo());
        }
        if (failure instanceof org.raccord.wholesale.soap.cutover.FunctionalFault f) {
            return functional(operation, f.getFaultInfo());
        }
        if (failure instanceof org.raccord.wholesale.soap.order.TechnicalFault f) {
            return technical(operation, f.getFaultInfo());
        }
        if (failure instanceof org.raccord.wholesale.soap.cutover.TechnicalFault f) {
            return technical(operation, f.getFaultInfo());
        }
        if (failure instanceof org.raccord.wholesale.soap.order.ThrottlingFault f) {
            return throttled(operation, f.getFaultInfo());
        }
        if (failure instanceof org.raccord.wholesale.soap.cutover.ThrottlingFault f) {
            return throttled(operation, f.getFaultInfo());
        }
        Throwable parse = find(failure, XMLStreamException.class);
        if (parse != null) {
            return new WholesaleException.MalformedAnswer(operation, "unreadable answer: " + parse.getMessage(), failure);
        }
        HTTPException http = find(failure, HTTPException.class);
        if (http != null) {
            return new WholesaleException.Unreachable(operation, "HTTP " + http.getResponseCode(), failure);
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new WholesaleException.Unreachable(operation, io.getClass().getSimpleName() + ": " + io.getMessage(), failure);
        }
        if (failure instanceof SOAPFaultException soap) {
            // An undeclared SOAP fault: the owner's stack failed before its service code answered.
            return new WholesaleException.TechnicalFault(operation, "SOAP_" + soap.getFault().getFaultCodeAsQName().getLocalPart(),
                    soap.getFault().getFaultString(), null);
        }
        if (failure instanceof WebServiceException) {
            return new WholesaleException.MalformedAnswer(operation, "answer outside the contract: " + failure.getMessage(), failure);
        }
        return new WholesaleException.Unreachable(operation, failure.toString(), failure);
    }

    private static WholesaleException functional(String operation, Erreur info) {
        return new WholesaleException.FunctionalFault(operation, info.getCodeErreur(), info.getLibelleErreur());
    }

    private static WholesaleException technical(String operation, ErreurTechnique info) {
        Duration retry = info.getDelaiReessai() == null ? null : Duration.ofSeconds(Math.max(0, info.getDelaiReessai()));
        return new WholesaleException.TechnicalFault(operation, info.getCodeErreur(), info.getLibelleErreur(), retry);
    }

    private static WholesaleException throttled(String operation, ErreurLimitationDebit info) {
        return new WholesaleException.Throttled(operation, info.getLibelleErreur(), Duration.ofSeconds(Math.max(1, info.getDelaiReessai())));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
