package org.raccord.simulator;

import org.raccord.wholesale.soap.common.Erreur;
import org.raccord.wholesale.soap.common.ErreurLimitationDebit;
import org.raccord.wholesale.soap.common.ErreurTechnique;

/** Fault details shared by both interfaces (their exception classes differ, their details do not). */
final class Faults {

    private Faults() {
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
