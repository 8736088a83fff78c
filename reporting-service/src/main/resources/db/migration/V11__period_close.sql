-- 月报关账: a unit's closed months, each frozen with the figures it published and the definition
-- version those figures followed. A row is never updated: a later correction shows as a revision
-- (the difference between these figures and the ones computed now), never by changing this row.
CREATE TABLE period_close (
    close_id            uuid          PRIMARY KEY,
    org_unit_code       varchar(32)   NOT NULL,
    month               date          NOT NULL CHECK (extract(day FROM month) = 1),
    closed_at           timestamptz   NOT NULL,
    closed_by           text          NOT NULL,
    deadline            date          NOT NULL,
    late                boolean       NOT NULL,
    definition_version  integer       NOT NULL,
    -- figure code → unrounded decimal string, or null when undefined (as in the published event)
    figures             jsonb         NOT NULL,
    UNIQUE (org_unit_code, month)
);

CREATE INDEX period_close_month ON period_close (month, org_unit_code);
