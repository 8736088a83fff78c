package cn.gov.zhaoshang.targets.teams.infrastructure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.targets.teams.model.ResidentTeam;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resident teams in PostgreSQL; every read is limited to a caller's scope through the owning unit's path. */
@Repository
public class ResidentTeamRepository {

    /** The orders a list of teams can be sorted by. */
    public static final SortOrders SORT_ORDERS = SortOrders.of(
            "name,asc", "t.name ASC",
            "name,desc", "t.name DESC",
            "activeFrom,desc", "t.active_from DESC",
            "activeFrom,asc", "t.active_from ASC",
            "memberCount,desc", "t.member_count DESC",
            "memberCount,asc", "t.member_count ASC");


    private static final String SELECT = """
            SELECT t.id, t.owning_unit_id, r.code AS unit_code, t.lead_department, t.name, t.key_area_code,
                   t.member_count, t.active_from, t.active_until, t.closed, t.version
            FROM resident_team t JOIN org_unit_registry r ON r.id = t.owning_unit_id
            """;
    private static final String IN_SCOPE = """
             t.owning_unit_id IN (SELECT ur.id FROM org_unit_registry ur JOIN org_unit o ON o.code = ur.code
                                  WHERE\s""" + OrgScope.pathInSubtree("o.path", OrgScope.CALLER_PATH) + ")";

    private final JdbcClient jdbc;

    public ResidentTeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ResidentTeam team, Instant at) {
        jdbc.sql("""
                INSERT INTO resident_team (id, owning_unit_id, lead_department, name, key_area_code, member_count,
                                           active_from, active_until, closed, created_at, version)
                VALUES (:id, :unit, :dept, :name, :area, :members, :from, :until, false, :at, 0)""")
                .param("id", team.id()).param("unit", team.unitId()).param("dept", team.leadDepartment())
                .param("name", team.name()).param("area", team.keyArea()).param("members", team.memberCount())
                .param("from", team.activeFrom()).param("until", team.activeUntil()).param("at", Timestamp.from(at))
                .update();
    }

    /** Writes the team's fields if nobody changed it since {@code team.version()} was read. */
    public void update(ResidentTeam team) {
        int updated = jdbc.sql("""
                UPDATE resident_team SET name = :name, key_area_code = :area, member_count = :members,
                       active_from = :from, active_until = :until, closed = :closed, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", team.id()).param("name", team.name()).param("area", team.keyArea())
                .param("members", team.memberCount()).param("from", team.activeFrom()).param("until", team.activeUntil())
                .param("closed", team.closed()).param("version", team.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("resident team " + team.id() + " changed concurrently");
        }
    }

    public void setTarget(UUID teamId, int year, BigDecimal amount) {
        jdbc.sql("""
                INSERT INTO resident_team_target (team_id, year, contract_target) VALUES (:team, :year, :amount)
                ON CONFLICT (team_id, year) DO UPDATE SET contract_target = EXCLUDED.contract_target""")
                .param("team", teamId).param("year", year).param("amount", amount).update();
    }

    public Optional<ResidentTeam> findInScope(UUID id, OrgScope scope) {
        return jdbc.sql(SELECT + " WHERE t.id = :id AND " + IN_SCOPE)
                .param("id", id).param("callerPath", scope.path())
                .query(this::toTeam).optional();
    }

    public List<ResidentTeam> pageInScope(OrgScope scope, SortOrders.Order sort, int page, int size) {
        return jdbc.sql(SELECT + " WHERE " + IN_SCOPE + " ORDER BY " + sort.orderBy() + ", t.id LIMIT :limit OFFSET :offset")
                .param("callerPath", scope.path()).param("limit", size).param("offset", (long) page * size)
                .query(this::toTeam).list();
    }

    public long countInScope(OrgScope scope) {
        return jdbc.sql("SELECT count(*) FROM resident_team t WHERE " + IN_SCOPE)
                .param("callerPath", scope.path()).query(Long.class).single();
    }

    /** Whether a key area of the reference list is open for new stations. */
    public boolean isActiveKeyArea(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM key_area WHERE code = :code AND active)")
                .param("code", code).query(Boolean.class).single();
    }

    /** The key areas of the reference list: code → {nameZh, nameEn, active}. */
    public List<Map<String, Object>> keyAreas() {
        return jdbc.sql("SELECT code, name_zh, name_en, active FROM key_area ORDER BY code").query().listOfRows();
    }

    private ResidentTeam toTeam(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Map<Integer, BigDecimal> targets = new TreeMap<>();
        jdbc.sql("SELECT year, contract_target FROM resident_team_target WHERE team_id = :id")
                .param("id", id)
                .query((trs, n) -> targets.put(trs.getInt("year"), trs.getBigDecimal("contract_target")))
                .list();
        return new ResidentTeam(id, rs.getObject("owning_unit_id", UUID.class), rs.getString("unit_code"),
                rs.getString("lead_department"), rs.getString("name"), rs.getString("key_area_code"),
                rs.getInt("member_count"), rs.getObject("active_from", LocalDate.class),
                rs.getObject("active_until", LocalDate.class), rs.getBoolean("closed"), targets, rs.getLong("version"));
    }
}
