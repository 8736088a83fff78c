-- The read models behind the unit reports (docs/reporting.md). Facts per project where a figure
-- needs the project (stage dates, class snapshot, funds versions), and aggregates per (unit, month)
-- that a report only has to add up over the unit's subtree. Every aggregate is the sum of the
-- contributions of the project facts: each effect takes a project's old contribution out and puts
-- its new one in, in the same transaction as the processed-event record.

ALTER TABLE project_fact
    ADD COLUMN signing_confirmed boolean     NOT NULL DEFAULT true,
    ADD COLUMN registered_on     date,
    ADD COLUMN landed_on         date,
    ADD COLUMN started_on        date,
    ADD COLUMN channel           varchar(32),
    ADD COLUMN resident_team_id  uuid,
    ADD COLUMN source_key_area   varchar(32),
    ADD COLUMN investor_classes  text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN fdi_contract_usd  numeric(18, 2),
    ADD COLUMN terms_version     integer     NOT NULL DEFAULT 1;

UPDATE project_fact SET registered_on = (registered_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE project_fact ALTER COLUMN registered_on SET NOT NULL;

-- Signed projects counted in the month of their signing date, under the project's current unit.
CREATE TABLE unit_month_signing (
    org_unit_code            varchar(32)    NOT NULL,
    month                    date           NOT NULL,
    signed_count             bigint         NOT NULL DEFAULT 0,
    contract_investment      numeric(22, 2) NOT NULL DEFAULT 0,
    manufacturing_count      bigint         NOT NULL DEFAULT 0,
    manufacturing_investment numeric(22, 2) NOT NULL DEFAULT 0,
    resident_team_count      bigint         NOT NULL DEFAULT 0,
    resident_team_investment numeric(22, 2) NOT NULL DEFAULT 0,
    fdi_contract_usd         numeric(22, 2) NOT NULL DEFAULT 0,
    over_100m                bigint         NOT NULL DEFAULT 0,
    over_1b                  bigint         NOT NULL DEFAULT 0,
    over_10b                 bigint         NOT NULL DEFAULT 0,
    over_20b                 bigint         NOT NULL DEFAULT 0,
    fortune_global_500       bigint         NOT NULL DEFAULT 0,
    china_500                bigint         NOT NULL DEFAULT 0,
    china_private_500        bigint         NOT NULL DEFAULT 0,
    china_manufacturing_500  bigint         NOT NULL DEFAULT 0,
    top500_three_classes     bigint         NOT NULL DEFAULT 0,
    top500_four_classes      bigint         NOT NULL DEFAULT 0,
    PRIMARY KEY (month, org_unit_code)
);

-- Resident-team signings per team (channel RESIDENT_TEAM with a team).
CREATE TABLE team_month_signing (
    team_id             uuid           NOT NULL,
    org_unit_code       varchar(32)    NOT NULL,
    month               date           NOT NULL,
    signed_count        bigint         NOT NULL DEFAULT 0,
    contract_investment numeric(22, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (month, team_id, org_unit_code)
);

-- Landing and start: signed projects by signing month and by the month they reached the stage.
CREATE TABLE unit_stage_reached (
    org_unit_code varchar(32) NOT NULL,
    signing_month date        NOT NULL,
    stage         varchar(16) NOT NULL CHECK (stage IN ('LANDED', 'STARTED')),
    reached_month date        NOT NULL,
    project_count bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (signing_month, org_unit_code, stage, reached_month)
);

-- Library intake: projects entered into the library, by the month of their registration.
CREATE TABLE unit_month_intake (
    org_unit_code varchar(32) NOT NULL,
    month         date        NOT NULL,
    project_count bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (month, org_unit_code)
);

-- Funds in place: the latest version per project and month ...
CREATE TABLE project_funds (
    project_id uuid           NOT NULL,
    month      date           NOT NULL,
    version    integer        NOT NULL,
    amount     numeric(18, 2) NOT NULL,
    PRIMARY KEY (project_id, month)
);

-- ... added up per unit, month and the signing year of the project (for the funds-to-contract rate).
CREATE TABLE unit_month_funds (
    org_unit_code varchar(32)    NOT NULL,
    month         date           NOT NULL,
    signing_year  integer        NOT NULL,
    amount        numeric(22, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (month, org_unit_code, signing_year)
);

-- Annual targets in force, as targets-service confirmed them (figure code -> value).
CREATE TABLE unit_target (
    org_unit_code varchar(32)    NOT NULL,
    year          integer        NOT NULL,
    figure        varchar(64)    NOT NULL,
    value         numeric(22, 4) NOT NULL,
    PRIMARY KEY (org_unit_code, year, figure)
);

CREATE TABLE resident_team (
    team_id          uuid PRIMARY KEY,
    org_unit_code    varchar(32) NOT NULL,
    name             text        NOT NULL,
    key_area         varchar(32) NOT NULL,
    member_count     integer     NOT NULL,
    closed           boolean     NOT NULL,
    contract_targets jsonb       NOT NULL DEFAULT '{}'
);

-- Engagements, one row per (engagement, enterprise): the funnel counts distinct enterprises.
CREATE TABLE engagement_enterprise (
    engagement_id uuid        NOT NULL,
    enterprise_id uuid        NOT NULL,
    kind          varchar(16) NOT NULL,
    org_unit_code varchar(32) NOT NULL,
    team          varchar(100),
    occurred_on   date        NOT NULL,
    PRIMARY KEY (engagement_id, enterprise_id)
);
CREATE INDEX engagement_enterprise_kind_date ON engagement_enterprise (kind, occurred_on, org_unit_code);

-- Intents (count engagements and their amounts) and leader trips, one row per engagement.
CREATE TABLE engagement_fact (
    engagement_id    uuid PRIMARY KEY,
    kind             varchar(16)    NOT NULL,
    org_unit_code    varchar(32)    NOT NULL,
    team             varchar(100),
    occurred_on      date           NOT NULL,
    outcome          varchar(16)    NOT NULL,
    intent_amount    numeric(18, 2),
    leader_role      varchar(16),
    leader_unit      varchar(32),
    destination_area varchar(32)
);
CREATE INDEX engagement_fact_kind_date ON engagement_fact (kind, occurred_on);

-- Project warnings as project-service raised and cleared them (not computed here).
CREATE TABLE project_warning (
    warning_id    uuid PRIMARY KEY,
    project_id    uuid        NOT NULL,
    org_unit_code varchar(32) NOT NULL,
    kind          varchar(16) NOT NULL,
    stage         varchar(16) NOT NULL,
    since         date        NOT NULL,
    raised_at     timestamptz NOT NULL,
    cleared_at    timestamptz
);
CREATE INDEX project_warning_unit ON project_warning (org_unit_code) WHERE cleared_at IS NULL;

-- Former codes of recoded units (横县 450127 → 横州市 450181): events written before a recode
-- still name the old code, also when the topics are replayed.
CREATE TABLE org_unit_alias (
    former_code  varchar(32) PRIMARY KEY,
    current_code varchar(32) NOT NULL
);
