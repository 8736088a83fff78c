package cn.gov.zhaoshang.project.problems.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.project.warnings.application.ProjectWarnings;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem log (问题台账, issue 20): problems of a signed project logged and changed by officers
 * in scope, audited with before and after, published as valid events, and an open problem past its
 * deadline raising the project's PROBLEM_OVERDUE warning until it is solved or given a later
 * deadline. The warning evaluation runs when the test says, as in {@code ProjectWarningsApiIT}.
 * Projects are 桂平's (450881), each with a name of its own, so that the classes sharing the
 * database neither pool nor see each other's.
 */
@PlatformIntegrationTest
class ProblemLogApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectWarnings warnings;

    @Autowired
    Clock clock;

    ApiClient guipingOfficer;
    ApiClient guipingViewer;
    ApiClient gangbeiOfficer;
    ApiClient guigangOfficer;
    LocalDate today;

    @BeforeEach
    void clients() {
        ApiClient api = ApiClient.atPort(port);
        guipingOfficer = api.as(TestUser.GP_OFFICER);
        guipingViewer = api.as(TestUser.GP_VIEWER);
        gangbeiOfficer = api.as(TestUser.GB_OFFICER);
        guigangOfficer = api.as(TestUser.GG_OFFICER);
        today = LocalDate.now(clock);
    }

    @Test
    void anOverdueProblemRaisesAProblemOverdueWarningUntilItIsSolvedAndEveryStepIsAuditedAndPublished() {
        String project = registerSigned("问题台账逾期项目");
        LocalDate deadline = today.minusDays(5);

        ApiClient.Response logged = guipingOfficer.create(problemsOf(project), Map.of("category", "LAND",
                "description", "地块尚未完成征拆，涉及三户", "department", "桂平市自然资源局", "deadline", deadline.toString()));
        String problem = logged.json().get("id").asString();
        assertThat(logged.raw().headers().firstValue("Location")).hasValue(problemsOf(project) + "/" + problem);
        assertThat(logged.raw().headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(logged.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(logged.json().get("overdue").asBoolean()).isTrue();
        assertThat(logged.json().get("createdBy").asString()).isEqualTo("gp-officer");

        warnings.evaluateAt(clock.instant());
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(project)).containsExactly("PROBLEM_OVERDUE/SIGNED/" + deadline + "/open");
        JsonNode listed = openProblemWarningOf(guipingOfficer, project);
        assertThat(listed.get("since").asString()).isEqualTo(deadline.toString());
        assertThat(listed.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(listed.get("projectName").asString()).startsWith("问题台账逾期项目");
        assertThat(openProblemWarningOf(guigangOfficer, project)).isNotNull();

        // Taken up but not solved: still overdue, the same warning stays open.
        ApiClient.Response taken = patch(TestUser.GP_OFFICER, problemsOf(project) + "/" + problem, "\"1\"",
                Map.of("status", "IN_PROGRESS"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.raw().headers().firstValue("ETag")).hasValue("\"2\"");
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(project)).containsExactly("PROBLEM_OVERDUE/SIGNED/" + deadline + "/open");

        ApiClient.Response solved = patch(TestUser.GP_OFFICER, problemsOf(project) + "/" + problem, "\"2\"",
                Map.of("status", "SOLVED", "resolution", "已完成征拆并交地"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        assertThat(solved.json().get("resolution").asString()).isEqualTo("已完成征拆并交地");
        assertThat(solved.json().get("overdue").asBoolean()).isFalse();
        assertThat(solved.json().get("version").asLong()).isEqualTo(3);
        warnings.evaluateAt(clock.instant());
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(project)).containsExactly("PROBLEM_OVERDUE/SIGNED/" + deadline + "/cleared");
        assertThat(guipingOfficer.get("/api/projects/warnings?kind=PROBLEM_OVERDUE&size=200").json().get("items").valueStream()
                .map(item -> item.get("projectId").asString())).doesNotContain(project);

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.PROJECT, record -> project.equals(record.key()), 6, Duration.ofSeconds(30));
        records.forEach(record -> assertThat(EventSchemaValidator.shared().validate(record.value())).as(record.value()).isEmpty());
        List<JsonNode> events = records.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(
                EventTypes.PROJECT_REGISTERED,
                EventTypes.PROJECT_PROBLEM_LOGGED,
                EventTypes.PROJECT_WARNING_RAISED,
                EventTypes.PROJECT_PROBLEM_CHANGED,
                EventTypes.PROJECT_PROBLEM_CHANGED,
                EventTypes.PROJECT_WARNING_CLEARED);
        JsonNode loggedEvent = events.get(1).get("data");
        assertThat(loggedEvent.get("problemId").asString()).isEqualTo(problem);
        assertThat(loggedEvent.get("category").asString()).isEqualTo("LAND");
        assertThat(loggedEvent.get("department").asString()).isEqualTo("桂平市自然资源局");
        assertThat(loggedEvent.get("deadline").asString()).isEqualTo(deadline.toString());
        assertThat(events.get(1).get("orgpath").asString()).isEqualTo("450000.450800.450881");
        JsonNode raised = events.get(2).get("data");
        assertThat(raised.get("kind").asString()).isEqualTo("PROBLEM_OVERDUE");
        assertThat(raised.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(raised.get("since").asString()).isEqualTo(deadline.toString());
        JsonNode solvedEvent = events.get(4).get("data");
        assertThat(solvedEvent.get("version").asLong()).isEqualTo(3);
        assertThat(solvedEvent.get("changedFields").valueStream().map(JsonNode::asString)).containsExactly("status", "resolution");
        assertThat(solvedEvent.get("before").get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(solvedEvent.get("after").get("status").asString()).isEqualTo("SOLVED");
        JsonNode cleared = events.get(5).get("data");
        assertThat(cleared.get("warningId").asString()).isEqualTo(raised.get("warningId").asString());
        assertThat(cleared.get("kind").asString()).isEqualTo("PROBLEM_OVERDUE");
        // the free texts and the people stay in the service
        records.forEach(record -> assertThat(record.value()).doesNotContain("征拆", "gp-officer", "system:project-warnings"));

        assertThat(jdbc.sql("""
                SELECT action || ':' || coalesce(before->>'status', '-') || '>' || (after->>'status') || ':' || coalesce(after->>'resolution', '-')
                FROM audit_log WHERE entity_type = 'project-problem' AND entity_id = :id ORDER BY id""")
                .param("id", problem).query(String.class).list())
                .containsExactly("logged:->OPEN:-", "changed:OPEN>IN_PROGRESS:-", "solved:IN_PROGRESS>SOLVED:已完成征拆并交地");
        assertThat(jdbc.sql("""
                SELECT actor FROM audit_log WHERE entity_type = 'project-problem' AND entity_id = :id ORDER BY id""")
                .param("id", problem).query(String.class).list()).containsOnly("gp-officer");
        assertThat(jdbc.sql("""
                SELECT a.action FROM audit_log a JOIN project_warning w ON a.entity_id = w.id::text
                WHERE a.entity_type = 'project-warning' AND w.project_id = :id::uuid ORDER BY a.id""")
                .param("id", project).query(String.class).list()).containsExactly("raised", "cleared");
    }

    @Test
    void aLaterDeadlineClearsTheWarningAndASolvedProblemIsReopenedOnlyExplicitly() {
        String project = registerSigned("问题台账延期项目");
        String path = problemsOf(project) + "/" + logProblem(project, "UTILITIES", "十千伏线路未接入", today.minusDays(2));
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(project)).containsExactly("PROBLEM_OVERDUE/SIGNED/" + today.minusDays(2) + "/open");

        ApiClient.Response postponed = patch(TestUser.GP_OFFICER, path, "\"1\"", Map.of("deadline", today.plusDays(10).toString(),
                "department", "桂平供电局"));
        assertThat(postponed.status()).as(postponed.toString()).isEqualTo(200);
        assertThat(postponed.json().get("overdue").asBoolean()).isFalse();
        warnings.evaluateAt(clock.instant());
        assertThat(warningsOf(project)).containsExactly("PROBLEM_OVERDUE/SIGNED/" + today.minusDays(2) + "/cleared");
        // the new deadline passes: a new warning, since the new deadline
        warnings.evaluateAt(today.plusDays(11).atTime(12, 0).atZone(clock.getZone()).toInstant());
        assertThat(warningsOf(project)).containsExactlyInAnyOrder(
                "PROBLEM_OVERDUE/SIGNED/" + today.minusDays(2) + "/cleared",
                "PROBLEM_OVERDUE/SIGNED/" + today.plusDays(10) + "/open");
        warnings.evaluateAt(clock.instant());

        assertThat(patch(TestUser.GP_OFFICER, path, "\"2\"", Map.of("status", "SOLVED", "resolution", "线路已接入")).status())
                .isEqualTo(200);
        // a solved problem is not changed by the way, nor solved again
        ApiClient.Response changedWhileSolved = patch(TestUser.GP_OFFICER, path, "\"3\"", Map.of("deadline", today.plusDays(20).toString()));
        assertThat(changedWhileSolved.status()).as(changedWhileSolved.toString()).isEqualTo(409);
        assertThat(changedWhileSolved.json().get("problemStatus").asString()).isEqualTo("SOLVED");
        assertThat(patch(TestUser.GP_OFFICER, path, "\"3\"", Map.of("status", "SOLVED", "resolution", "再说一遍")).status())
                .isEqualTo(409);

        ApiClient.Response reopened = patch(TestUser.GP_OFFICER, path, "\"3\"", Map.of("status", "OPEN"));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.json().get("resolution").isNull()).isTrue();
        assertThat(reopened.json().get("version").asLong()).isEqualTo(4);
        assertThat(jdbc.sql("""
                SELECT action || ':' || (before->>'resolution') FROM audit_log
                WHERE entity_type = 'project-problem' AND entity_id = :id AND action = 'reopened'""")
                .param("id", reopened.json().get("id").asString()).query(String.class).list())
                .containsExactly("reopened:线路已接入");
    }

    @Test
    void aChangeNamesTheVersionItWasMadeFromAndIsRefusedWhenAnotherChangeCameFirst() {
        String project = registerSigned("问题台账并发项目");
        String path = problemsOf(project) + "/" + logProblem(project, "PERMITS", "施工许可待审批", today.plusDays(15));

        ApiClient.Response withoutIfMatch = patch(TestUser.GP_OFFICER, path, null, Map.of("status", "IN_PROGRESS"));
        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(withoutIfMatch.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(withoutIfMatch.json().get("type").asString()).endsWith("/precondition-required");
        assertThat(patch(TestUser.GP_OFFICER, path, "*", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(428);

        ApiClient.Response read = guipingViewer.get(path);
        assertThat(read.status()).isEqualTo(200);
        String etag = read.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");
        // two officers read version 1; the first to change it wins, the second is told it changed
        assertThat(patch(TestUser.GP_OFFICER, path, etag, Map.of("department", "桂平市行政审批局")).status()).isEqualTo(200);
        ApiClient.Response second = patch(TestUser.GG_OFFICER, path, etag, Map.of("status", "IN_PROGRESS"));
        assertThat(second.status()).as(second.toString()).isEqualTo(412);
        assertThat(second.json().get("type").asString()).endsWith("/precondition-failed");
        assertThat(patch(TestUser.GP_OFFICER, path, "W/\"2\"", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(412);

        JsonNode problem = guipingOfficer.get(path).json();
        assertThat(problem.get("department").asString()).isEqualTo("桂平市行政审批局");
        assertThat(problem.get("status").asString()).isEqualTo("OPEN");
        assertThat(problem.get("version").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'project-problem' AND entity_id = :id")
                .param("id", problem.get("id").asString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theLogIsKeptWithinScopeAndOnlyOfficersWriteIt() {
        String project = registerSigned("问题台账范围项目");
        String problem = logProblem(project, "FINANCING", "银行授信尚未落实", today.plusDays(30));
        String path = problemsOf(project) + "/" + problem;
        Map<String, Object> body = Map.of("category", "OTHER", "description", "港北的问题", "department", "港北区",
                "deadline", today.plusDays(3).toString());

        // 港北 is a sibling of 桂平: the project does not exist for it
        assertThat(gangbeiOfficer.post(problemsOf(project), body).status()).isEqualTo(404);
        assertThat(gangbeiOfficer.get(problemsOf(project)).status()).isEqualTo(404);
        assertThat(gangbeiOfficer.get(path).status()).isEqualTo(404);
        assertThat(patch(TestUser.GB_OFFICER, path, "\"1\"", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(404);

        // 贵港, the city above, reads it
        JsonNode cityList = guigangOfficer.get(problemsOf(project)).json();
        assertThat(cityList.get("items").valueStream().map(item -> item.get("id").asString())).containsExactly(problem);

        // a viewer reads, never writes
        assertThat(guipingViewer.get(problemsOf(project)).json().get("total").asLong()).isEqualTo(1);
        assertThat(guipingViewer.post(problemsOf(project), body).status()).isEqualTo(403);
        assertThat(patch(TestUser.GP_VIEWER, path, "\"1\"", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(403);
        assertThat(ApiClient.atPort(port).get(problemsOf(project)).status()).isEqualTo(401);

        // a problem is found only under its own project
        String other = registerSigned("问题台账另一项目");
        assertThat(guipingOfficer.get(problemsOf(other) + "/" + problem).status()).isEqualTo(404);
        assertThat(guipingOfficer.get(problemsOf(UUID.randomUUID().toString())).status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM project_problem WHERE project_id = :id::uuid")
                .param("id", project).query(Long.class).single()).isEqualTo(1);
        assertThat(guipingOfficer.get(path).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void onlyASignedProjectThatCountsGetsProblems() {
        ApiClient.Response negotiating = guipingOfficer.create("/api/projects", Map.of("name", unique("问题台账在谈项目"),
                "orgUnit", "450881", "stage", "NEGOTIATING", "industryCode", "C3841"));
        ApiClient.Response refused = guipingOfficer.post(problemsOf(negotiating.json().get("id").asString()), Map.of(
                "category", "LAND", "description", "尚未签约", "department", "桂平市自然资源局", "deadline", today.toString()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("stage").asString()).isEqualTo("NEGOTIATING");
    }

    @Test
    void aBadBodyIsOne400NamingEveryFieldAndRule() {
        String project = registerSigned("问题台账校验项目");
        ApiClient.Response bad = guipingOfficer.post(problemsOf(project), Map.of("category", "WEATHER", "description", " ",
                "deadline", today.plusYears(5).plusDays(1).toString()));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(violations(bad)).containsExactlyInAnyOrder("category/Pattern", "description/NotBlank",
                "department/NotBlank", "deadline/PlausibleDeadline");

        ApiClient.Response badDates = guipingOfficer.post(problemsOf(project), Map.of("category", "EQUIPMENT",
                "description", "设备未到货", "department", "企业自身", "deadline", "2026-02-30"));
        assertThat(violations(badDates)).containsExactly("deadline/PlausibleDeadline");
        assertThat(badDates.body()).contains("is not a day of the calendar");
        assertThat(violations(guipingOfficer.post(problemsOf(project), Map.of("category", "EQUIPMENT",
                "description", "设备未到货", "department", "企业自身", "deadline", "下周五")))).containsExactly("deadline/Pattern");
        // a deadline long past is allowed (ledgers are carried over with their overdue problems), up to 3 years back
        assertThat(guipingOfficer.post(problemsOf(project), Map.of("category", "EQUIPMENT", "description", "设备未到货",
                "department", "企业自身", "deadline", today.minusYears(3).toString())).status()).isEqualTo(201);

        String path = problemsOf(project) + "/" + logProblem(project, "OTHER", "用工招聘困难", today.plusDays(7));
        ApiClient.Response badChange = patch(TestUser.GP_OFFICER, path, "\"1\"", Map.of("status", "SOLVED", "department", "  ",
                "deadline", "yesterday", "description", "x".repeat(2001)));
        assertThat(badChange.status()).as(badChange.toString()).isEqualTo(400);
        assertThat(violations(badChange)).containsExactlyInAnyOrder("resolution/RequiredWhenSolved",
                "department/NotBlankWhenGiven", "deadline/Pattern", "description/Size");
        assertThat(violations(patch(TestUser.GP_OFFICER, path, "\"1\"", Map.of("status", "later", "resolution", "已解决"))))
                .containsExactlyInAnyOrder("status/Pattern", "resolution/OnlyWhenSolved");
        assertThat(violations(patch(TestUser.GP_OFFICER, path, "\"1\"", Map.of()))).containsExactly("change/ChangesAField");
        assertThat(violations(patch(TestUser.GP_OFFICER, path, "\"1\"", Map.of("status", "OPEN")))).containsExactly("change/ChangesAField");
        assertThat(guipingOfficer.get(path).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theListIsPagedSortedOpenFirstByDeadlineAndFiltered() {
        String project = registerSigned("问题台账列表项目");
        String late = logProblem(project, "LAND", "用地指标", today.plusDays(40));
        String early = logProblem(project, "PERMITS", "环评批复", today.plusDays(10));
        String overdue = logProblem(project, "UTILITIES", "供水管网", today.minusDays(1));
        String solved = logProblem(project, "FINANCING", "贷款审批", today.minusDays(20));
        assertThat(patch(TestUser.GP_OFFICER, problemsOf(project) + "/" + solved, "\"1\"",
                Map.of("status", "SOLVED", "resolution", "已放款")).status()).isEqualTo(200);

        JsonNode byDefault = guipingViewer.get(problemsOf(project)).json();
        assertThat(ids(byDefault)).containsExactly(overdue, early, late, solved);
        assertThat(byDefault.get("sort").asString()).isEqualTo("status,asc");
        assertThat(byDefault.get("total").asLong()).isEqualTo(4);
        assertThat(byDefault.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(byDefault.get("items").get(1).get("overdue").asBoolean()).isFalse();

        assertThat(ids(guipingViewer.get(problemsOf(project) + "?sort=deadline,desc").json())).containsExactly(late, early, overdue, solved);
        assertThat(ids(guipingViewer.get(problemsOf(project) + "?sort=createdAt,asc").json())).containsExactly(late, early, overdue, solved);
        assertThat(ids(guipingViewer.get(problemsOf(project) + "?status=SOLVED").json())).containsExactly(solved);
        assertThat(ids(guipingViewer.get(problemsOf(project) + "?status=OPEN,IN_PROGRESS&sort=deadline,asc").json()))
                .containsExactly(overdue, early, late);
        assertThat(ids(guipingViewer.get(problemsOf(project) + "?overdue=true").json())).containsExactly(overdue);
        JsonNode page = guipingViewer.get(problemsOf(project) + "?size=2&page=1").json();
        assertThat(ids(page)).containsExactly(late, solved);
        assertThat(page.get("total").asLong()).isEqualTo(4);

        ApiClient.Response bad = guipingViewer.get(problemsOf(project) + "?sort=colour&size=0&status=LATE&overdue=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(violations(bad)).containsExactlyInAnyOrder("sort/AllowedValue", "size/Range", "status/AllowedValue",
                "overdue/Boolean");
    }

    private String registerSigned(String name) {
        String signed = today.minusDays(30).toString();
        ApiClient.Response created = guipingOfficer.create("/api/projects", Map.of("name", unique(name), "orgUnit", "450881",
                "stage", "SIGNED", "industryCode", "C3841", "contractAmount", "180000000.00", "signingDate", signed,
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-WT-" + UUID.randomUUID(),
                        "documentDate", signed))));
        assertThat(created.json().get("reviewStatus").asString()).isEqualTo("ACCEPTED");
        return created.json().get("id").asString();
    }

    private String logProblem(String project, String category, String description, LocalDate deadline) {
        return guipingOfficer.create(problemsOf(project), Map.of("category", category, "description", description,
                "department", "桂平市发展和改革局", "deadline", deadline.toString())).json().get("id").asString();
    }

    private static String problemsOf(String project) {
        return "/api/projects/" + project + "/problems";
    }

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> warningsOf(String projectId) {
        return jdbc.sql("""
                SELECT kind || '/' || stage || '/' || since || '/' || CASE WHEN cleared_at IS NULL THEN 'open' ELSE 'cleared' END
                FROM project_warning WHERE project_id = :id::uuid ORDER BY raised_at, kind""")
                .param("id", projectId).query(String.class).list();
    }

    private static JsonNode openProblemWarningOf(ApiClient caller, String project) {
        ApiClient.Response response = caller.get("/api/projects/warnings?kind=PROBLEM_OVERDUE&size=200");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").valueStream()
                .filter(item -> item.get("projectId").asString().equals(project))
                .peek(item -> assertThat(item.get("kind").asString()).isEqualTo("PROBLEM_OVERDUE"))
                .peek(item -> assertThat(item.get("open").asBoolean()).isTrue())
                .findFirst().orElseThrow(() -> new AssertionError("no open PROBLEM_OVERDUE warning of " + project + ": " + response));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static List<String> violations(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream()
                .map(error -> error.get("field").asString() + "/" + error.get("rule").asString()).toList();
    }

    /** ApiClient has no PATCH; this one sends the body as JSON with the user's token and, when given, If-Match. */
    private ApiClient.Response patch(TestUser user, String path, String ifMatch, Map<String, ?> body) {
        ApiClient client = ApiClient.atPort(port).as(user);
        return (ifMatch == null ? client : client.withHeader("If-Match", ifMatch)).patch(path, body);
    }
}
