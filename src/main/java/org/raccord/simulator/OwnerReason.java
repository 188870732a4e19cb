package org.raccord.simulator;

/** A reason code of the owner with its label, as the owner sends it (French). */
public record OwnerReason(String code, String label) {

    static final OwnerReason[] REJECTIONS = {
        new OwnerReason("FIMP01", "PTO inconnue"),
        new OwnerReason("FIMP02", "Référence de commande déjà utilisée"),
        new OwnerReason("FIMP07", "Champs de la commande incohérents"),
        new OwnerReason("FADR01", "Adresse inconnue du référentiel"),
        new OwnerReason("FADR03", "Bâtiment ou escalier absent du référentiel"),
        new OwnerReason("FCLI01", "Client injoignable"),
        new OwnerReason("FCLI03", "Refus de travaux par le client"),
    };
    static final OwnerReason SATURATED_PM = new OwnerReason("FINT01", "Point de mutualisation saturé");
    static final OwnerReason CIVIL_WORKS = new OwnerReason("FINT07", "Travaux de génie civil nécessaires");
    static final OwnerReason NO_OPTICAL_CONTINUITY = new OwnerReason("FINT03", "Absence de continuité optique");
    static final OwnerReason SLOT_UNAVAILABLE = new OwnerReason("FRDV02", "Créneau de rendez-vous indisponible");
    static final OwnerReason TECHNICIAN_UNAVAILABLE = new OwnerReason("FRDV04", "Technicien indisponible");
    static final OwnerReason CUSTOMER_CANCELLED = new OwnerReason("FCLI05", "Annulation à la demande du client");
}
