-- The remaining fields of a project (issue 5 "Fields"). The investor is an enterprise id of the
-- registry; it is not a foreign key, since the local copy of enterprise events may lag behind.
ALTER TABLE project ADD COLUMN investor_enterprise_id uuid;
ALTER TABLE project ADD COLUMN industry_chain_tags jsonb NOT NULL DEFAULT '[]';
ALTER TABLE project ADD COLUMN source_key_area varchar(32);
ALTER TABLE project ADD COLUMN channel varchar(32);
ALTER TABLE project ADD COLUMN resident_team_id uuid;
-- FDI is in US dollars, kept apart from the CNY amounts
ALTER TABLE project ADD COLUMN fdi_contract_usd numeric(18, 2) CHECK (fdi_contract_usd >= 0);
ALTER TABLE project ADD COLUMN reinvestment boolean NOT NULL DEFAULT false;
ALTER TABLE project ADD COLUMN planned_start_date date;
ALTER TABLE project ADD COLUMN site_address text;
-- The investor's contact for the project: personal data. Read only through InvestorContacts, which
-- masks it; never part of the Project record, so it reaches neither events nor audit rows.
ALTER TABLE project ADD COLUMN contact_name text;
ALTER TABLE project ADD COLUMN contact_phone varchar(32);
-- The date the initial stage was reached (from the registration's evidence), carried in `registered`
ALTER TABLE project ADD COLUMN stage_reached_on date;
-- Signing: whether a leader's confirmation is still awaited, and the investor's classes on the signing
-- date, a snapshot written at signing and never rewritten by later list changes
ALTER TABLE project ADD COLUMN signing_confirmed boolean NOT NULL DEFAULT true;
ALTER TABLE project ADD COLUMN investor_classes jsonb NOT NULL DEFAULT '[]';

ALTER TABLE project ADD CONSTRAINT project_resident_team_only_for_resident_team_channel
    CHECK ((channel IS NOT DISTINCT FROM 'RESIDENT_TEAM') = (resident_team_id IS NOT NULL));

UPDATE project p SET stage_reached_on = m.moved_on
FROM project_stage_move m WHERE m.project_id = p.id AND m.from_stage IS NULL;

CREATE INDEX project_investor ON project (investor_enterprise_id);
CREATE INDEX project_signing_pending ON project (org_unit_code) WHERE NOT signing_confirmed;

-- The local copy of enterprise-service's registry (events on zhaoshang.enterprise.v1): only what
-- project-service needs to snapshot an investor's classes: the parent group, merges and memberships.
CREATE TABLE enterprise_copy (
    id          uuid PRIMARY KEY,
    name_zh     text,
    parent_id   uuid,
    merged_into uuid,
    -- the version of enterprise-service's record last applied; an older `changed` event is ignored
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE enterprise_membership_copy (
    membership_id    uuid PRIMARY KEY,
    enterprise_id    uuid        NOT NULL,
    enterprise_class varchar(32) NOT NULL,
    edition          varchar(64) NOT NULL,
    published_on     date        NOT NULL,
    valid_from       date        NOT NULL,
    -- exclusive; null for ranked lists (they end with the next edition) and standing designations
    valid_until      date,
    -- taken back by enterprise-service (entered by mistake); kept so that a late ADDED cannot revive it
    removed          boolean     NOT NULL DEFAULT false
);
CREATE INDEX enterprise_membership_copy_enterprise ON enterprise_membership_copy (enterprise_id);
CREATE INDEX enterprise_membership_copy_class ON enterprise_membership_copy (enterprise_class, published_on);
