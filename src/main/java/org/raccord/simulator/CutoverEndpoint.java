package org.raccord.simulator;

import java.util.List;
import java.util.Optional;

import jakarta.jws.WebService;

import org.raccord.simulator.ScriptedEvent.Feed;
import org.raccord.wholesale.soap.cutover.Bascule;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeReponse;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeRequete;
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

    public CutoverEndpoint(OwnerWorld world, OwnerDesk desk) {
        this.world = world;
        this.desk = desk;
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
    public ConsulterBasculeReponse consulterBascule(ConsulterBasculeRequete request)
            throws FunctionalFault, ThrottlingFault, TechnicalFault {
        admit();
        Population population = world.population();
        Optional<Integer> index;
        if (request.getNdi() != null) {
            index = population.byNdi(request.getNdi());
        } else if (request.getReferencePTO() != null) {
            index = population.byPtoReference(request.getReferencePTO());
        } else if (request.getReferenceCommandePriseInterneOC() != null) {
            index = population.byOrderReference(request.getReferenceCommandePriseInterneOC());
        } else {
            throw functional("REQUETE_INVALIDE", "Aucune référence de ligne fournie");
        }
        List<PublishedEvent> history = index.flatMap(i -> world.history(i, Feed.CUTOVER))
                .filter(events -> !events.isEmpty())
                .orElseThrow(() -> functional("BASCULE_INCONNUE", "Aucune bascule pour cette ligne"));
        ConsulterBasculeReponse response = new ConsulterBasculeReponse();
        response.setEntete(Headers.answer(request.getEntete(), world.clock().now()));
        response.setBascule(cutover(history));
        return response;
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
        return event;
    }
}
