-- The problem log (问题台账): what holds up a signed project's landing and start, who is to solve it
-- and by when. A problem is changed in place; each change raises its version (the API's ETag) and is
-- audited with before and after, so the history is in audit_log, not here.
CREATE TABLE project_problem (
    id          uuid          PRIMARY KEY,
    project_id  uuid          NOT NULL REFERENCES project (id),
    category    varchar(16)   NOT NULL
        CHECK (category IN ('LAND', 'PERMITS', 'UTILITIES', 'FINANCING', 'EQUIPMENT', 'OTHER')),
    description varchar(2000) NOT NULL,
    -- the responsible department (责任单位), free text: it is often outside the platform's org tree
    department  varchar(200)  NOT NULL,
    deadline    date          NOT NULL,
    status      varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'SOLVED')),
    resolution  varchar(2000),
    created_at  timestamptz   NOT NULL,
    created_by  varchar(255)  NOT NULL,
    updated_at  timestamptz   NOT NULL,
    updated_by  varchar(255)  NOT NULL,
    version     bigint        NOT NULL CHECK (version >= 1),
    -- a solved problem says how it was solved; a reopened one loses the old resolution (the audit keeps it)
    CHECK ((status = 'SOLVED') = (resolution IS NOT NULL))
);

-- A project's problems, for its list.
CREATE INDEX project_problem_project ON project_problem (project_id, deadline);
-- The overdue query of the warning evaluation: the earliest deadline among each project's open
-- problems. Only open problems are indexed, so solved ones, which pile up, cost it nothing.
CREATE INDEX project_problem_open_deadline ON project_problem (project_id, deadline) WHERE status <> 'SOLVED';

-- A third kind of project warning: an open problem past its deadline (PROBLEM_OVERDUE).
ALTER TABLE project_warning DROP CONSTRAINT project_warning_kind_check;
ALTER TABLE project_warning ADD CONSTRAINT project_warning_kind_check
    CHECK (kind IN ('STALE', 'NOT_STARTED', 'PROBLEM_OVERDUE'));
