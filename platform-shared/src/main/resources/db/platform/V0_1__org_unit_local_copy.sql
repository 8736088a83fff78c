-- The service's local copy of the org-unit tree. Seeded from the reference file until
-- targets-service publishes org-unit events; kept current by those events afterwards.
-- Records elsewhere reference a unit by code only: their scope is resolved through this table's
-- path, so moving a unit rewrites one row here and leaves nothing stale.
CREATE EXTENSION IF NOT EXISTS ltree;

CREATE TABLE org_unit (
    code        varchar(32) PRIMARY KEY,
    parent_code varchar(32) REFERENCES org_unit (code),
    level       varchar(16) NOT NULL CHECK (level IN ('REGION', 'CITY', 'COUNTY', 'PARK')),
    name_zh     text        NOT NULL,
    name_en     text,
    path        ltree       NOT NULL UNIQUE,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX org_unit_path_gist ON org_unit USING gist (path);
CREATE INDEX org_unit_parent ON org_unit (parent_code);
