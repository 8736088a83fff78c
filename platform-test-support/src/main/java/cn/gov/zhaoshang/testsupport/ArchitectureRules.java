package cn.gov.zhaoshang.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The architecture rules every service keeps, written once. */
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
