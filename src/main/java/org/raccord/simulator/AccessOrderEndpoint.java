package org.raccord.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.jws.WebService;

import org.raccord.simulator.ScriptedEvent.Feed;
import org.raccord.wholesale.soap.common.CreneauRdv;
import org.raccord.wholesale.soap.common.Motif;
import org.raccord.wholesale.soap.order.Commande;
import org.raccord.wholesale.soap.order.ConsulterCommandeReponse;
import org.raccord.wholesale.soap.order.ConsulterCommandeRequete;
import org.raccord.wholesale.soap.order.EtatCommande;
import org.raccord.wholesale.soap.order.EvenementCommande;
import org.raccord.wholesale.soap.order.FunctionalFault;
import org.raccord.wholesale.soap.order.LireFluxCommandesReponse;
import org.raccord.wholesale.soap.order.LireFluxCommandesRequete;
import org.raccord.wholesale.soap.order.Resultat;
import org.raccord.wholesale.soap.order.SuiviCommandeAccesPort;
import org.raccord.wholesale.soap.order.TechnicalFault;
import org.raccord.wholesale.soap.order.Technologie;
import org.raccord.wholesale.soap.order.ThrottlingFault;
import org.raccord.wholesale.soap.order.TypeFluxCommande;

/** The owner's access-order tracking interface, served from the simulated world. */
@WebService(
        serviceName = "SuiviCommandeAccesService",
        portName = "SuiviCommandeAccesPort",
        targetNamespace = "http://raccord.org/wholesale/interop/suivi-commande-acces/v1",
        endpointInterface = "org.raccord.wholesale.soap.order.SuiviCommandeAccesPort",
        wsdlLocation = "wsdl/access-order/SuiviCommandeAcces-v1.wsdl")
public class AccessOrderEndpoint implements SuiviCommandeAccesPort {

    /** The owner's own operator code, as the "commercial operator" of its orders is the caller. */
    private static final String PROVIDER_CODE = "RACC";

    private final OwnerWorld world;
    private final OwnerDesk desk;

    public AccessOrderEndpoint(OwnerWorld world, OwnerDesk desk) {
        this.world = world;
        this.desk = desk;
    }

    @Override
    public LireFluxCommandesReponse lireFluxCommandes(LireFluxCommandesRequete request)
            throws FunctionalFault, ThrottlingFault, TechnicalFault {
        admit();
        FeedSlice slice = world.read(Feed.ORDER, request.getDepuisSequence(), request.getLimite());
        LireFluxCommandesReponse response = new LireFluxCommandesReponse();
        response.setEntete(Headers.answer(request.getEntete(), world.clock().now()));
        slice.events().forEach(e -> response.getEvenement().add(event(e)));
        response.setSequenceSuivante(slice.next());
        response.setEncoreDisponible(slice.more());
        response.setDerniereSequencePubliee(slice.lastPublished());
        return response;
    }

    @Override
    public ConsulterCommandeReponse consulterCommande(ConsulterCommandeRequete request)
            throws FunctionalFault, ThrottlingFault, TechnicalFault {
        admit();
        Population population = world.population();
        Optional<Integer> index;
        if (request.getReferenceCommandePriseInterneOC() != null) {
            index = population.byOrderReference(request.getReferenceCommandePriseInterneOC());
        } else if (request.getReferencePrestationPrise() != null) {
            index = population.byServiceReference(request.getReferencePrestationPrise());
        } else if (request.getReferencePTO() != null) {
            index = population.byPtoReference(request.getReferencePTO());
        } else if (request.getNdi() != null) {
            index = population.byNdi(request.getNdi());
        } else {
            throw functional("REQUETE_INVALIDE", "Aucune référence de commande ou de ligne fournie");
        }
        List<PublishedEvent> history = index.flatMap(i -> world.history(i, Feed.ORDER))
                .orElseThrow(() -> functional("CMD_INCONNUE", "Commande inconnue"));
        ConsulterCommandeReponse response = new ConsulterCommandeReponse();
        response.setEntete(Headers.answer(request.getEntete(), world.clock().now()));
        response.setCommande(order(population.line(index.get()), history));
        return response;
    }

    private void admit() throws ThrottlingFault, TechnicalFault {
        Faults.admit(desk, r -> new ThrottlingFault(r.getMessage(), Faults.throttling(r)),
                r -> new TechnicalFault(r.getMessage(), Faults.technical(r)));
    }

    private static FunctionalFault functional(String code, String label) {
        return new FunctionalFault(label, Faults.error(code, label));
    }

    static Commande order(SimulatedLine line, List<PublishedEvent> history) {
        Commande order = new Commande();
        order.setReferenceCommandePriseInterneOC(line.orderReference());
        order.setCodeOperateurCommercial(PROVIDER_CODE);
        order.setTechnologie(line.fibre() ? Technologie.FIBRE : Technologie.CUIVRE);
        order.setDateCommande(XmlTime.dateTime(line.orderedAt()));
        order.setDateLivraisonSouhaitee(XmlTime.date(
                LineScript.workingDaysAfter(line.orderedAt().atZone(LineScript.PARIS).toLocalDate(), 5)));
        order.setNdi(line.ndi());
        LocalDate due = null;
        long last = 0;
        for (PublishedEvent published : history) {
            ScriptedEvent e = published.event();
            if (e.deliveryDate() != null) {
                due = e.deliveryDate();
            }
            if (e.slotStart() != null) {
                order.setCreneauRdv(slot(e));
            }
            if (e.reason() != null) {
                order.setDernierMotif(motif(e.reason()));
            }
            if (accepted(e)) {
                order.setReferencePrestationPrise(line.serviceReference());
                order.setReferencePTO(line.ptoReference());
            }
            switch (e.flow()) {
                case "CR_MAD" -> order.setDateMiseADisposition(XmlTime.dateTime(e.at()));
                case "CR_MES" -> order.setDateMiseEnService(XmlTime.dateTime(e.at()));
                default -> { }
            }
            last = published.sequence();
            order.getEvenement().add(event(published));
        }
        order.setEtat(stateOf(history));
        order.setDateLivraisonPrevue(XmlTime.date(due));
        order.setDerniereSequence(last);
        return order;
    }

    /** The state the owner's consult answers after these published order events. */
    static EtatCommande stateOf(List<PublishedEvent> history) {
        EtatCommande state = EtatCommande.RECUE;
        for (PublishedEvent published : history) {
            state = stateAfter(state, published.event());
        }
        return state;
    }

    private static EtatCommande stateAfter(EtatCommande state, ScriptedEvent e) {
        return switch (e.flow()) {
            case "AR" -> e.ok() ? EtatCommande.ACQUITTEE : EtatCommande.REJETEE;
            case "CR_CMD" -> e.ok() ? EtatCommande.VALIDEE : EtatCommande.REJETEE;
            case "RDV_PRIS", "RDV_REPORTE" -> EtatCommande.PLANIFIEE;
            case "RETARD" -> EtatCommande.EN_RETARD;
            case "CR_STOC" -> EtatCommande.RACCORDEE;
            case "CR_MAD" -> EtatCommande.LIVREE;
            case "CR_MES" -> EtatCommande.EN_SERVICE;
            case "CR_ANNUL" -> EtatCommande.ANNULEE;
            case "CR_RESIL" -> EtatCommande.RESILIEE;
            default -> state;
        };
    }

    private static boolean accepted(ScriptedEvent e) {
        return "CR_CMD".equals(e.flow()) && e.ok();
    }

    static EvenementCommande event(PublishedEvent published) {
        ScriptedEvent e = published.event();
        SimulatedLine line = published.line();
        EvenementCommande event = new EvenementCommande();
        event.setSequence(published.sequence());
        event.setHorodatage(XmlTime.dateTime(e.at()));
        event.setTypeFlux(TypeFluxCommande.fromValue(e.flow()));
        event.setReferenceCommandePriseInterneOC(line.orderReference());
        event.setTechnologie(line.fibre() ? Technologie.FIBRE : Technologie.CUIVRE);
        boolean beforeAcceptance = "AR".equals(e.flow()) || ("CR_CMD".equals(e.flow()) && !e.ok());
        if (!beforeAcceptance) {
            event.setReferencePrestationPrise(line.serviceReference());
        }
        if ("AR".equals(e.flow()) || "CR_CMD".equals(e.flow())) {
            event.setResultat(e.ok() ? Resultat.OK : Resultat.KO);
        }
        if (e.reason() != null) {
            event.setMotif(motif(e.reason()));
        }
        event.setDateLivraisonPrevue(XmlTime.date(e.deliveryDate()));
        event.setDateLivraisonPrecedente(XmlTime.date(e.previousDeliveryDate()));
        if (e.slotStart() != null) {
            event.setCreneauRdv(slot(e));
        }
        if ("CR_MAD".equals(e.flow())) {
            event.setReferencePTO(line.ptoReference());
            event.setNdi(line.ndi());
        }
        if (List.of("CR_STOC", "CR_MAD", "CR_MES").contains(e.flow())) {
            event.setDateEffet(XmlTime.dateTime(e.at()));
        }
        return event;
    }

    private static CreneauRdv slot(ScriptedEvent e) {
        CreneauRdv slot = new CreneauRdv();
        slot.setDebut(XmlTime.dateTime(e.slotStart()));
        slot.setFin(XmlTime.dateTime(e.slotEnd()));
        return slot;
    }

    static Motif motif(OwnerReason reason) {
        Motif motif = new Motif();
        motif.setCode(reason.code());
        motif.setLibelle(reason.label());
        return motif;
    }
}
