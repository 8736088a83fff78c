-- Amendments (变更): the terms of a signed project (contract amount, FDI, industry) in versions. Version 1
-- is the terms at signing, written when the first amendment is made; each amendment adds the next
-- version with its reason. Rows are never updated; the project row holds the latest terms.
CREATE TABLE project_terms_version (
    project_id       uuid           NOT NULL REFERENCES project (id),
    version          int            NOT NULL CHECK (version >= 1),
    contract_amount  numeric(18, 2) NOT NULL,
    fdi_contract_usd numeric(18, 2),
    industry_code    varchar(8)     NOT NULL,
    manufacturing    boolean        NOT NULL,
    reason           text,
    recorded_at      timestamptz    NOT NULL,
    recorded_by      varchar(255)   NOT NULL,
    PRIMARY KEY (project_id, version),
    CHECK (version = 1 OR reason IS NOT NULL)
);
