package org.raccord.simulator;

import java.util.List;
import java.util.Optional;

import jakarta.jws.WebService;

import org.raccord.simulator.ScriptedEvent.Feed;
import org.raccord.wholesale.soap.cutover.Bascule;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeReponse;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeRequete;
import org.raccord.wholesale.soap.cutover.DemanderReportBasculeReponse;
import org.raccord.wholesale.soap.cutover.DemanderReportBasculeRequete;
import org.raccord.wholesale.soap.cutover.EtatBascule;
import org.raccord.wholesale.soap.cutover.EtatPortabilite;
import org.raccord.wholesale.soap.cutover.EvenementBascule;
import org.raccord.wholesale.soap.cutover.FunctionalFault;
import org.raccord.wholesale.soap.cutover.LireFluxBasculesReponse;
import org.raccord.wholesale.soap.cutover.LireFluxBasculesRequete;
import org.raccord.wholesale.soap.cutover.SuiviBasculePort;
import org.raccord.wholesale.soap.cutover.TechnicalFault;
import org.raccord.wholesale.soap.cutover.ThrottlingFault;
import org.raccord.wholesale.soap.cutover.TypeFluxBascule;

/** The owner's unbundling / cutover interface, served from the simulated world. */
@WebService(
        serviceName = "SuiviBasculeService",
        portName = "SuiviBasculePort",
        targetNamespace = "http://raccord.org/wholesale/interop/suivi-bascule/v1",
        endpointInterface = "org.raccord.wholesale.soap.cutover.SuiviBasculePort",
        wsdlLocation = "wsdl/unbundling/SuiviBascule-v1.wsdl")
public class CutoverEndpoint implements SuiviBasculePort {

    private final OwnerWorld world;
    private final OwnerDesk desk;
    private final PostponementDesk postponements;

    public CutoverEndpoint(OwnerWorld world, OwnerDesk desk, PostponementDesk postponements) {
        this.world = world;
        this.desk = desk;
        this.postponements = postponements;
    }

    @Override
    public LireFluxBasculesReponse lireFluxBascules(LireFluxBasculesRequete request)
            throws FunctionalFault, ThrottlingFault, TechnicalFault {
        admit();
        FeedSlice slice = world.read(Feed.CUTOVER, request.getDepuisSequence(), request.getLimite());
        LireFluxBasculesReponse response = new LireFluxBasculesReponse();
        response.setEntete(Headers.answer(request.getEntete(), world.clock().now()));
        slice.events().forEach(e -> response.getEvenement().add(event(e)));
        response.setSequenceSuivante(slice.next());
        response.setEncoreDisponible(slice.more());
        response.setDerniereSequencePubliee(slice.lastPublished());
        return response;
    }

    @Override
    public DemanderReportBasculeReponse demanderReportBascule(DemanderReportBasculeRequete request)
            throws FunctionalFault, ThrottlingFault, TechnicalFault {
        admit();
        Optional<Integer> index = lineOf(request.getNdi(), request.getReferencePTO(), request.getReferenceCommandePriseInterneOC());
        if (request.getDateBasculeSouhaitee() == null || request.getReferenceDemandeOC() == null) {
            throw functional("REQUETE_INVALIDE", "Date souhaitée et référence de demande obligatoires");
        }
        try {
            PostponementDesk.Grant grant = postponements.request(request.getReferenceDemandeOC(),
                    index.orElseThrow(() -> new PostponementDesk.Refusal("BASCULE_INCONNUE", "Ligne inconnue")),
                    request.getDateBasculeSouhaitee().toGregorianCalendar().toInstant());
            DemanderReportBasculeReponse response = new DemanderReportBasculeReponse();
            response.setEntete(Headers.answer(request.getEntete(), world.clock().now()));
            response.setReferenceDemandeOC(grant.requestId());
            response.setReferenceDemandeOI(grant.ownerReference());
            response.setDateBasculePrecedente(XmlTime.dateTime(grant.previous()));
            response.setDateBasculeAccordee(XmlTime.dateTime(grant.granted()));
            return response;
        } catch (PostponementDesk.Refusal refusal) {
            throw functional(refusal.code(), refusal.getMessage());
        }
    }

    @Override
    public ConsulterBasculeReponse consulterBascule(ConsulterBasculeRequete request)
            throws FunctionalFault, ThrottlingFault, TechnicalFault {
        admit();
        Optional<Integer> index = lineOf(request.getNdi(), request.getReferencePTO(), request.getReferenceCommandePriseInterneOC());
        List<PublishedEvent> history = index.flatMap(i -> world.history(i, Feed.CUTOVER))
                .filter(events -> !events.isEmpty())
                .orElseThrow(() -> functional("BASCULE_INCONNUE", "Aucune bascule pour cette ligne"));
        ConsulterBasculeReponse response = new ConsulterBasculeReponse();
        response.setEntete(Headers.answer(request.getEntete(), world.clock().now()));
        response.setBascule(cutover(history));
        return response;
    }

    /** The line named by whichever reference the request gives (the contract's choice of one). */
    private Optional<Integer> lineOf(String ndi, String pto, String order) throws FunctionalFault {
        Population population = world.population();
        if (ndi != null) {
            return population.byNdi(ndi);
        } else if (pto != null) {
            return population.byPtoReference(pto);
        } else if (order != null) {
            return population.byOrderReference(order);
        }
        throw functional("REQUETE_INVALIDE", "Aucune référence de ligne fournie");
    }

    private void admit() throws ThrottlingFault, TechnicalFault {
        Faults.admit(desk, r -> new ThrottlingFault(r.getMessage(), Faults.throttling(r)),
                r -> new TechnicalFault(r.getMessage(), Faults.technical(r)));
    }

    private static FunctionalFault functional(String code, String label) {
        return new FunctionalFault(label, Faults.error(code, label));
    }

    static Bascule cutover(List<PublishedEvent> history) {
        SimulatedLine line = history.get(0).line();
        Bascule cutover = new Bascule();
        cutover.setReferenceCommandePriseInterneOC(line.orderReference());
        cutover.setNdi(line.ndi());
        cutover.setReferencePTO(line.ptoReference());
        cutover.setCodeOperateurPerdant(line.losingOperator());
        cutover.setEtat(EtatBascule.PLANIFIEE);
        cutover.setEtatPortabilite(EtatPortabilite.NON_DEMANDEE);
        for (PublishedEvent published : history) {
            ScriptedEvent e = published.event();
            switch (e.flow()) {
                case "BASCULE_PLANIFIEE", "BASCULE_REPLANIFIEE" -> cutover.setDateBasculePrevue(XmlTime.dateTime(e.plannedCutover()));
                case "NOTIF_ECRASEMENT" -> {
                    cutover.setEtat(EtatBascule.EFFECTUEE);
                    cutover.setDateBasculeEffective(XmlTime.dateTime(e.at()));
                }
                case "BASCULE_ANNULEE" -> cutover.setEtat(EtatBascule.ANNULEE);
                default -> { }
            }
            if (e.porting() != null) {
                cutover.setEtatPortabilite(EtatPortabilite.fromValue(e.porting()));
                if ("PORTEE".equals(e.porting())) {
                    cutover.setDatePortabilite(XmlTime.dateTime(e.at()));
                }
            }
            cutover.setDerniereSequence(published.sequence());
            cutover.getEvenement().add(event(published));
        }
        return cutover;
    }

    static EvenementBascule event(PublishedEvent published) {
        ScriptedEvent e = published.event();
        SimulatedLine line = published.line();
        EvenementBascule event = new EvenementBascule();
        event.setSequence(published.sequence());
        event.setHorodatage(XmlTime.dateTime(e.at()));
        event.setTypeFlux(TypeFluxBascule.fromValue(e.flow()));
        event.setReferenceCommandePriseInterneOC(line.orderReference());
        event.setNdi(line.ndi());
        event.setReferencePTO(line.ptoReference());
        event.setCodeOperateurPerdant(line.losingOperator());
        event.setDateBasculePrevue(XmlTime.dateTime(e.plannedCutover()));
        event.setDateBasculePrecedente(XmlTime.dateTime(e.previousPlannedCutover()));
        if ("NOTIF_ECRASEMENT".equals(e.flow())) {
            event.setDateBasculeEffective(XmlTime.dateTime(e.at()));
        }
        if (e.porting() != null) {
            event.setEtatPortabilite(EtatPortabilite.fromValue(e.porting()));
        }
        if (e.reason() != null) {
            event.setMotif(AccessOrderEndpoint.motif(e.reason()));
        }
        event.setReferenceDemandeOI(e.ownerRequest());
        return event;
    }
}
