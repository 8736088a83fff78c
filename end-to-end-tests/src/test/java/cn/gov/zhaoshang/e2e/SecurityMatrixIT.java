package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.FreePorts;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.ServiceProcess;
import cn.gov.zhaoshang.testsupport.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25, "The matrix": roles × units × endpoints, through the gateway on the four packaged
 * services. Every operation of the services' OpenAPI documents is classified in
 * {@code security-matrix.tsv}; an operation missing there fails {@link #everyOperationIsClassified}.
 * A county's users, in every role, get 404 or 403 for a sibling county's and the parent city's
 * units and for a sibling county's projects and engagements and another city's teams, and never find
 * them in their own lists; nothing answers 500.
 */
class SecurityMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("project-service", "enterprise-service", "targets-service", "reporting-service");
    private static final List<String> COUNTY_ROLES = List.of("viewer", "officer", "leader", "target-admin", "admin", "auditor",
            "user-admin");
    private static final String OWN = "450881";
    private static final String SIBLING = "450802";
    private static final String PARENT = "450800";

    static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    static ServiceProcess gateway;
    static TestIdentityProvider idp;
    static List<Row> matrix;
    static String ownProject;
    static String siblingProject;
    static String siblingEngagement;
    static String otherCitysTeam;
    static String enterprise;
    static String ownPark;

    /** @param probe the unit a request of the county must succeed for: {@code own}, {@code park} or {@code -} (none) */
    record Row(String method, String path, String kind, String sample, String probe) {
        String operation() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void startPlatform() throws IOException {
        idp = PlatformServers.identityProvider();
        SERVICES.forEach(service -> services.put(service, ServiceProcess.start(service, "matrix-" + service,
                PlatformServers.serviceProperties("matrix_" + service.replace("-service", "")))));
        services.values().forEach(ServiceProcess::awaitReady);
        Map<String, String> gatewayProperties = new HashMap<>(PlatformServers.tokenValidationProperties());
        // the gateway's actuator answers on a port of its own; a free one, never another gateway's
        gatewayProperties.put("management.server.port", String.valueOf(FreePorts.next()));
        services.forEach((name, process) -> gatewayProperties.put(
                "zhaoshang.gateway.services." + name.replace("-service", ""), process.baseUrl()));
        gateway = ServiceProcess.start("gateway", "matrix-gateway", gatewayProperties).awaitReady();
        try (InputStream tsv = SecurityMatrixIT.class.getResourceAsStream("/security-matrix.tsv")) {
            matrix = new String(tsv.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cells -> new Row(cells[0], cells[1], cells[2], cells[3], cells.length > 4 ? cells[4] : "own"))
                    .toList();
        }
        createTheOtherUnitsObjects();
    }

    @AfterAll
    static void stopPlatform() {
        Stream.concat(Stream.ofNullable(gateway), services.values().stream()).forEach(ServiceProcess::close);
    }

    /** A project of the county and of its sibling, an engagement of the sibling, a team of Nanning, a park of the county. */
    private static void createTheOtherUnitsObjects() {
        ownProject = as("officer", OWN).create("/api/projects", ThroughTheGatewayIT.project("桂平市矩阵测试项目", OWN, "100000000", "2026-05-20"))
                .json().get("id").asString();
        siblingProject = as("officer", SIBLING).create("/api/projects",
                ThroughTheGatewayIT.project("港北区矩阵测试项目", SIBLING, "100000000", "2026-05-20")).json().get("id").asString();
        enterprise = as("officer", "450000").create("/api/enterprises", Map.of("nameZh", "矩阵测试企业有限公司", "country", "DE",
                "registrationNumber", "HRB-" + UUID.randomUUID(), "ownership", "FOREIGN", "industryCode", "C3841"))
                .json().get("enterprise").get("id").asString();
        siblingEngagement = as("officer", SIBLING).create("/api/engagements", Map.of("kind", "VISIT", "orgUnit", SIBLING,
                "occurredOn", "2026-05-06", "enterpriseIds", List.of(enterprise), "outcome", "FOLLOW_UP")).json().get("id").asString();
        otherCitysTeam = as("officer", "450100").create("/api/resident-teams", Map.of("orgUnit", "450100", "name", "南宁矩阵工作队",
                "keyArea", "GBA", "memberCount", 3, "activeFrom", "2026-01-01")).json().get("id").asString();
        ownPark = as("admin", OWN).create("/api/org-units", Map.of("parentCode", OWN, "nameZh", "桂平市矩阵测试园区"))
                .json().get("code").asString();
        // the park reaches the other services' trees through targets-service's events
        await().atMost(Duration.ofSeconds(30)).until(() -> as("viewer", OWN).get("/api/reports/units/" + ownPark + "?period=2026-05").status() == 200
                && as("viewer", OWN).get("/api/projects/signing-confirmation-settings/" + ownPark).status() == 200);
    }

    @Test
    void everyOperationIsClassified() {
        Set<String> documented = new TreeSet<>();
        services.values().forEach(service -> {
            JsonNode paths = ApiClient.at(service.baseUrl()).get("/v3/api-docs").json().get("paths");
            paths.propertyNames().forEach(path -> paths.get(path).propertyNames().forEach(method ->
                    documented.add(method.toUpperCase() + " " + path)));
        });
        Set<String> classified = new TreeSet<>();
        matrix.forEach(row -> classified.add(row.operation()));

        assertThat(difference(documented, classified)).as("operations of the OpenAPI documents that the matrix does not classify")
                .isEmpty();
        assertThat(difference(classified, documented)).as("rows of the matrix that name no documented operation").isEmpty();
    }

    @Test
    void aCountysUsersInEveryRoleReachNothingOfASiblingCountyOrTheirCity() {
        List<String> violations = new ArrayList<>();
        for (Row row : matrix) {
            switch (row.kind()) {
                case "UNIT" -> unitResource(row, violations);
                case "PROJECT" -> refusedForEveryRole(row, Map.of("{id}", siblingProject, "{projectId}", siblingProject), violations);
                case "ENGAGEMENT" -> refusedForEveryRole(row, Map.of("{id}", siblingEngagement), violations);
                case "TEAM" -> refusedForEveryRole(row, Map.of("{id}", otherCitysTeam), violations);
                case "BODY_UNIT", "UNIT_QUERY" -> {
                    for (String unit : List.of(SIBLING, PARENT)) {
                        refusedForEveryRole(row, Map.of("{unit}", unit), violations);
                    }
                    if (!row.probe().equals("-")) {
                        allowedForSomeRole(row, Map.of("{unit}", row.probe().equals("park") ? ownPark : OWN), violations);
                    }
                }
                case "BODY_PROJECT" -> refusedForEveryRole(row, Map.of("{project}", siblingProject), violations, 400);
                case "SCOPED_LIST" -> neverListsTheOthers(row, violations);
                case "USERS" -> {
                    if (row.sample().contains("{unit}")) {
                        for (String unit : List.of(SIBLING, PARENT)) {
                            refusedForEveryRole(row, Map.of("{unit}", unit), violations);
                        }
                    }
                }
                case "SHARED", "FILE", "OWN_FILE" -> {
                    // classified; tested in their services (the kinds in security-matrix.tsv say where)
                }
                default -> violations.add(row.operation() + ": unknown kind " + row.kind());
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void unitResource(Row row, List<String> violations) {
        for (String unit : List.of(SIBLING, PARENT)) {
            refusedForEveryRole(row, Map.of("{code}", unit, "{orgUnit}", unit), violations);
        }
        if (row.method().equals("GET") && !row.probe().equals("-")) {
            for (String unit : List.of(OWN, ownPark)) {
                allowedForSomeRole(row, Map.of("{code}", unit, "{orgUnit}", unit), violations);
            }
        }
    }

    private static void refusedForEveryRole(Row row, Map<String, String> values, List<String> violations, int... alsoRefusal) {
        for (String role : COUNTY_ROLES) {
            ApiClient.Response response = send(as(role, OWN), row, values);
            boolean refused = response.status() == 403 || response.status() == 404
                    || java.util.Arrays.stream(alsoRefusal).anyMatch(status -> status == response.status());
            if (!refused) {
                violations.add(row.operation() + " as " + role + " of " + OWN + " with " + values + ": " + response.status()
                        + " " + abbreviated(response.body()));
            }
        }
    }

    /** The request is otherwise sound: some role of the county is answered 2xx for its own unit. */
    private static void allowedForSomeRole(Row row, Map<String, String> values, List<String> violations) {
        List<String> answers = new ArrayList<>();
        for (String role : COUNTY_ROLES) {
            ApiClient.Response response = send(as(role, OWN), row, values);
            if (response.status() / 100 == 2) {
                return;
            }
            if (response.status() >= 500) {
                violations.add(row.operation() + " as " + role + " with " + values + ": " + response.status());
            }
            answers.add(role + " " + response.status());
        }
        violations.add(row.operation() + " with " + values + ": no role of the county is answered 2xx (" + answers + ")");
    }

    private static void neverListsTheOthers(Row row, List<String> violations) {
        for (String role : COUNTY_ROLES) {
            ApiClient.Response response = send(as(role, OWN), row, Map.of());
            if (response.status() >= 500) {
                violations.add(row.operation() + " as " + role + ": " + response.status());
            }
            for (String other : List.of(siblingProject, siblingEngagement, otherCitysTeam)) {
                if (response.body().contains(other)) {
                    violations.add(row.operation() + " as " + role + " of " + OWN + " lists " + other);
                }
            }
        }
    }

    private static ApiClient.Response send(ApiClient client, Row row, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("{month}", "2026-05", "{year}", "2026", "{evidenceId}", UUID.randomUUID().toString(),
                "{problemId}", UUID.randomUUID().toString(), "{enterprise}", enterprise, "{project}", ownProject));
        all.putAll(values);
        String path = row.path();
        String sample = row.sample().equals("-") ? "" : row.sample();
        for (Map.Entry<String, String> value : all.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
            sample = sample.replace(value.getKey(), value.getValue());
        }
        boolean query = sample.startsWith("?");
        String uri = query ? path + sample : path;
        Object body = query || sample.isEmpty() ? Map.of() : JSON.readTree(sample);
        return switch (row.method()) {
            case "GET" -> client.get(uri);
            case "DELETE" -> client.delete(uri);
            case "POST" -> client.post(uri, body);
            case "PUT" -> client.put(uri, body);
            case "PATCH" -> client.withHeader("If-Match", "\"0\"").patch(uri, body);
            default -> throw new IllegalArgumentException(row.method());
        };
    }

    private static ApiClient as(String role, String unit) {
        return ApiClient.at(gateway.baseUrl()).withToken(idp.tokenFor("matrix-" + role + "-" + unit, unit, role));
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
