package cn.gov.zhaoshang.project.library.infrastructure;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.RecordedMove;
import cn.gov.zhaoshang.project.library.model.RecordedMove.StoredEvidence;
import cn.gov.zhaoshang.project.library.model.RecordedMove.StoredFileInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stage history of projects, registration included, with the evidence of each move. */
@Repository
public class StageMoveRepository {

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
        Map<UUID, List<StoredEvidence>> evidenceByMove = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.id, e.move_id, e.document_type, e.document_number, e.document_date,
                       f.content_type, f.file_name, f.size_bytes, f.sha256
                FROM project_evidence e LEFT JOIN project_evidence_file f ON f.evidence_id = e.id
                WHERE e.project_id = :projectId ORDER BY e.document_date, e.document_number""")
                .param("projectId", projectId)
                .query(rs -> {
                    Evidence document = new Evidence(EvidenceType.valueOf(rs.getString("document_type")),
                            rs.getString("document_number"), rs.getObject("document_date", LocalDate.class));
                    StoredFileInfo file = rs.getString("sha256") == null ? null : new StoredFileInfo(rs.getString("content_type"),
                            rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256"));
                    evidenceByMove.computeIfAbsent(rs.getObject("move_id", UUID.class), key -> new ArrayList<>())
                            .add(new StoredEvidence(rs.getObject("id", UUID.class), document, file));
                });
        return jdbc.sql("""
                SELECT id, from_stage, to_stage, moved_on, moved_at, moved_by, reason FROM project_stage_move
                WHERE project_id = :projectId ORDER BY seq""")
                .param("projectId", projectId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String from = rs.getString("from_stage");
                    List<StoredEvidence> documents = List.copyOf(evidenceByMove.getOrDefault(id, List.of()));
                    return new RecordedMove(id, from == null ? null : ProjectStage.valueOf(from),
                            ProjectStage.valueOf(rs.getString("to_stage")), rs.getObject("moved_on", LocalDate.class),
                            rs.getTimestamp("moved_at").toInstant(), rs.getString("moved_by"), rs.getString("reason"),
                            documents.stream().map(StoredEvidence::document).toList(), documents);
                })
                .list();
    }
}
