package org.raccord.wholesale;

import java.util.EnumMap;
import java.util.Map;

import org.raccord.tracking.CutoverEventKind;
import org.raccord.tracking.CutoverState;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.PortingState;
import org.raccord.tracking.ServiceState;
import org.raccord.wholesale.soap.cutover.EtatBascule;
import org.raccord.wholesale.soap.cutover.EtatPortabilite;
import org.raccord.wholesale.soap.cutover.TypeFluxBascule;
import org.raccord.wholesale.soap.order.EtatCommande;
import org.raccord.wholesale.soap.order.TypeFluxCommande;

/**
 * The owner's words and what they mean to Raccord, as tables: reading one line of a table says
 * how a flow or a state is understood. Every owner value must appear (a test checks it), so a new
 * value in a new WSDL version fails the build instead of being silently misread.
 */
final class OwnerVocabulary {

    /** The owner's order state that each flow leads to, as its consult answer would then show it. */
    static final Map<OrderEventKind, EtatCommande> ORDER_STATE_AFTER = new EnumMap<>(Map.ofEntries(
            Map.entry(OrderEventKind.ACKNOWLEDGED, EtatCommande.ACQUITTEE),
            Map.entry(OrderEventKind.ACCEPTED, EtatCommande.VALIDEE),
            Map.entry(OrderEventKind.REJECTED, EtatCommande.REJETEE),
            Map.entry(OrderEventKind.APPOINTMENT_BOOKED, EtatCommande.PLANIFIEE),
            Map.entry(OrderEventKind.APPOINTMENT_MOVED, EtatCommande.PLANIFIEE),
            Map.entry(OrderEventKind.JEOPARDY, EtatCommande.EN_RETARD),
            Map.entry(OrderEventKind.CONNECTED, EtatCommande.RACCORDEE),
            Map.entry(OrderEventKind.DELIVERED, EtatCommande.LIVREE),
            Map.entry(OrderEventKind.IN_SERVICE, EtatCommande.EN_SERVICE),
            Map.entry(OrderEventKind.CANCELLED, EtatCommande.ANNULEE),
            Map.entry(OrderEventKind.TERMINATED, EtatCommande.RESILIEE)));

    static final Map<EtatCommande, ServiceState> ORDER_STATES = new EnumMap<>(Map.ofEntries(
            Map.entry(EtatCommande.RECUE, ServiceState.ACKNOWLEDGED),
            Map.entry(EtatCommande.ACQUITTEE, ServiceState.ACKNOWLEDGED),
            Map.entry(EtatCommande.VALIDEE, ServiceState.IN_PROGRESS),
            Map.entry(EtatCommande.REJETEE, ServiceState.REJECTED),
            Map.entry(EtatCommande.PLANIFIEE, ServiceState.IN_PROGRESS),
            // A delay announced by the owner: the order waits on the owner's side (TMF "held").
            Map.entry(EtatCommande.EN_RETARD, ServiceState.HELD),
            Map.entry(EtatCommande.RACCORDEE, ServiceState.IN_PROGRESS),
            // Delivered (CR MAD) is a milestone; the order completes when the service is in use (CR MES).
            Map.entry(EtatCommande.LIVREE, ServiceState.IN_PROGRESS),
            Map.entry(EtatCommande.EN_SERVICE, ServiceState.COMPLETED),
            Map.entry(EtatCommande.ANNULEE, ServiceState.CANCELLED),
            Map.entry(EtatCommande.RESILIEE, ServiceState.CANCELLED)));

    static final Map<TypeFluxCommande, OrderEventKind> ORDER_FLOWS = new EnumMap<>(Map.ofEntries(
            Map.entry(TypeFluxCommande.AR, OrderEventKind.ACKNOWLEDGED),
            Map.entry(TypeFluxCommande.CR_CMD, OrderEventKind.ACCEPTED),
            Map.entry(TypeFluxCommande.RDV_PRIS, OrderEventKind.APPOINTMENT_BOOKED),
            Map.entry(TypeFluxCommande.RDV_REPORTE, OrderEventKind.APPOINTMENT_MOVED),
            Map.entry(TypeFluxCommande.CR_STOC, OrderEventKind.CONNECTED),
            Map.entry(TypeFluxCommande.CR_MAD, OrderEventKind.DELIVERED),
            Map.entry(TypeFluxCommande.CR_MES, OrderEventKind.IN_SERVICE),
            Map.entry(TypeFluxCommande.CR_ANNUL, OrderEventKind.CANCELLED),
            Map.entry(TypeFluxCommande.CR_RESIL, OrderEventKind.TERMINATED),
            Map.entry(TypeFluxCommande.RETARD, OrderEventKind.JEOPARDY),
            Map.entry(TypeFluxCommande.REVISION_DATE_LIVRAISON, OrderEventKind.DELIVERY_DATE_REVISED),
            Map.entry(TypeFluxCommande.NOTIF_REPROVISIONING, OrderEventKind.REPROVISIONED)));

    /** A KO result turns the two acknowledgement flows into refusals. */
    static final Map<TypeFluxCommande, OrderEventKind> ORDER_FLOWS_KO = new EnumMap<>(Map.of(
            TypeFluxCommande.AR, OrderEventKind.ACKNOWLEDGEMENT_REFUSED,
            TypeFluxCommande.CR_CMD, OrderEventKind.REJECTED));

    static final Map<TypeFluxBascule, CutoverEventKind> CUTOVER_FLOWS = new EnumMap<>(Map.of(
            TypeFluxBascule.BASCULE_PLANIFIEE, CutoverEventKind.SCHEDULED,
            TypeFluxBascule.BASCULE_REPLANIFIEE, CutoverEventKind.RESCHEDULED,
            TypeFluxBascule.NOTIF_ECRASEMENT, CutoverEventKind.PREVIOUS_SERVICE_CUT,
            TypeFluxBascule.BASCULE_ANNULEE, CutoverEventKind.CANCELLED,
            TypeFluxBascule.PORTABILITE, CutoverEventKind.PORTING_CHANGED));

    static final Map<EtatBascule, CutoverState> CUTOVER_STATES = new EnumMap<>(Map.of(
            EtatBascule.PLANIFIEE, CutoverState.PLANNED,
            EtatBascule.EFFECTUEE, CutoverState.DONE,
            EtatBascule.ANNULEE, CutoverState.CANCELLED));

    static final Map<EtatPortabilite, PortingState> PORTING_STATES = new EnumMap<>(Map.of(
            EtatPortabilite.NON_DEMANDEE, PortingState.NOT_REQUESTED,
            EtatPortabilite.DEMANDEE, PortingState.REQUESTED,
            EtatPortabilite.EN_COURS, PortingState.IN_PROGRESS,
            EtatPortabilite.PORTEE, PortingState.PORTED,
            EtatPortabilite.ECHEC, PortingState.FAILED));

    private OwnerVocabulary() {
    }
}
