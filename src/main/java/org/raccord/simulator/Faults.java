package org.raccord.simulator;

import java.util.function.Function;

import org.raccord.wholesale.soap.common.Erreur;
import org.raccord.wholesale.soap.common.ErreurLimitationDebit;
import org.raccord.wholesale.soap.common.ErreurTechnique;

/** Fault details shared by both interfaces (their exception classes differ, their details do not). */
final class Faults {

    private Faults() {
    }

    /**
     * Admits a request at the owner's desk, or throws the interface's own fault for the refusal
     * (throttling with its retry delay, or a technical fault): one desk, two sets of generated faults.
     */
    static <T extends Exception, U extends Exception> void admit(OwnerDesk desk, Function<OwnerDesk.Refusal, T> throttling,
                                                              Function<OwnerDesk.Refusal, U> technical) throws T, U {
        try {
            desk.admit();
        } catch (OwnerDesk.Refusal refusal) {
            if (refusal.throttled()) {
                throw throttling.apply(refusal);
            }
            throw technical.apply(refusal);
        }
    }

    static Erreur error(String code, String label) {
        Erreur info = new Erreur();
        info.setCodeErreur(code);
        info.setLibelleErreur(label);
        return info;
    }

    static ErreurLimitationDebit throttling(OwnerDesk.Refusal refusal) {
        ErreurLimitationDebit info = new ErreurLimitationDebit();
        info.setCodeErreur(refusal.code());
        info.setLibelleErreur(refusal.getMessage());
        info.setDelaiReessai(refusal.retryAfterSeconds());
        return info;
    }

    static ErreurTechnique technical(OwnerDesk.Refusal refusal) {
        ErreurTechnique info = new ErreurTechnique();
        info.setCodeErreur(refusal.code());
        info.setLibelleErreur(refusal.getMessage());
        info.setDelaiReessai(refusal.retryAfterSeconds() > 0 ? refusal.retryAfterSeconds() : null);
        return info;
    }
}
