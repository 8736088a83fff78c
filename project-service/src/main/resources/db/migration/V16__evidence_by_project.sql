-- The monthly list's export writes each project's document numbers (agreement, landing document,
-- construction permit): found by project and kind, not by reading every document of the library.
CREATE INDEX project_evidence_project_type ON project_evidence (project_id, document_type);
