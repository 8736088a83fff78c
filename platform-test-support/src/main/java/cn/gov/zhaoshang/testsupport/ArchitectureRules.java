package cn.gov.zhaoshang.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules every service keeps, written once. A service is laid out by feature, with
 * layers inside each feature ({@code <service>.<feature>.{web,application,model,infrastructure}}):
 * the web layer (controllers, request and response records) calls the application layer (services,
 * listeners, use cases), which uses the model (domain records and rules, free of Spring) and the
 * infrastructure (repositories, file formats, clients), which knows the model but nothing above it.
 * The web layer reaches the infrastructure only through the application layer; the rows it maps
 * to responses are model types. Each rule has a test with a fixture that breaks it
 * ({@code ArchitectureRulesTest}).
 */
public final class ArchitectureRules {

    private static final String PLATFORM_ROOT = "cn.gov.zhaoshang";

    private ArchitectureRules() {
    }

    /**
     * A service's classes use, of the platform's own code, only their service, the shared library
     * and the event contracts: never another service.
     */
    public static ArchRule dependsOnlyOnSharedModules(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("belong to another platform module") {
                    @Override
                    public boolean test(JavaClass target) {
                        String name = target.getPackageName();
                        return name.startsWith(PLATFORM_ROOT + ".")
                                && !name.startsWith(servicePackage)
                                && !name.startsWith(PLATFORM_ROOT + ".platform")
                                && !name.startsWith(PLATFORM_ROOT + ".contracts");
                    }
                });
    }

    /**
     * The layers point inward: web → application → model, application → infrastructure → model.
     * Exactly these accesses between layers are allowed:
     * <ul>
     * <li>nothing accesses the web layer;</li>
     * <li>only the web layer accesses the application layer;</li>
     * <li>only the application layer accesses the infrastructure: repositories are concrete classes
     * that application services use directly, with no interface in between, and a controller that
     * needs a read calls an application service for it, never a repository or a row type of the
     * infrastructure;</li>
     * <li>the web, application and infrastructure layers access the model, which accesses none of
     * them.</li>
     * </ul>
     * Access within a layer, across features too, is not restricted here ({@link #featuresAreFreeOfCycles}
     * keeps the features apart). Classes outside the four layers (a service's application class) are
     * not checked.
     */
    public static ArchRule layersPointInward(String servicePackage) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy(servicePackage + "..web..")
                .layer("application").definedBy(servicePackage + "..application..")
                .layer("infrastructure").definedBy(servicePackage + "..infrastructure..")
                .layer("model").definedBy(servicePackage + "..model..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("web")
                .whereLayer("infrastructure").mayOnlyBeAccessedByLayers("application")
                .whereLayer("model").mayOnlyBeAccessedByLayers("web", "application", "infrastructure")
                // a service whose features have no layers yet has nothing to check
                .withOptionalLayers(true);
    }

    /** The model is plain Java: no Spring, and nothing of the service's infrastructure (nor of its web or application layers). */
    public static ArchRule modelIsFreeOfSpringAndInfrastructure(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", servicePackage + "..infrastructure..",
                        servicePackage + "..web..", servicePackage + "..application..")
                .allowEmptyShould(true);
    }

    /** The features of a service ({@code <service>.<feature>..}) depend on each other without cycles. */
    public static ArchRule featuresAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /**
     * Controllers return DTOs: no handler method returns a type from a {@code model} or
     * {@code infrastructure} package (domain objects, persistence rows), directly or as the body
     * type of a {@code ResponseEntity} or list.
     */
    public static ArchRule controllersReturnDtos(String servicePackage) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(servicePackage + "..")
                .and().areDeclaredInClassesThat().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .and().arePublic()
                .should(new ArchCondition<JavaMethod>("return DTOs, not domain or persistence types") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getReturnType().getAllInvolvedRawTypes().stream()
                                .filter(type -> type.getPackageName().contains(".model")
                                        || type.getPackageName().contains(".infrastructure"))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " returns " + type.getName())));
                    }
                })
                // a service whose API has not been built yet has no controllers to check
                .allowEmptyShould(true);
    }
}
