-- Project warnings (项目预警). A warning is raised once when its condition starts to hold and cleared
-- once when it stops; the rows are kept after clearing, so the history is read, never recomputed.
-- At most one open warning of each kind per project: a second evaluation running at the same time
-- (another replica) cannot raise it twice.
CREATE TABLE project_warning (
    id          uuid PRIMARY KEY,
    project_id  uuid         NOT NULL REFERENCES project (id),
    kind        varchar(16)  NOT NULL CHECK (kind IN ('STALE', 'NOT_STARTED')),
    -- the project's stage when the warning was raised
    stage       varchar(16)  NOT NULL,
    -- STALE: the date of the last update; NOT_STARTED: the planned start date that passed
    since       date         NOT NULL,
    raised_at   timestamptz  NOT NULL,
    cleared_at  timestamptz
);

CREATE UNIQUE INDEX project_warning_one_open ON project_warning (project_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX project_warning_project ON project_warning (project_id, raised_at);
-- the evaluation reads the latest move and the latest funds report of every project
CREATE INDEX project_stage_move_latest ON project_stage_move (project_id, moved_at);
CREATE INDEX project_funds_reported ON project_funds (project_id, reported_at);
