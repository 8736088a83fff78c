package cn.gov.zhaoshang.project.library.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stage history of projects, registration included, with the evidence of each move. */
@Repository
public class StageMoveRepository {

    /** One recorded move; {@code from} is {@code null} for the registration. */
    public record RecordedMove(UUID id, ProjectStage from, ProjectStage to, LocalDate movedOn, Instant movedAt,
            String movedBy, String reason, List<Evidence> evidence) {
    }

    private final JdbcClient jdbc;

    public StageMoveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID projectId, RecordedMove move) {
        jdbc.sql("""
                INSERT INTO project_stage_move (id, project_id, from_stage, to_stage, moved_on, moved_at, moved_by, reason)
                VALUES (:id, :projectId, :from, :to, :movedOn, :movedAt, :movedBy, :reason)""")
                .param("id", move.id())
                .param("projectId", projectId)
                .param("from", move.from() == null ? null : move.from().name())
                .param("to", move.to().name())
                .param("movedOn", move.movedOn())
                .param("movedAt", Timestamp.from(move.movedAt()))
                .param("movedBy", move.movedBy())
                .param("reason", move.reason())
                .update();
        for (Evidence document : move.evidence()) {
            jdbc.sql("""
                    INSERT INTO project_evidence (id, project_id, move_id, document_type, document_number, document_date)
                    VALUES (:id, :projectId, :moveId, :type, :number, :date)""")
                    .param("id", UUID.randomUUID())
                    .param("projectId", projectId)
                    .param("moveId", move.id())
                    .param("type", document.type().name())
                    .param("number", document.number())
                    .param("date", document.date())
                    .update();
        }
    }

    /** The moves of a project, oldest first. The caller has already checked the project is in scope. */
    public List<RecordedMove> historyOf(UUID projectId) {
        Map<UUID, List<Evidence>> evidenceByMove = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT move_id, document_type, document_number, document_date FROM project_evidence
                WHERE project_id = :projectId ORDER BY document_date, document_number""")
                .param("projectId", projectId)
                .query(rs -> {
                    evidenceByMove.computeIfAbsent(rs.getObject("move_id", UUID.class), key -> new ArrayList<>())
                            .add(new Evidence(EvidenceType.valueOf(rs.getString("document_type")),
                                    rs.getString("document_number"), rs.getObject("document_date", LocalDate.class)));
                });
        return jdbc.sql("""
                SELECT id, from_stage, to_stage, moved_on, moved_at, moved_by, reason FROM project_stage_move
                WHERE project_id = :projectId ORDER BY seq""")
                .param("projectId", projectId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String from = rs.getString("from_stage");
                    return new RecordedMove(id, from == null ? null : ProjectStage.valueOf(from),
                            ProjectStage.valueOf(rs.getString("to_stage")), rs.getObject("moved_on", LocalDate.class),
                            rs.getTimestamp("moved_at").toInstant(), rs.getString("moved_by"), rs.getString("reason"),
                            List.copyOf(evidenceByMove.getOrDefault(id, List.of())));
                })
                .list();
    }
}
