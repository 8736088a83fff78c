package cn.gov.zhaoshang.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof that the validation can fail: three deliberately broken kustomizations (the base plus one
 * fault each, in src/test/resources/broken-fixtures) are rejected, each with a message naming the
 * fault and the object.
 */
class BrokenFixturesTest {

    private static final Path FIXTURES = ManifestValidator.DEPLOY.resolve("src/test/resources/broken-fixtures");

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void aDeploymentWithoutItsReadinessProbeIsRejected() {
        List<String> faults = validator.validate(FIXTURES.resolve("missing-probe")).faults();

        assertThat(faults).containsExactly("Deployment/gateway container gateway: no readinessProbe");
    }

    @Test
    void aServiceWhoseSelectorMatchesNoPodIsRejected() {
        List<String> faults = validator.validate(FIXTURES.resolve("selector-matches-nothing")).faults();

        assertThat(faults).containsExactlyInAnyOrder(
                "Service/project-service: selector {app.kubernetes.io/name=project-servce} matches no pod",
                // and so the Deployment it was meant for has no Service, and nothing scrapes its metrics
                "Deployment/project-service: no Service selects its pods",
                "Deployment/project-service: no ServiceMonitor scrapes its Service");
    }

    @Test
    void anUnknownFieldIsRejectedInCoreAndInOperatorKinds() {
        List<String> faults = validator.validate(FIXTURES.resolve("unknown-field")).faults();

        assertThat(faults).containsExactlyInAnyOrder(
                "Deployment/reporting-service: unknown field spec.template.spec.securityContext.runAsNonroot"
                        + " (not in the schema of apps/v1 Deployment)",
                "KafkaTopic/project: unknown field spec.retentionDays");
    }
}
