package cn.gov.zhaoshang.reporting.projects;

import cn.gov.zhaoshang.reporting.projects.infrastructure.Aggregates;
import static cn.gov.zhaoshang.reporting.support.Events.amended;
import static cn.gov.zhaoshang.reporting.support.Events.fundsCorrected;
import static cn.gov.zhaoshang.reporting.support.Events.fundsReported;
import static cn.gov.zhaoshang.reporting.support.Events.registered;
import static cn.gov.zhaoshang.reporting.support.Events.stageChanged;
import static cn.gov.zhaoshang.reporting.support.Events.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelProjector;
import cn.gov.zhaoshang.reporting.support.Events;
import cn.gov.zhaoshang.reporting.support.Events.ProjectSpec;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aggregates add up a transaction's changes per row and write them before it commits
 * ({@link Aggregates}): a poll's events applied in one transaction, as the read-model listener
 * applies them, must give every aggregate row exactly what one transaction per event gave.
 * The events go straight to the projector, so that the one transaction is certain (a poll's
 * composition is the broker's); the rows are removed afterwards, as they are on no topic that the
 * rebuild and reconcile of other tests read. The units (贵港's twin: 桂平 and 港北) are generated for
 * this class alone ({@link GeneratedOrgUnits}).
 */
@PlatformIntegrationTest
class AggregatesPerTransactionIT {

    private static final GeneratedOrgUnits UNITS = GeneratedOrgUnits.newTree().cityLike("450800").build();
    private static final String ONE_BY_ONE = UNITS.twinOf("450881").code();
    private static final String IN_ONE_TRANSACTION = UNITS.twinOf("450802").code();
    private static final LocalDate FROM = LocalDate.of(2097, 1, 1);
    private static final UUID TEAM = UUID.nameUUIDFromBytes("aggregates-per-transaction-team".getBytes());

    /** Each aggregate table and its month column, for the rows of year 2097 that these tests write. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("unit_month_intake", "month");
        TABLES.put("unit_month_signing", "month");
        TABLES.put("team_month_signing", "month");
        TABLES.put("unit_stage_reached", "signing_month");
        TABLES.put("unit_month_funds", "month");
        TABLES.put("unit_month_funds_in_place", "month");
        TABLES.put("unit_signed_funds_to_date", "to_month");
    }

    @Autowired
    ReadModelProjector projector;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventJson json;

    @Autowired
    Aggregates aggregates;

    @Autowired
    OrgUnitDirectory directory;

    private final List<UUID> projects = new ArrayList<>();
    private final List<String> eventIds = new ArrayList<>();

    @BeforeEach
    void knowTheUnits() {
        UNITS.makeKnownTo("reporting-service");
    }

    @AfterEach
    void removeWhatTheseTestsWrote() {
        jdbc.sql("DELETE FROM project_funds WHERE project_id IN (:ids)").param("ids", projects).update();
        jdbc.sql("DELETE FROM project_fact WHERE project_id IN (:ids)").param("ids", projects).update();
        jdbc.sql("DELETE FROM processed_event WHERE event_id IN (:ids)").param("ids", eventIds).update();
        TABLES.forEach((table, month) -> jdbc.sql("DELETE FROM " + table + " WHERE org_unit_code IN (:units) AND " + month + " >= :from")
                .param("units", List.of(ONE_BY_ONE, IN_ONE_TRANSACTION)).param("from", FROM).update());
    }

    @Test
    void aPollsEventsInOneTransactionGiveEveryAggregateRowWhatOneTransactionPerEventGave() {
        List<EventEnvelope> oneByOne = events(ONE_BY_ONE);
        List<EventEnvelope> inOneTransaction = events(IN_ONE_TRANSACTION);

        oneByOne.forEach(projector::apply);
        transactions.executeWithoutResult(status -> inOneTransaction.forEach(projector::apply));

        for (String table : TABLES.keySet()) {
            assertThat(rows(table, IN_ONE_TRANSACTION)).as(table).isEqualTo(rows(table, ONE_BY_ONE));
        }
        // and they hold what the events say: 3 signed (the fourth was terminated), the amendment and its
        // rounding, the team's project, both stages reached, the corrected funds
        Map<String, Object> signing = jdbc.sql("""
                SELECT signed_count, contract_investment, manufacturing_count, resident_team_count, over_1b, fortune_global_500
                FROM unit_month_signing WHERE org_unit_code = :unit AND month = DATE '2097-03-01'""")
                .param("unit", IN_ONE_TRANSACTION).query().singleRow();
        assertThat(signing).containsEntry("signed_count", 3L).containsEntry("manufacturing_count", 1L)
                .containsEntry("resident_team_count", 1L).containsEntry("over_1b", 1L).containsEntry("fortune_global_500", 1L);
        assertThat(signing.get("contract_investment").toString()).isEqualTo("1800005000.12");
        assertThat(count("unit_month_intake", "project_count", IN_ONE_TRANSACTION)).isEqualTo("3");
        assertThat(count("team_month_signing", "contract_investment", IN_ONE_TRANSACTION)).isEqualTo("5000.12");
        assertThat(count("unit_stage_reached", "project_count", IN_ONE_TRANSACTION)).isEqualTo("2");
        assertThat(count("unit_month_funds", "amount", IN_ONE_TRANSACTION)).isEqualTo("250.10");
    }

    /**
     * A recoded unit's rows move to its new code in the same transaction (LocalOrgUnits): what the
     * events before it in that transaction added must be written under the old code first and move
     * with the rest, not land under the old code at the commit; and an event after it that still
     * names the old code lands under the new one, although the old code was resolved earlier in the
     * transaction. Rolled back, as the recode moves every row of the unit.
     */
    @Test
    void aRecodeInTheSameTransactionMovesTheChangesOfTheEventsBeforeItAndRedirectsThoseAfterIt() {
        String recoded = ONE_BY_ONE.substring(0, 4) + "81"; // a code of the tree's numbering that no unit has
        EventEnvelope before = registration(ONE_BY_ONE);
        EventEnvelope recode = envelope(Events.event(EventTypes.TARGETS_ORG_UNIT_CHANGED, UUID.randomUUID().toString(),
                Events.orgpath(ONE_BY_ONE), orgUnitRecoded(ONE_BY_ONE, recoded)));
        EventEnvelope after = registration(ONE_BY_ONE);

        transactions.executeWithoutResult(status -> {
            projector.apply(before);
            projector.apply(recode);
            // the shared org-unit listener moves the unit in the tree (in its own transaction, at any time)
            directory.changeCode(ONE_BY_ONE, recoded);
            projector.apply(after);
            // what the commit would write of them
            aggregates.writePending();
            assertThat(intake(ONE_BY_ONE)).isNull();
            assertThat(intake(recoded)).isEqualTo(2L);
            status.setRollbackOnly();
        });
    }

    private EventEnvelope registration(String unit) {
        UUID project = UUID.randomUUID();
        projects.add(project);
        return envelope(registered(new ProjectSpec(project, unit, "SIGNED", "1000.00", LocalDate.of(2097, 6, 10), false, true,
                List.of(), null, null, null, LocalDate.of(2097, 6, 10))));
    }

    private Long intake(String unit) {
        return jdbc.sql("SELECT project_count FROM unit_month_intake WHERE org_unit_code = :unit AND month = DATE '2097-06-01'")
                .param("unit", unit).query(Long.class).optional().orElse(null);
    }

    private static Map<String, Object> orgUnitRecoded(String from, String to) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", UUID.randomUUID().toString());
        data.put("code", to);
        data.put("previousCode", from);
        data.put("aliases", List.of(from));
        data.put("parentCode", from.substring(0, 4) + "00");
        data.put("level", "COUNTY");
        data.put("nameZh", "测试县");
        data.put("nameEn", "Test County");
        String path = Events.orgpath(from);
        data.put("path", path.substring(0, path.lastIndexOf('.') + 1) + to);
        data.put("change", "RECODED");
        return data;
    }

    /**
     * Four projects signed in March 2097, one terminated, one amended, one landed and started, one
     * with funds reported and corrected, one registration delivered twice: every aggregate table
     * gets rows, several events land on the same row, and amounts carry a third decimal to round.
     */
    private List<EventEnvelope> events(String unit) {
        UUID big = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        UUID staged = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        projects.addAll(List.of(big, team, staged, ended));
        LocalDate march = LocalDate.of(2097, 3, 10);
        EventEnvelope bigRegistered = envelope(registered(new ProjectSpec(big, unit, "SIGNED", "1500000000.00", march, true, true,
                List.of("FORTUNE_GLOBAL_500"), null, null, null, march)));
        return List.of(
                bigRegistered,
                envelope(registered(new ProjectSpec(team, unit, "SIGNED", "2345.675", march.plusDays(2), false, true, List.of(),
                        "RESIDENT_TEAM", TEAM, null, march.plusDays(2)))),
                envelope(registered(new ProjectSpec(staged, unit, "SIGNED", "300000000.00", march.plusDays(5), false, true,
                        List.of(), null, null, null, march.plusDays(5)))),
                envelope(registered(new ProjectSpec(ended, unit, "SIGNED", "1000.00", march.plusDays(6), false, true, List.of(),
                        null, null, null, march.plusDays(6)))),
                bigRegistered,
                envelope(amended(team, unit, 2, "2345.68", "5000.12", false, march.plusDays(20))),
                envelope(stageChanged(staged, unit, "SIGNED", "LANDED", LocalDate.of(2097, 4, 2), null, null, null, null)),
                envelope(stageChanged(staged, unit, "LANDED", "STARTED", LocalDate.of(2097, 5, 3), null, null, null, null)),
                envelope(terminated(ended, unit, "SIGNED", march.plusDays(25))),
                envelope(fundsReported(big, unit, "2097-04", "100.005")),
                envelope(fundsCorrected(big, unit, "2097-04", 2, "250.10", "100.01")));
    }

    private EventEnvelope envelope(Events.Event event) {
        EventEnvelope envelope = json.read(event.json());
        eventIds.add(envelope.id());
        return envelope;
    }

    /** A unit's rows of a table from 2097 on, every column but the unit's code, in a stable order. */
    private List<String> rows(String table, String unit) {
        return jdbc.sql("SELECT (to_jsonb(t) - 'org_unit_code')::text FROM " + table + " t WHERE org_unit_code = :unit AND "
                        + TABLES.get(table) + " >= :from ORDER BY 1")
                .param("unit", unit).param("from", FROM).query(String.class).list();
    }

    private String count(String table, String column, String unit) {
        return jdbc.sql("SELECT sum(" + column + ")::text FROM " + table + " WHERE org_unit_code = :unit AND "
                        + TABLES.get(table) + " >= :from")
                .param("unit", unit).param("from", FROM).query(String.class).single();
    }
}
