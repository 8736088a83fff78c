-- targets-service owns the org-unit tree. Names, level, parent and path live in the shared local
-- copy org_unit (db/platform V0_1), which the scope checks of this service read like every other
-- service's; this table adds what only the owner keeps: a stable identity that survives renames,
-- moves and code changes. org_unit_alias keeps every former code of a unit (横县 450127 → 横州市 450181).
CREATE TABLE org_unit_registry (
    id         uuid PRIMARY KEY,
    code       varchar(32) NOT NULL UNIQUE,
    defined_at timestamptz NOT NULL
);

CREATE TABLE org_unit_alias (
    alias_code varchar(32) PRIMARY KEY,
    unit_id    uuid        NOT NULL REFERENCES org_unit_registry (id),
    retired_at timestamptz NOT NULL
);

CREATE INDEX org_unit_alias_unit ON org_unit_alias (unit_id);

-- Annual targets per unit, year and figure. A target references its unit by id, so a unit that
-- changes its code keeps its targets. DRAFT rows are proposals (next year by a growth rate) that
-- count for nothing until confirmed; CONFIRMED rows are the targets in force.
CREATE TABLE annual_target (
    unit_id    uuid          NOT NULL REFERENCES org_unit_registry (id),
    year       integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    figure     varchar(64)   NOT NULL,
    status     varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    value      numeric(20, 4) NOT NULL CHECK (value >= 0),
    updated_at timestamptz   NOT NULL,
    updated_by varchar(255)  NOT NULL,
    PRIMARY KEY (unit_id, year, figure, status)
);

-- Versioned metric definitions (统计口径). A published version never changes: a change is a new
-- version that takes effect from a later date, so a closed report can name the versions it used.
CREATE TABLE metric_definition_version (
    version        integer      PRIMARY KEY CHECK (version > 0),
    effective_from date         NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    content        jsonb        NOT NULL,
    created_at     timestamptz  NOT NULL,
    created_by     varchar(255) NOT NULL,
    published_at   timestamptz
);

CREATE INDEX metric_definition_in_force ON metric_definition_version (effective_from DESC, version DESC)
    WHERE status = 'PUBLISHED';
