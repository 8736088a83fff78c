-- Projects as reporting sees them, built from project events.
CREATE TABLE project_fact (
    project_id      uuid PRIMARY KEY,
    name            text          NOT NULL,
    org_unit_code   varchar(32)   NOT NULL,
    stage           varchar(16)   NOT NULL,
    contract_amount numeric(18, 2),
    signing_date    date,
    industry_code   varchar(8)    NOT NULL,
    manufacturing   boolean       NOT NULL,
    registered_at   timestamptz   NOT NULL
);

CREATE INDEX project_fact_unit_signing ON project_fact (org_unit_code, signing_date);
