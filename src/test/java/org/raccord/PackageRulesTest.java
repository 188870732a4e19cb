package org.raccord;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Which package may import which, checked on the compiled classes (each package-info says the same
 * in words). The model ({@code tracking}) and the loops' heartbeat import nothing of Raccord; only
 * the anti-corruption layer and the simulator touch the classes generated from the owner's WSDLs;
 * the shared web helpers serve every boundary and import no capability; the simulator depends on
 * the owner's contract alone.
 */
class PackageRulesTest {

    private static JavaClasses raccord;

    @BeforeAll
    static void importClasses() {
        raccord = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.raccord");
    }

    @Test
    void onlyTheAntiCorruptionLayerAndTheSimulatorTouchGeneratedSoapClasses() {
        noClasses().that().resideOutsideOfPackages("org.raccord.wholesale..", "org.raccord.simulator..")
                .should().dependOnClassesThat().resideInAPackage("org.raccord.wholesale.soap..")
                .check(raccord);
    }

    @Test
    void theModelAndTheHeartbeatImportNothingOfRaccord() {
        noClasses().that().resideInAnyPackage("org.raccord.tracking..", "org.raccord.heartbeat..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.wholesale..", "org.raccord.polling..",
                        "org.raccord.lines..", "org.raccord.api..", "org.raccord.answers..", "org.raccord.notification..",
                        "org.raccord.admin..", "org.raccord.simulator..", "org.raccord.retention..", "org.raccord.web..")
                .check(raccord);
    }

    @Test
    void theClusterImportsNothingOfRaccord() {
        noClasses().that().resideInAPackage("org.raccord.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.wholesale..", "org.raccord.polling..",
                        "org.raccord.lines..", "org.raccord.api..", "org.raccord.answers..", "org.raccord.notification..",
                        "org.raccord.admin..", "org.raccord.simulator..", "org.raccord.retention..", "org.raccord.web..",
                        "org.raccord.tracking..")
                .check(raccord);
    }

    @Test
    void theWebHelpersImportNoCapability() {
        noClasses().that().resideInAPackage("org.raccord.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.wholesale..", "org.raccord.polling..",
                        "org.raccord.lines..", "org.raccord.api..", "org.raccord.answers..", "org.raccord.notification..",
                        "org.raccord.admin..", "org.raccord.simulator..", "org.raccord.retention..")
                .check(raccord);
    }

    @Test
    void theSimulatorDependsOnTheOwnersContractAlone() {
        noClasses().that().resideInAPackage("org.raccord.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.tracking..", "org.raccord.polling..",
                        "org.raccord.lines..", "org.raccord.api..", "org.raccord.answers..", "org.raccord.notification..",
                        "org.raccord.admin..", "org.raccord.retention..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "Raccord's wholesale classes other than the generated ones",
                        c -> c.getPackageName().equals("org.raccord.wholesale")))
                .check(raccord);
    }

    @Test
    void nothingUpstreamImportsTheReadSideOrOperations() {
        noClasses().that().resideInAnyPackage("org.raccord.wholesale..", "org.raccord.polling..", "org.raccord.tracking..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.lines..", "org.raccord.api..",
                        "org.raccord.answers..", "org.raccord.notification..", "org.raccord.admin..", "org.raccord.retention..")
                .check(raccord);
    }

    @Test
    void theReadModelStoresAnswersWithoutKnowingWhoRendersOrReadsThem() {
        noClasses().that().resideInAPackage("org.raccord.answers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.wholesale..", "org.raccord.polling..",
                        "org.raccord.lines..", "org.raccord.api..", "org.raccord.notification..", "org.raccord.admin..",
                        "org.raccord.retention..", "org.raccord.web..", "jakarta.ws.rs..")
                .check(raccord);
    }

    @Test
    void theUseCasesBothBoundariesCallSpeakNoHttp() {
        noClasses().that().resideInAPackage("org.raccord.lines..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.api..", "org.raccord.answers..",
                        "org.raccord.notification..", "org.raccord.admin..", "org.raccord.retention..", "jakarta.ws.rs..")
                .check(raccord);
    }

    @Test
    void operationsReachLinesThroughTheUseCasesNotTheCustomerApi() {
        noClasses().that().resideInAPackage("org.raccord.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("org.raccord.api..", "org.raccord.answers..")
                .because("finding and registering a line live in org.raccord.lines, which both boundaries call")
                .check(raccord);
    }

    @Test
    void theHookAndTheSimulatorSpeakHttpWithoutTheCustomerApi() {
        noClasses().that().resideInAnyPackage("org.raccord.notification..", "org.raccord.simulator..", "org.raccord.web..",
                        "org.raccord.retention..")
                .should().dependOnClassesThat().resideInAPackage("org.raccord.api..")
                .because("problem documents, roles, scopes, paging and languages live in org.raccord.web")
                .check(raccord);
    }
}
