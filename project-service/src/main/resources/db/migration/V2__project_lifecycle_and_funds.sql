-- The lifecycle: a project remembers its start date and, while SUSPENDED, the stage it interrupted
-- (the only stage it may go back to). Every move, registration included, is a row of
-- project_stage_move with its evidence, so the history is read, never reconstructed.
ALTER TABLE project ADD COLUMN start_date date;
ALTER TABLE project ADD COLUMN interrupted_stage varchar(16);
ALTER TABLE project ADD CONSTRAINT project_interrupted_only_when_suspended
    CHECK ((stage = 'SUSPENDED') = (interrupted_stage IS NOT NULL));

CREATE TABLE project_stage_move (
    id          uuid PRIMARY KEY,
    project_id  uuid         NOT NULL REFERENCES project (id),
    -- NULL for the registration, which enters the project at its initial stage
    from_stage  varchar(16),
    to_stage    varchar(16)  NOT NULL,
    moved_on    date         NOT NULL,
    moved_at    timestamptz  NOT NULL,
    moved_by    varchar(255) NOT NULL,
    reason      text,
    -- the order moves were made in, even within one clock tick
    seq         bigint       GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX project_stage_move_project ON project_stage_move (project_id, seq);

CREATE TABLE project_evidence (
    id              uuid PRIMARY KEY,
    project_id      uuid         NOT NULL REFERENCES project (id),
    move_id         uuid         NOT NULL REFERENCES project_stage_move (id),
    document_type   varchar(32)  NOT NULL,
    document_number varchar(100) NOT NULL,
    document_date   date         NOT NULL
);
CREATE INDEX project_evidence_move ON project_evidence (move_id);

-- Funds in place (到位资金): one row per project, month and version. A correction inserts the next
-- version; nothing is updated or deleted, so the history is complete. A month counts its latest version.
CREATE TABLE project_funds (
    project_id      uuid           NOT NULL REFERENCES project (id),
    month           date           NOT NULL CHECK (extract(day FROM month) = 1),
    version         int            NOT NULL CHECK (version >= 1),
    amount          numeric(18, 2) NOT NULL CHECK (amount >= 0),
    evidence_type   varchar(32)    NOT NULL,
    evidence_number varchar(100)   NOT NULL,
    evidence_date   date           NOT NULL,
    reason          text,
    reported_at     timestamptz    NOT NULL,
    reported_by     varchar(255)   NOT NULL,
    PRIMARY KEY (project_id, month, version),
    CHECK (version = 1 OR reason IS NOT NULL)
);
CREATE INDEX project_funds_month ON project_funds (month);
