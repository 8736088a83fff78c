package cn.gov.zhaoshang.targets.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions.Division;
import cn.gov.zhaoshang.targets.TargetsServiceApplication;
import cn.gov.zhaoshang.targets.orgunits.application.OrgTreeLoader;
import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.KafkaNode;
import cn.gov.zhaoshang.testsupport.PlatformServers;
import cn.gov.zhaoshang.testsupport.TestUser;
import cn.gov.zhaoshang.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An installation that loaded the earlier reference file (42 units: the region, the 14 cities, the
 * counties of Nanning, Liuzhou and Guigang) gets the 84 other county-level units of the current
 * file on its next start, each once, through the owner's own path: registry row, audit row and an
 * {@code org-unit-defined} event on the real topic, which is what every other service's local copy
 * follows. Units an admin re-coded in between keep their new codes: 宾阳县 is not entered again as
 * 450126, and the counties of 桂林, whose code an admin changed too, hang under its new code.
 *
 * <p>The installation has a database and a Kafka broker of its own, so that its topic holds
 * exactly its own events; it is started twice, as targets-service, the first time with the earlier
 * file in place of the current one.
 */
class ReferenceDivisionsUpgradeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = "targets_reference_upgrade";
    private static final String EARLIER_FILE = "org-units/guangxi-admin-divisions-42-units.csv";
    private static final String SOURCE = "/zhaoshang/targets-service";

    /** The earlier edition of the reference file, in place of the current one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EarlierReferenceFile {

        @Bean
        @Primary
        ReferenceDivisions earlierReferenceDivisions() {
            return ReferenceDivisions.of(EARLIER_FILE);
        }
    }

    @Test
    void anInstallationWithTheEarlier42UnitsGetsTheOther84OnceWithEventsAndAuditRowsAndKeepsItsRecodedUnits() {
        Map<String, Division> earlier = byCode(ReferenceDivisions.of(EARLIER_FILE).parentsFirst());
        Map<String, Division> current = byCode(new ReferenceDivisions().parentsFirst());
        assertThat(earlier).hasSize(42);
        assertThat(current).hasSize(126).containsAllEntriesOf(earlier);
        Set<String> added = new HashSet<>(current.keySet());
        added.removeAll(earlier.keySet());
        assertThat(added).hasSize(84);

        try (KafkaNode kafka = KafkaNode.start()) {
            // the installation as it stood: the earlier file loaded, then two units re-coded by an admin
            try (ConfigurableApplicationContext before = start(kafka, EarlierReferenceFile.class)) {
                JdbcClient jdbc = before.getBean(JdbcClient.class);
                assertThat(registeredCodes(jdbc)).containsExactlyInAnyOrderElementsOf(earlier.keySet());
                ApiClient admin = api(before).as(TestUser.GX_ADMIN);
                ApiClient.Response binyang = admin.post("/api/org-units/450126/change-code", Map.of("newCode", "450196"));
                assertThat(binyang.status()).as(binyang.toString()).isEqualTo(200);
                ApiClient.Response guilin = admin.post("/api/org-units/450300/change-code", Map.of("newCode", "450398"));
                assertThat(guilin.status()).as(guilin.toString()).isEqualTo(200);
                awaitOutboxSent(jdbc);
            }
            List<ConsumerRecord<String, String>> recordsBefore = orgUnitEvents(kafka);
            assertThat(recordsBefore).as("42 units defined and two re-coded").hasSize(44);
            Set<String> offsetsBefore = recordsBefore.stream().map(ReferenceDivisionsUpgradeIT::offsetOf).collect(Collectors.toSet());
            Instant restarted = Instant.now();

            try (ConfigurableApplicationContext after = start(kafka)) {
                JdbcClient jdbc = after.getBean(JdbcClient.class);
                awaitOutboxSent(jdbc);

                Set<String> expectedCodes = new HashSet<>(current.keySet());
                expectedCodes.removeAll(Set.of("450126", "450300"));
                expectedCodes.addAll(Set.of("450196", "450398"));
                assertThat(registeredCodes(jdbc)).containsExactlyInAnyOrderElementsOf(expectedCodes);
                OrgUnitDirectory directory = after.getBean(OrgUnitDirectory.class);
                assertThat(directory.find("450126")).as("宾阳县 is not entered again under its former code").isEmpty();
                assertThat(directory.find("450300")).isEmpty();
                assertThat(directory.find("450302")).as("秀峰区 of 桂林 hangs under 桂林's new code")
                        .hasValueSatisfying(xiufeng -> {
                            assertThat(xiufeng.parentCode()).isEqualTo("450398");
                            assertThat(xiufeng.path()).isEqualTo("450000.450398.450302");
                        });
                JsonNode binyang = api(after).withToken(PlatformServers.identityProvider().tokenFor("nn-viewer", "450100", "viewer"))
                        .get("/api/org-units/450126").json();
                assertThat(binyang.get("code").asString()).isEqualTo("450196");
                assertThat(binyang.get("id").asString()).isEqualTo(OrgTreeLoader.idOfReferenceUnit("450126").toString());

                // one audit row per unit: the earlier units' from the first start, the new units' from this one
                List<Map.Entry<String, Long>> referenceAudits = jdbc.sql("""
                        SELECT entity_id, count(*) AS n FROM audit_log
                        WHERE entity_type = 'org-unit' AND action = 'defined' AND actor = 'system:reference-load'
                        GROUP BY entity_id""").query((rs, row) -> Map.entry(rs.getString("entity_id"), rs.getLong("n"))).list();
                assertThat(referenceAudits).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(idsOf(current.keySet()));
                assertThat(referenceAudits).extracting(Map.Entry::getValue).containsOnly(1L);
                assertThat(jdbc.sql("""
                        SELECT entity_id FROM audit_log WHERE actor = 'system:reference-load' AND occurred_at >= :restarted""")
                        .param("restarted", Timestamp.from(restarted)).query(String.class).list())
                        .containsExactlyInAnyOrderElementsOf(idsOf(added));

                // on the topic: one org-unit-defined per unit, the 84 new ones after the first 44 records
                List<ConsumerRecord<String, String>> records = orgUnitEvents(kafka);
                assertThat(records).hasSize(44 + 84);
                List<ConsumerRecord<String, String>> newRecords = records.stream()
                        .filter(record -> !offsetsBefore.contains(offsetOf(record))).toList();
                assertThat(newRecords).hasSize(84);
                assertThat(newRecords.stream().map(ConsumerRecord::key).toList())
                        .containsExactlyInAnyOrderElementsOf(idsOf(added));
                Set<String> parentsSeen = new HashSet<>();
                for (ConsumerRecord<String, String> record : newRecords) {
                    assertThat(EventSchemaValidator.shared().validate(record.value())).as(record.value()).isEmpty();
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode data = event.get("data");
                    Division division = current.get(data.get("code").asString());
                    assertThat(event.get("type").asString()).isEqualTo(EventTypes.TARGETS_ORG_UNIT_DEFINED);
                    assertThat(event.get("source").asString()).isEqualTo(SOURCE);
                    assertThat(event.get("subject").asString()).isEqualTo(record.key())
                            .isEqualTo(OrgTreeLoader.idOfReferenceUnit(division.code()).toString());
                    assertThat(data.get("change").asString()).isEqualTo("DEFINED");
                    assertThat(data.get("level").asString()).isEqualTo("COUNTY");
                    assertThat(data.get("nameZh").asString()).isEqualTo(division.nameZh());
                    String parent = division.parentCode().equals("450300") ? "450398" : division.parentCode();
                    assertThat(data.get("parentCode").asString()).isEqualTo(parent);
                    assertThat(data.get("path").asString()).isEqualTo("450000." + parent + "." + division.code());
                    assertThat(event.get("orgpath").asString()).isEqualTo(data.get("path").asString());
                    parentsSeen.add(parent);
                }
                assertThat(parentsSeen).as("the cities that had no county-level units before")
                        .containsExactlyInAnyOrder("450398", "450400", "450500", "450600", "450700", "450900", "451000",
                                "451100", "451200", "451300", "451400");

                // a further start adds nothing
                long outboxRecords = jdbc.sql("SELECT count(*) FROM outbox_record").query(Long.class).single();
                assertThat(after.getBean(OrgTreeLoader.class).load()).isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM outbox_record").query(Long.class).single()).isEqualTo(outboxRecords);
                assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'system:reference-load'")
                        .query(Long.class).single()).isEqualTo(126);
            }
        }
    }

    private static ConfigurableApplicationContext start(KafkaNode kafka, Class<?>... extraSources) {
        List<String> arguments = new ArrayList<>();
        // command-line arguments: they outrank the system properties other test classes of this JVM set
        PlatformServers.serviceProperties(DATABASE, kafka.bootstrapServers())
                .forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=0");
        List<Class<?>> sources = new ArrayList<>(List.of(TargetsServiceApplication.class));
        sources.addAll(List.of(extraSources));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(arguments.toArray(String[]::new));
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return ApiClient.at("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static void awaitOutboxSent(JdbcClient jdbc) {
        await("the outbox sent every record").atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.sql("SELECT count(*) FROM outbox_record WHERE completed_at IS NULL").query(Long.class).single() == 0);
    }

    private static List<String> registeredCodes(JdbcClient jdbc) {
        return jdbc.sql("SELECT code FROM org_unit_registry").query(String.class).list();
    }

    /** The org-unit events on the installation's topic (which also carries, e.g., the first metric definitions). */
    private static List<ConsumerRecord<String, String>> orgUnitEvents(KafkaNode kafka) {
        return TopicReader.readAll(kafka.bootstrapServers(), Topics.TARGETS, Duration.ofSeconds(30)).stream()
                .filter(record -> {
                    String type = JSON.readTree(record.value()).get("type").asString();
                    return type.equals(EventTypes.TARGETS_ORG_UNIT_DEFINED) || type.equals(EventTypes.TARGETS_ORG_UNIT_CHANGED);
                }).toList();
    }

    private static String offsetOf(ConsumerRecord<String, String> record) {
        return record.partition() + "@" + record.offset();
    }

    private static Map<String, Division> byCode(List<Division> divisions) {
        return divisions.stream().collect(Collectors.toMap(Division::code, Function.identity()));
    }

    private static List<String> idsOf(Set<String> codes) {
        return codes.stream().map(code -> OrgTreeLoader.idOfReferenceUnit(code).toString()).toList();
    }

}
