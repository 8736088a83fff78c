package cn.gov.zhaoshang.contracts;

import static cn.gov.zhaoshang.contracts.ContractFixtures.DEFAULT_MAPPER;
import static cn.gov.zhaoshang.contracts.ContractFixtures.json;
import static cn.gov.zhaoshang.contracts.ContractFixtures.leadProject;
import static cn.gov.zhaoshang.contracts.ContractFixtures.projectRegisteredEvent;
import static cn.gov.zhaoshang.contracts.ContractFixtures.signedProject;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ProjectRegisteredContractTest {

    private final EventSchemaValidator validator = EventSchemaValidator.shared();

    @Test
    void jacksonDefaultsWriteTheContractShape() {
        JsonNode data = DEFAULT_MAPPER.valueToTree(signedProject());

        assertThat(data.propertyNames()).containsExactlyInAnyOrder(
                "projectId", "name", "orgUnit", "stage", "contractAmount", "signingDate",
                "industryCode", "manufacturing", "registeredAt", "projectCode", "stageReachedOn",
                "signingConfirmed", "investorEnterpriseId", "investorClasses", "channel", "residentTeamId",
                "sourceKeyArea", "industryChainTags", "fdiContractUsd", "reinvestment", "plannedStartDate",
                "landingDate", "startDate", "completionDate", "productionDate");
        assertThat(data.get("projectId").isString()).isTrue();
        assertThat(data.get("contractAmount").isString()).isTrue();
        assertThat(data.get("contractAmount").asString()).isEqualTo("89015000000.00");
        assertThat(data.get("signingDate").asString()).isEqualTo("2026-11-01");
        assertThat(data.get("registeredAt").asString()).isEqualTo("2026-11-01T02:30:00Z");
        assertThat(data.get("manufacturing").isBoolean()).isTrue();
    }

    @Test
    void signedProjectInCompleteEnvelopeIsValid() {
        String event = json(projectRegisteredEvent(signedProject()));

        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void projectBeforeSigningWithoutAmountOrSigningDateIsValid() {
        ObjectNode event = projectRegisteredEvent(leadProject());
        assertThat(event.get("data").get("contractAmount").isNull()).isTrue();

        assertThat(validator.validate(json(event))).isEmpty();
    }

    @Test
    void anEventPublishedBeforeStageDatesWereRecordedIsStillValidAndReadsWithoutThem() {
        ObjectNode event = projectRegisteredEvent(signedProject());
        ObjectNode data = (ObjectNode) event.get("data");
        data.remove(List.of("landingDate", "startDate", "completionDate", "productionDate"));

        assertThat(validator.validate(json(event))).isEmpty();
        ProjectRegistered read = DEFAULT_MAPPER.treeToValue(data, ProjectRegistered.class);
        assertThat(read.landingDate()).isNull();
        assertThat(read.startDate()).isNull();
        assertThat(read.signingDate()).isEqualTo(signedProject().signingDate());
    }

    @Test
    void theValidEventRoundTripsIntoTheRecord() {
        ProjectRegistered original = signedProject();
        JsonNode data = projectRegisteredEvent(original).get("data");

        assertThat(DEFAULT_MAPPER.treeToValue(data, ProjectRegistered.class)).isEqualTo(original);
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                invalid("amount as a JSON number", "$.data.contractAmount:",
                        e -> data(e).put("contractAmount", new BigDecimal("89015000000.00"))),
                invalid("missing orgpath", "orgpath",
                        e -> e.remove("orgpath")),
                invalid("type not matching the pattern", "$.type: does not match",
                        e -> e.put("type", "cn.gov.zhaoshang.Project.Registered.v1")),
                invalid("unknown extra data property", "contactPhone",
                        e -> data(e).put("contactPhone", "13800000000")),
                invalid("industry code outside GB/T 4754 form", "$.data.industryCode:",
                        e -> data(e).put("industryCode", "Z999")),
                invalid("signed project without amount", "$.data.contractAmount:",
                        e -> data(e).putNull("contractAmount")),
                invalid("amount with three decimals", "$.data.contractAmount:",
                        e -> data(e).put("contractAmount", "1.005")),
                invalid("amount with a trailing newline", "$.data.contractAmount:",
                        e -> data(e).put("contractAmount", "1.00\n")),
                invalid("unknown stage", "$.data.stage:",
                        e -> data(e).put("stage", "DONE")),
                invalid("project id not a UUID", "$.data.projectId:",
                        e -> data(e).put("projectId", "project-1")),
                invalid("signing date not an ISO date", "$.data.signingDate:",
                        e -> data(e).put("signingDate", "2026/11/01")),
                invalid("time not an RFC 3339 date-time", "$.time:",
                        e -> e.put("time", "2026-11-01 02:30")),
                invalid("orgpath with lower-case segment", "$.orgpath:",
                        e -> e.put("orgpath", "450000.abc")),
                invalid("wrong specversion", "$.specversion:",
                        e -> e.put("specversion", "0.3")),
                invalid("wrong datacontenttype", "$.datacontenttype:",
                        e -> e.put("datacontenttype", "text/plain")),
                invalid("extension attribute name not lower-case alphanumeric", "orgPath",
                        e -> e.put("orgPath", "450000")),
                invalid("extension attribute value an object", "$.traceparent:",
                        e -> e.set("traceparent", DEFAULT_MAPPER.createObjectNode())),
                invalid("missing data", "data",
                        e -> e.remove("data")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void invalidEventIsRejectedNamingTheBadProperty(String description, String expected,
            Consumer<ObjectNode> breakIt) {
        ObjectNode event = projectRegisteredEvent(signedProject());
        breakIt.accept(event);

        List<String> violations = validator.validate(json(event));

        assertThat(violations)
                .as("violations for %s", description)
                .isNotEmpty()
                .anySatisfy(violation -> assertThat(violation).contains(expected));
    }

    @Test
    void eachViolationStartsWithThePathOfTheOffendingValue() {
        ObjectNode event = projectRegisteredEvent(signedProject());
        data(event).put("industryCode", "Z999");
        data(event).put("contractAmount", 1);

        assertThat(validator.validate(json(event)))
                .extracting(violation -> violation.substring(0, violation.indexOf(": ")))
                .containsOnly("$.data.industryCode", "$.data.contractAmount")
                .contains("$.data.industryCode", "$.data.contractAmount");
    }

    @Test
    void unknownEventTypeIsAViolation() {
        ObjectNode event = projectRegisteredEvent(signedProject());
        event.put("type", "cn.gov.zhaoshang.project.archived.v1");

        assertThat(validator.validate(json(event)))
                .containsExactly("$.type: unknown event type 'cn.gov.zhaoshang.project.archived.v1',"
                        + " no data schema is registered for it");
    }

    @Test
    void malformedTypeIsReportedOnceByThePattern() {
        ObjectNode event = projectRegisteredEvent(signedProject());
        event.put("type", "cn.gov.zhaoshang.Project.Registered.v1");

        assertThat(validator.validate(json(event)))
                .singleElement()
                .satisfies(v -> assertThat(v).startsWith("$.type: does not match the regex pattern"));
    }

    @Test
    void malformedJsonIsAViolationNotAnException() {
        assertThat(validator.validate("{\"specversion\": \"1.0\","))
                .singleElement()
                .satisfies(v -> assertThat(v).startsWith("$: not valid JSON"));
    }

    @Test
    void duplicateKeysAreAViolation() {
        String event = json(projectRegisteredEvent(signedProject()));
        String withDuplicate = event.replaceFirst("\\{", "{\"orgpath\":\"999999\",");

        assertThat(validator.validate(withDuplicate))
                .singleElement()
                .satisfies(v -> assertThat(v).startsWith("$: not valid JSON").contains("orgpath"));
    }

    @Test
    void everyRegisteredTypeIsAnEventTypeAndEveryEventTypeHasASchema() {
        assertThat(validator.eventTypes()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void validatesConsistentlyFromManyThreads() throws Exception {
        String valid = json(projectRegisteredEvent(signedProject()));
        ObjectNode broken = projectRegisteredEvent(signedProject());
        data(broken).put("industryCode", "Z999");
        String invalid = json(broken);
        List<String> expectedForInvalid = validator.validate(invalid);
        assertThat(expectedForInvalid).hasSize(1);

        List<Callable<Boolean>> tasks = IntStream.range(0, 400)
                .<Callable<Boolean>>mapToObj(i -> i % 2 == 0
                        ? () -> validator.validate(valid).isEmpty()
                        : () -> validator.validate(invalid).equals(expectedForInvalid))
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    private static Arguments invalid(String description, String expected, Consumer<ObjectNode> breakIt) {
        return Arguments.of(description, expected, breakIt);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
