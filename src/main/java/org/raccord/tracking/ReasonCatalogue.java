package org.raccord.tracking;

import java.util.Locale;
import java.util.Map;

/**
 * The owner's reason codes in plain language, French and English, for an agent to read aloud or an
 * SMS to carry. One table: a code missing here is kept verbatim and flagged unknown, explained by
 * its family when the family is known.
 */
public final class ReasonCatalogue {

    private record Text(String fr, String en) {
    }

    private static final Map<String, Text> CODES = Map.ofEntries(
            Map.entry("FCLI01", new Text("le client n'a pas pu être joint", "the customer could not be reached")),
            Map.entry("FCLI02", new Text("le client était absent au rendez-vous", "the customer was not home for the appointment")),
            Map.entry("FCLI03", new Text("le client a refusé les travaux", "the customer refused the works")),
            Map.entry("FCLI04", new Text("le client ne souhaite plus le raccordement", "the customer no longer wants the connection")),
            Map.entry("FCLI05", new Text("commande annulée à la demande du client", "order cancelled at the customer's request")),
            Map.entry("FCLI06", new Text("le logement n'est pas accessible", "the home could not be accessed")),
            Map.entry("FCLI07", new Text("le client doit faire des travaux dans son logement", "the customer must carry out works at home")),
            Map.entry("FADR01", new Text("adresse inconnue du réseau", "the address is unknown to the network owner")),
            Map.entry("FADR02", new Text("informations d'adresse incomplètes", "the address details are incomplete")),
            Map.entry("FADR03", new Text("bâtiment ou escalier introuvable", "the building or staircase could not be found")),
            Map.entry("FADR04", new Text("logement introuvable dans l'immeuble", "the home could not be found in the building")),
            Map.entry("FIMP01", new Text("prise optique inconnue", "the optical socket (PTO) is unknown")),
            Map.entry("FIMP02", new Text("commande en double", "the order reference was already used")),
            Map.entry("FIMP07", new Text("informations de commande incohérentes", "the order details are inconsistent")),
            Map.entry("FINT01", new Text("point de mutualisation saturé, plus de place pour raccorder la ligne",
                    "the street cabinet is full: there is no room to connect the line")),
            Map.entry("FINT02", new Text("point de branchement saturé", "the distribution point near the home is full")),
            Map.entry("FINT03", new Text("la fibre est coupée entre le réseau et le logement",
                    "the fibre is broken between the network and the home")),
            Map.entry("FINT05", new Text("le signal sur la fibre est trop faible", "the fibre signal is too weak")),
            Map.entry("FRDV01", new Text("rendez-vous annulé par l'opérateur du réseau", "the network owner cancelled the appointment")),
            Map.entry("FRDV02", new Text("le créneau de rendez-vous n'est plus disponible", "the appointment slot is no longer available")),
            Map.entry("FRDV04", new Text("aucun technicien disponible", "no technician was available")),
            Map.entry("FINT07", new Text("des travaux de génie civil sont nécessaires", "civil works are needed")),
            Map.entry("FBAS01", new Text("la coupure de l'ancienne ligne a été reportée à la demande de votre fournisseur",
                    "the cut of the old line was postponed at your provider's request")),
            // The owner's answers to a request to move a cut (wsdl/README.md, DemanderReportBascule).
            Map.entry("DELAI_PREAVIS_INSUFFISANT", new Text("la coupure est trop proche pour être déplacée",
                    "the cut is too close to be moved")),
            Map.entry("BASCULE_EFFECTUEE", new Text("l'ancienne ligne est déjà coupée", "the old line has already been cut")),
            Map.entry("REPORT_MAXIMAL_DEPASSE", new Text("l'opérateur du réseau ne reporte pas une coupure aussi loin",
                    "the network owner does not postpone a cut that far")),
            Map.entry("REPORTS_EPUISES", new Text("la coupure a déjà été reportée autant de fois que possible",
                    "the cut has already been postponed as often as allowed")),
            Map.entry("PLAN_DE_CHARGE_SATURE", new Text("l'opérateur du réseau n'a plus de capacité ce jour-là",
                    "the network owner has no capacity left that day")),
            Map.entry("BASCULE_INCONNUE", new Text("l'opérateur du réseau ne connaît pas cette coupure",
                    "the network owner does not know this cut")),
            Map.entry("COMMANDE_ANNULEE", new Text("la commande est annulée", "the order is cancelled")),
            Map.entry("BASCULE_ANNULEE", new Text("la coupure est annulée", "the cut is cancelled")),
            Map.entry("REQUETE_INVALIDE", new Text("demande refusée comme invalide", "the request was refused as invalid")),
            Map.entry("FAUT01", new Text("autre motif", "another reason")));

    private static final Map<String, Text> FAMILIES = Map.of(
            "FCLI", new Text("motif lié au client", "a reason on the customer's side"),
            "FADR", new Text("problème d'adresse", "an address problem"),
            "FIMP", new Text("commande impossible à traiter", "the order could not be processed"),
            "FINT", new Text("incident de production sur le réseau", "a network production problem"),
            "FRDV", new Text("problème de rendez-vous", "an appointment problem"));

    private static final Text UNKNOWN = new Text("motif non précisé", "unspecified reason");

    private ReasonCatalogue() {
    }

    /** The reading of an owner's reason; null when the owner gave none. */
    public static Reason reason(String code, String label) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String key = code.trim().toUpperCase(Locale.ROOT);
        Text text = CODES.get(key);
        if (text != null) {
            // FAUT01 is free text: the owner's own words are the only reading there is.
            if ("FAUT01".equals(key) && label != null && !label.isBlank()) {
                return new Reason(code, label, true, label, text.en() + ": " + label);
            }
            return new Reason(code, label, true, text.fr(), text.en());
        }
        Text family = key.length() >= 4 ? FAMILIES.getOrDefault(key.substring(0, 4), UNKNOWN) : UNKNOWN;
        return new Reason(code, label, false, family.fr(), family.en());
    }

    /** The reading of a reason as stored (code and label only). */
    public static Reason read(Reason stored) {
        return stored == null ? null : reason(stored.code(), stored.label());
    }
}
