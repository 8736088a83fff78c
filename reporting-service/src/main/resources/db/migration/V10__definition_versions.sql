-- The metric definition versions reporting applies, from targets-service's definition-published
-- events. A published version never changes, so a version is written once and never updated.
CREATE TABLE definition_version (
    version                  integer PRIMARY KEY,
    effective_from           date          NOT NULL,
    published_at             timestamptz   NOT NULL,
    figure_codes             jsonb         NOT NULL,
    yellow_below_gap_points  numeric(10, 4) NOT NULL,
    red_below_gap_points     numeric(10, 4) NOT NULL,
    ranking_method           varchar(32)   NOT NULL,
    ranking_weights          jsonb         NOT NULL,
    ranking_cap              numeric(10, 4),
    close_deadline_day       integer       NOT NULL CHECK (close_deadline_day BETWEEN 1 AND 28),
    -- true when the event carried no rules and metrics.md's defaults were applied
    default_rules            boolean       NOT NULL
);

CREATE INDEX definition_version_effective ON definition_version (effective_from DESC, version DESC);
