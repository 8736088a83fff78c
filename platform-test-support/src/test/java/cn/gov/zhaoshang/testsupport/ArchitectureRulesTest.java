package cn.gov.zhaoshang.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each shared architecture rule fails on a fixture that breaks it (in {@code fixtures.<case>}, laid
 * out as a service of its own), and passes on {@code fixtures.good}, a service that keeps them all.
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = "cn.gov.zhaoshang.testsupport.fixtures.";

    @Test
    void aServiceThatKeepsTheRulesPassesEveryOne() {
        String service = FIXTURES + "good";
        JavaClasses classes = classes(service);
        for (Function<String, ArchRule> rule : java.util.List.<Function<String, ArchRule>>of(
                ArchitectureRules::layersPointInward, ArchitectureRules::modelIsFreeOfSpringAndInfrastructure,
                ArchitectureRules::featuresAreFreeOfCycles, ArchitectureRules::controllersReturnDtos,
                ArchitectureRules::dependsOnlyOnSharedModules)) {
            assertThatCode(() -> rule.apply(service).check(classes)).doesNotThrowAnyException();
        }
    }

    @Test
    void aModelThatKnowsTheInfrastructureBreaksTheLayersAndThePlainModel() {
        assertBroken(ArchitectureRules::layersPointInward, "modeltoinfrastructure", "OrderRow");
        assertBroken(ArchitectureRules::modelIsFreeOfSpringAndInfrastructure, "modeltoinfrastructure", "OrderRow");
    }

    @Test
    void infrastructureThatCallsTheApplicationLayerBreaksTheLayers() {
        assertBroken(ArchitectureRules::layersPointInward, "infrastructuretoapplication", "OrderDesk");
    }

    @Test
    void aControllerThatUsesARepositoryBreaksTheLayers() {
        assertBroken(ArchitectureRules::layersPointInward, "controllertorepository",
                "Method <" + FIXTURES + "controllertorepository.orders.web.OrderController.order(java.lang.String)> calls method <"
                        + FIXTURES + "controllertorepository.orders.infrastructure.OrderRepository.find(java.lang.String)>");
    }

    @Test
    void anApplicationLayerThatTakesAWebRequestBreaksTheLayers() {
        assertBroken(ArchitectureRules::layersPointInward, "applicationtoweb", "OrderRequest");
    }

    @Test
    void aModelClassThatIsASpringBeanBreaksThePlainModel() {
        assertBroken(ArchitectureRules::modelIsFreeOfSpringAndInfrastructure, "springmodel", "Component");
    }

    @Test
    void twoFeaturesThatKnowEachOtherBreakTheCyclesRule() {
        assertBroken(ArchitectureRules::featuresAreFreeOfCycles, "cycle", "Cycle detected");
    }

    @Test
    void aControllerThatReturnsDomainRecordsBreaksControllersReturnDtos() {
        assertBroken(ArchitectureRules::controllersReturnDtos, "entityreturn", "returns " + FIXTURES + "entityreturn.orders.model.Order");
    }

    private static void assertBroken(Function<String, ArchRule> rule, String fixture, String named) {
        String service = FIXTURES + fixture;
        assertThatThrownBy(() -> rule.apply(service).check(classes(service)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(named);
    }

    private static JavaClasses classes(String packageName) {
        return new ClassFileImporter().importPackages(packageName);
    }
}
