package cn.gov.zhaoshang.targets.orgunits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions.Division;
import cn.gov.zhaoshang.targets.orgunits.application.OrgTreeLoader;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acceptance 7 (the org tree) and the org-unit part of acceptance 6 (events validate). */
@PlatformIntegrationTest
class OrgUnitTreeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgTreeLoader loader;

    @Autowired
    OrgUnitDirectory directory;

    @Autowired
    ReferenceDivisions referenceDivisions;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.atPort(port);
    }

    private ApiClient as(String user, String unit, String... roles) {
        return api.withToken(PlatformServers.identityProvider().tokenFor(user, unit, roles));
    }

    @Test
    void theReferenceRowsAreLoadedOnceAndNotAgainOnRestart() {
        List<Division> reference = referenceDivisions.parentsFirst();
        assertThat(reference).hasSize(126);
        assertThat(reference.stream().filter(division -> division.level() == OrgLevel.CITY)).hasSize(14);
        assertThat(reference.stream().filter(division -> division.level() == OrgLevel.COUNTY)).hasSize(111);
        List<String> referenceCodes = reference.stream().map(Division::code).toList();
        long loadedAudits = countReferenceLoadAudits();

        assertThat(loadedAudits).isEqualTo(126);
        assertThat(registeredReferenceUnits(referenceCodes)).isEqualTo(126);

        assertThat(loader.load()).isZero();
        assertThat(countReferenceLoadAudits()).isEqualTo(loadedAudits);
        assertThat(registeredReferenceUnits(referenceCodes)).isEqualTo(126);

        JsonNode region = as("gx-viewer", "450000", "viewer").get("/api/org-units").json();
        assertThat(region.get("code").asString()).isEqualTo("450000");
        assertThat(region.get("children").valueStream().map(city -> city.get("code").asString()))
                .hasSize(14).contains("450100", "450800");
        assertThat(codesIn(region)).hasSizeGreaterThanOrEqualTo(126);
        JsonNode guilin = as("gx-viewer", "450000", "viewer").get("/api/org-units?root=450300").json();
        assertThat(guilin.get("children").valueStream().map(county -> county.get("code").asString()))
                .as("every city has its county-level units, 桂林 its 17").hasSize(17).contains("450302", "450381");
    }

    @Test
    void aParkAddedUnderGuipingIsVisibleToGuipingAndGuigangButNotToGangbei() {
        ApiClient.Response created = as("gp-admin", "450881", "admin").post("/api/org-units",
                Map.of("parentCode", "450881", "nameZh", "桂平市新材料产业园", "nameEn", "Guiping New Materials Park"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String park = created.json().get("code").asString();
        assertThat(park).matches("450881P\\d{2}");
        assertThat(created.json().get("path").asString()).isEqualTo("450000.450800.450881." + park);
        assertThat(created.json().get("level").asString()).isEqualTo("PARK");

        assertThat(codesIn(as("gp-viewer", "450881", "viewer").get("/api/org-units").json())).contains(park);
        assertThat(codesIn(as("gg-viewer", "450800", "viewer").get("/api/org-units").json())).contains("450881", park);
        ApiClient gangbei = as("gb-viewer", "450802", "viewer");
        assertThat(codesIn(gangbei.get("/api/org-units").json())).doesNotContain(park).contains("450802");
        assertThat(gangbei.get("/api/org-units/" + park).status()).isEqualTo(404);
        assertThat(gangbei.get("/api/org-units?root=450881").status()).isEqualTo(404);
        assertThat(as("gp-viewer", "450881", "viewer").get("/api/org-units/" + park).status()).isEqualTo(200);

        String id = created.json().get("id").asString();
        JsonNode event = eventOf(id, EventTypes.TARGETS_ORG_UNIT_DEFINED);
        assertThat(event.get("data").get("code").asString()).isEqualTo(park);
        assertThat(event.get("orgpath").asString()).isEqualTo("450000.450800.450881." + park);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = 'defined' AND actor = 'gp-admin'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeChangeKeepsTheUnitsIdHistoryAndOldCodeAsAnAlias() {
        ApiClient nanningAdmin = as("nn-admin", "450100", "admin");
        String id = nanningAdmin.get("/api/org-units/450126").json().get("id").asString();
        String park = nanningAdmin.post("/api/org-units", Map.of("parentCode", "450126", "nameZh", "宾阳县黎塘工业园区"))
                .json().get("code").asString();
        assertThat(nanningAdmin.post("/api/org-units/450126/rename", Map.of("nameZh", "宾阳县(改)", "nameEn", "Binyang"))
                .status()).isEqualTo(200);

        ApiClient.Response changed = nanningAdmin.post("/api/org-units/450126/change-code", Map.of("newCode", "450196"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("id").asString()).isEqualTo(id);
        assertThat(changed.json().get("code").asString()).isEqualTo("450196");
        assertThat(changed.json().get("aliases").valueStream().map(JsonNode::asString).toList()).containsExactly("450126");
        JsonNode byOldCode = nanningAdmin.get("/api/org-units/450126").json();
        assertThat(byOldCode.get("id").asString()).isEqualTo(id);
        assertThat(byOldCode.get("code").asString()).isEqualTo("450196");
        assertThat(directory.find("450126")).isEmpty();
        assertThat(directory.find(park)).hasValueSatisfying(child -> {
            assertThat(child.parentCode()).isEqualTo("450196");
            assertThat(child.path()).isEqualTo("450000.450100.450196." + park);
        });
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'org-unit' AND entity_id = :id ORDER BY id")
                .param("id", id).query(String.class).list()).containsExactly("defined", "renamed", "code-changed");

        JsonNode history = as("gx-auditor", "450000", "auditor").get("/api/org-units/450196/history").json();
        assertThat(history.valueStream().map(entry -> entry.get("action").asString()).toList())
                .containsExactly("defined", "renamed", "code-changed");
        assertThat(history.get(2).get("before").get("code").asString()).isEqualTo("450126");
        assertThat(history.get(2).get("after").get("code").asString()).isEqualTo("450196");

        JsonNode event = eventOf(id, EventTypes.TARGETS_ORG_UNIT_CHANGED, "RECODED");
        assertThat(event.get("data").get("previousCode").asString()).isEqualTo("450126");
        assertThat(event.get("data").get("code").asString()).isEqualTo("450196");

        ApiClient.Response reuse = nanningAdmin.post("/api/org-units/450125/change-code", Map.of("newCode", "450126"));
        assertThat(reuse.status()).as("a former code is never given to another unit").isEqualTo(409);
    }

    @Test
    void aParkMovesWithinTheCallersScopeOnlyAndOnlyAdminsChangeTheTree() {
        ApiClient guigangAdmin = as("gg-admin", "450800", "admin");
        String park = guigangAdmin.post("/api/org-units", Map.of("parentCode", "450803", "nameZh", "港南区物流园"))
                .json().get("code").asString();

        ApiClient.Response moved = guigangAdmin.post("/api/org-units/" + park + "/move", Map.of("parentCode", "450804"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("path").asString()).isEqualTo("450000.450800.450804." + park);
        assertThat(eventOf(moved.json().get("id").asString(), EventTypes.TARGETS_ORG_UNIT_CHANGED, "MOVED")
                .get("data").get("parentCode").asString()).isEqualTo("450804");

        assertThat(guigangAdmin.post("/api/org-units/" + park + "/move", Map.of("parentCode", "450102")).status())
                .as("a parent outside the caller's scope is refused (issue 25, finding 1)").isEqualTo(403);
        assertThat(guigangAdmin.post("/api/org-units/" + park + "/move", Map.of("parentCode", "459999")).status())
                .as("an unknown parent is a bad request").isEqualTo(400);
        assertThat(as("gb-admin", "450802", "admin").post("/api/org-units", Map.of("parentCode", "450881", "nameZh", "越权园区"))
                .status()).isEqualTo(403);
        assertThat(as("gg-officer", "450800", "officer").post("/api/org-units", Map.of("parentCode", "450881", "nameZh", "无权园区"))
                .status()).isEqualTo(403);
        ApiClient.Response underPark = guigangAdmin.post("/api/org-units", Map.of("parentCode", park, "nameZh", "园中园"));
        assertThat(underPark.status()).isEqualTo(400);
        assertThat(underPark.json().get("errors").get(0).get("field").asString()).isEqualTo("parentCode");
    }

    /** Reference units in the registry, by their code now or their code in the file (another test recodes one). */
    private long registeredReferenceUnits(List<String> referenceCodes) {
        return jdbc.sql("""
                SELECT count(*) FROM org_unit_registry r
                WHERE r.code IN (:codes) OR r.id IN (SELECT unit_id FROM org_unit_alias WHERE alias_code IN (:codes))""")
                .param("codes", referenceCodes).query(Long.class).single();
    }

    private long countReferenceLoadAudits() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'org-unit' AND action = 'defined' AND actor = 'system:reference-load'")
                .query(Long.class).single();
    }

    private static List<String> codesIn(JsonNode tree) {
        List<String> codes = new ArrayList<>();
        collect(tree, codes);
        return codes;
    }

    private static void collect(JsonNode node, List<String> codes) {
        codes.add(node.get("code").asString());
        node.get("children").forEach(child -> collect(child, codes));
    }

    private static JsonNode eventOf(String unitId, String type) {
        return eventOf(unitId, type, null);
    }

    /** The unit's event of this type (and change) on the real topic, checked against its schema. */
    private static JsonNode eventOf(String unitId, String type, String change) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(PlatformServers.kafka().bootstrapServers(),
                Topics.TARGETS, record -> unitId.equals(record.key()) && record.value().contains(type)
                        && (change == null || record.value().contains("\"change\":\"" + change + "\"")),
                1, Duration.ofSeconds(30));
        assertThat(records).as("%s of %s on %s", type, unitId, Topics.TARGETS).hasSize(1);
        assertThat(EventSchemaValidator.shared().validate(records.getFirst().value())).isEmpty();
        JsonNode event = JSON.readTree(records.getFirst().value());
        assertThat(event.get("type").asString()).isEqualTo(type);
        assertThat(event.get("subject").asString()).isEqualTo(unitId);
        return event;
    }
}
