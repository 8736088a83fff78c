package cn.gov.zhaoshang.enterprise.engagement.infrastructure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.engagement.model.Engagement;
import cn.gov.zhaoshang.enterprise.engagement.model.EngagementKind;
import cn.gov.zhaoshang.enterprise.engagement.model.LeaderRole;
import cn.gov.zhaoshang.enterprise.engagement.model.Outcome;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Engagements in PostgreSQL, always read within an org scope (their recording unit's). */
@Repository
public class EngagementRepository {

    private static final String SELECT = """
            SELECT g.*, ARRAY(SELECT ee.enterprise_id FROM engagement_enterprise ee WHERE ee.engagement_id = g.id
                              ORDER BY ee.enterprise_id) AS enterprise_ids
            FROM engagement g""";
    /** The recording unit lies under the given path; binds {@code :unitPath}. */
    private static final String UNDER_UNIT = OrgScope.codeInSubtree("g.org_unit_code", "unitPath");

    private final JdbcClient jdbc;

    public EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Engagement e) {
        jdbc.sql("""
                INSERT INTO engagement (id, kind, org_unit_code, team, occurred_on, participants, leader_name, leader_role,
                                        leader_unit, destination_area, outcome, intent_amount, intent_industry,
                                        recorded_at, recorded_by)
                VALUES (:id, :kind, :orgUnit, :team, :occurredOn, :participants, :leaderName, :leaderRole,
                        :leaderUnit, :destinationArea, :outcome, :intentAmount, :intentIndustry, :recordedAt, :recordedBy)""")
                .param("id", e.id()).param("kind", e.kind().name()).param("orgUnit", e.orgUnit()).param("team", e.team())
                .param("occurredOn", e.occurredOn()).param("participants", e.participants().toArray(String[]::new))
                .param("leaderName", e.leaderName()).param("leaderRole", e.leaderRole() == null ? null : e.leaderRole().name())
                .param("leaderUnit", e.leaderUnit()).param("destinationArea", e.destinationArea())
                .param("outcome", e.outcome().name()).param("intentAmount", e.intentAmount())
                .param("intentIndustry", e.intentIndustryCode())
                .param("recordedAt", Timestamp.from(e.recordedAt())).param("recordedBy", e.recordedBy())
                .update();
        for (UUID enterpriseId : e.enterpriseIds()) {
            jdbc.sql("INSERT INTO engagement_enterprise (engagement_id, enterprise_id) VALUES (:engagement, :enterprise)")
                    .param("engagement", e.id()).param("enterprise", enterpriseId).update();
        }
    }

    public Optional<Engagement> findInScope(UUID id, OrgScope scope) {
        return jdbc.sql(SELECT + " WHERE g.id = :id AND " + UNDER_UNIT)
                .param("id", id).param("unitPath", scope.path())
                .query(EngagementRepository::toEngagement).optional();
    }

    public List<Engagement> pageInScope(OrgScope scope, int page, int size) {
        return jdbc.sql(SELECT + " WHERE " + UNDER_UNIT + " ORDER BY g.occurred_on DESC, g.id LIMIT :limit OFFSET :offset")
                .param("unitPath", scope.path()).param("limit", size).param("offset", (long) page * size)
                .query(EngagementRepository::toEngagement).list();
    }

    public long countInScope(OrgScope scope) {
        return jdbc.sql("SELECT count(*) FROM engagement g WHERE " + UNDER_UNIT)
                .param("unitPath", scope.path()).query(Long.class).single();
    }

    public boolean destinationAreaExists(String code) {
        return jdbc.sql("SELECT count(*) FROM destination_area WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    /** Distinct enterprises at each step of a funnel. */
    public record FunnelCounts(long docked, long visited, long visitedAfterDocking, long withIntent) {
    }

    /**
     * The funnel of the engagements recorded under {@code unitPath}, optionally of one team, between
     * two dates (inclusive). Each enterprise counts once per step, however often it was met.
     */
    public FunnelCounts funnel(String unitPath, String team, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                WITH engaged AS (
                    SELECT g.kind, g.outcome, ee.enterprise_id
                    FROM engagement g JOIN engagement_enterprise ee ON ee.engagement_id = g.id
                    WHERE """ + " " + UNDER_UNIT + """
                      AND (CAST(:team AS text) IS NULL OR g.team = :team)
                      AND g.occurred_on BETWEEN :from AND :to)
                SELECT (SELECT count(DISTINCT enterprise_id) FROM engaged WHERE kind = 'DOCKING') AS docked,
                       (SELECT count(DISTINCT enterprise_id) FROM engaged WHERE kind = 'VISIT') AS visited,
                       (SELECT count(DISTINCT v.enterprise_id) FROM engaged v
                         WHERE v.kind = 'VISIT'
                           AND EXISTS (SELECT 1 FROM engaged d WHERE d.kind = 'DOCKING' AND d.enterprise_id = v.enterprise_id))
                           AS visited_after_docking,
                       (SELECT count(DISTINCT enterprise_id) FROM engaged WHERE outcome = 'INTENT') AS with_intent""")
                .param("unitPath", unitPath).param("team", team).param("from", from).param("to", to)
                .query((rs, row) -> new FunnelCounts(rs.getLong("docked"), rs.getLong("visited"),
                        rs.getLong("visited_after_docking"), rs.getLong("with_intent")))
                .single();
    }

    /** Trips of one leader (name, role, unit) to key areas in a period. */
    public record LeaderTrips(String leaderName, LeaderRole role, String leaderUnit, long keyAreaTrips) {
    }

    /** Leader-led trips of the leaders of units under {@code unitPath}, counting only trips to key areas. */
    public List<LeaderTrips> leaderTrips(String unitPath, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT g.leader_name, g.leader_role, g.leader_unit,
                       count(*) FILTER (WHERE area.key_area) AS key_area_trips
                FROM engagement g JOIN destination_area area ON area.code = g.destination_area
                WHERE g.kind = 'LEADER_TRIP'
                  AND\s""" + OrgScope.codeInSubtree("g.leader_unit", "unitPath") + """

                  AND g.occurred_on BETWEEN :from AND :to
                GROUP BY g.leader_name, g.leader_role, g.leader_unit
                ORDER BY g.leader_unit, g.leader_role DESC, g.leader_name""")
                .param("unitPath", unitPath).param("from", from).param("to", to)
                .query((rs, row) -> new LeaderTrips(rs.getString("leader_name"), LeaderRole.valueOf(rs.getString("leader_role")),
                        rs.getString("leader_unit"), rs.getLong("key_area_trips")))
                .list();
    }

    private static Engagement toEngagement(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("leader_role");
        return new Engagement(rs.getObject("id", UUID.class), EngagementKind.valueOf(rs.getString("kind")),
                rs.getString("org_unit_code"), rs.getString("team"), rs.getObject("occurred_on", LocalDate.class),
                uuids(rs.getArray("enterprise_ids")), strings(rs.getArray("participants")), rs.getString("leader_name"),
                role == null ? null : LeaderRole.valueOf(role), rs.getString("leader_unit"), rs.getString("destination_area"),
                Outcome.valueOf(rs.getString("outcome")), rs.getBigDecimal("intent_amount"), rs.getString("intent_industry"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
