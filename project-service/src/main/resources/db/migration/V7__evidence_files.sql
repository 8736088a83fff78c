-- Evidence files: one optional file of up to 20 MiB per document of a move or registration, kept in
-- this database as a large object (streamed in and out, never held whole in memory), with its
-- content type and SHA-256. A file, once uploaded, is part of the proof and is not replaced.
CREATE TABLE project_evidence_file (
    evidence_id  uuid         PRIMARY KEY REFERENCES project_evidence (id),
    project_id   uuid         NOT NULL REFERENCES project (id),
    content      oid          NOT NULL,
    content_type varchar(255) NOT NULL,
    file_name    varchar(255),
    size_bytes   bigint       NOT NULL CHECK (size_bytes BETWEEN 0 AND 20971520),
    sha256       char(64)     NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    uploaded_by  varchar(255) NOT NULL
);
CREATE INDEX project_evidence_file_project ON project_evidence_file (project_id);
