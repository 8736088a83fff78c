-- The project library. A project references its unit by code; its scope comes from the local
-- org-unit tree (org_unit.path), so a moved unit needs no rewrite here.
CREATE TABLE project (
    id              uuid PRIMARY KEY,
    name            text          NOT NULL,
    org_unit_code   varchar(32)   NOT NULL,
    stage           varchar(16)   NOT NULL,
    contract_amount numeric(18, 2) CHECK (contract_amount > 0),
    signing_date    date,
    industry_code   varchar(8)    NOT NULL,
    manufacturing   boolean       NOT NULL,
    registered_at   timestamptz   NOT NULL,
    registered_by   varchar(255)  NOT NULL,
    version         bigint        NOT NULL DEFAULT 0
);

CREATE INDEX project_org_unit ON project (org_unit_code);
CREATE INDEX project_signing_date ON project (signing_date);
