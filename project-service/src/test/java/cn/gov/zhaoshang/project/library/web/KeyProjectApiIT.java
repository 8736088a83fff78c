package cn.gov.zhaoshang.project.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
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

/** Key projects (重点项目) with their responsible leader (领导挂点) and officer, and the list's {@code keyProject} filter. */
@PlatformIntegrationTest
class KeyProjectApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient guipingOfficer;

    @BeforeEach
    void clients() {
        guipingOfficer = ApiClient.atPort(port).as(TestUser.GP_OFFICER);
    }

    @Test
    void aProjectMarkedKeyNamesItsLeaderOfItsUnitOrAboveIsFilteredAndPublishedWithoutNames() {
        String name = "桂平市重点项目测试" + System.nanoTime();
        String id = guipingOfficer.create("/api/projects", Map.of("name", name, "orgUnit", "450881", "stage", "SIGNED",
                "contractAmount", "1200000000.00", "signingDate", "2026-09-01", "industryCode", "C3841",
                "evidence", List.of(Map.of("documentType", "AGREEMENT", "documentNumber", "XY-KEY", "documentDate", "2026-09-01"))))
                .json().get("id").asString();
        long versionBefore = guipingOfficer.get("/api/projects/" + id).json().get("version").asLong();

        ApiClient.Response marked = guipingOfficer.put("/api/projects/" + id + "/key-project",
                Map.of("leaderName", "王副市长", "leaderUnit", "450800", "officerName", "李科长"));

        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().get("keyProject").asBoolean()).isTrue();
        assertThat(marked.json().get("keyResponsibility").get("leaderName").asString()).isEqualTo("王副市长");
        assertThat(marked.json().get("keyResponsibility").get("leaderUnit").asString()).isEqualTo("450800");
        assertThat(marked.json().get("version").asLong()).isGreaterThan(versionBefore);

        assertThat(ids("?orgUnit=450881&keyProject=true&q=" + name)).containsExactly(id);
        assertThat(ids("?orgUnit=450881&keyProject=false&q=" + name)).isEmpty();
        ApiClient.Response badFilter = guipingOfficer.get("/api/projects?keyProject=maybe");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body()).contains("\"field\":\"keyProject\"");

        // the leader leads the project's unit or one above it, never a sibling
        ApiClient.Response sibling = guipingOfficer.put("/api/projects/" + id + "/key-project",
                Map.of("leaderName", "港北区区长", "leaderUnit", "450802"));
        assertThat(sibling.status()).isEqualTo(400);
        assertThat(sibling.body()).contains("LeaderUnitAboveProject");
        ApiClient.Response blank = guipingOfficer.put("/api/projects/" + id + "/key-project", Map.of("leaderName", " ", "leaderUnit", "99X"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .contains("leaderName", "leaderUnit");
        assertThat(ApiClient.atPort(port).as(TestUser.GB_OFFICER).put("/api/projects/" + id + "/key-project",
                Map.of("leaderName", "港北区区长", "leaderUnit", "450800")).status()).isEqualTo(404);
        assertThat(ApiClient.atPort(port).as(TestUser.GP_VIEWER).put("/api/projects/" + id + "/key-project",
                Map.of("leaderName", "某领导", "leaderUnit", "450800")).status()).isEqualTo(403);

        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(), Topics.PROJECT,
                record -> id.equals(record.key()) && record.value().contains(EventTypes.PROJECT_KEY_PROJECT_CHANGED), 1,
                Duration.ofSeconds(30));
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        assertThat(records.getFirst().value()).contains("\"leaderUnit\":\"450800\"").doesNotContain("王副市长", "李科长");
        assertThat(jdbc.sql("SELECT (before->>'keyProject') || '->' || (after->>'leaderName') FROM audit_log WHERE entity_id = :id AND action = 'key-project-marked'")
                .param("id", id).query(String.class).single()).isEqualTo("false->王副市长");

        ApiClient.Response unmarked = guipingOfficer.delete("/api/projects/" + id + "/key-project");
        assertThat(unmarked.status()).as(unmarked.toString()).isEqualTo(200);
        assertThat(unmarked.json().get("keyProject").asBoolean()).isFalse();
        assertThat(unmarked.json().get("keyResponsibility").isNull()).isTrue();
        assertThat(ids("?orgUnit=450881&keyProject=true&q=" + name)).isEmpty();
    }

    private List<String> ids(String query) {
        JsonNode page = guipingOfficer.get("/api/projects" + query).json();
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
