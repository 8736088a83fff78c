-- Contacts of enterprises: personal data (PIPL). Erasure deletes the row; nothing personal is kept
-- elsewhere (audit rows hold masked values only, events never carry contacts).
CREATE TABLE contact (
    id             uuid PRIMARY KEY,
    enterprise_id  uuid         NOT NULL REFERENCES enterprise (id),
    name           text         NOT NULL,
    title          text,
    phone          varchar(32),
    email          varchar(255),
    recorded_at    timestamptz  NOT NULL,
    recorded_by    varchar(255) NOT NULL
);

CREATE INDEX contact_enterprise ON contact (enterprise_id);

-- Dockings, visits, leader-led trips and promotion events, scoped by the recording unit.
CREATE TABLE engagement (
    id               uuid PRIMARY KEY,
    kind             varchar(16)   NOT NULL CHECK (kind IN ('DOCKING', 'VISIT', 'LEADER_TRIP', 'PROMOTION_EVENT')),
    org_unit_code    varchar(32)   NOT NULL,
    team             varchar(100),
    occurred_on      date          NOT NULL,
    participants     text[]        NOT NULL DEFAULT '{}',
    leader_name      text,
    leader_role      varchar(16)   CHECK (leader_role IN ('PRINCIPAL', 'DEPUTY')),
    leader_unit      varchar(32),
    destination_area varchar(32),
    outcome          varchar(16)   NOT NULL CHECK (outcome IN ('NO_INTEREST', 'FOLLOW_UP', 'INTENT')),
    intent_amount    numeric(18, 2) CHECK (intent_amount > 0),
    intent_industry  varchar(8),
    recorded_at      timestamptz   NOT NULL,
    recorded_by      varchar(255)  NOT NULL,
    CHECK (kind <> 'LEADER_TRIP' OR (leader_name IS NOT NULL AND leader_role IS NOT NULL AND leader_unit IS NOT NULL AND destination_area IS NOT NULL)),
    CHECK (outcome <> 'INTENT' OR (intent_amount IS NOT NULL AND intent_industry IS NOT NULL))
);

CREATE INDEX engagement_org_unit ON engagement (org_unit_code, occurred_on);
CREATE INDEX engagement_leader ON engagement (leader_unit, leader_role, occurred_on) WHERE kind = 'LEADER_TRIP';

CREATE TABLE engagement_enterprise (
    engagement_id  uuid NOT NULL REFERENCES engagement (id),
    enterprise_id  uuid NOT NULL REFERENCES enterprise (id),
    PRIMARY KEY (engagement_id, enterprise_id)
);

CREATE INDEX engagement_enterprise_enterprise ON engagement_enterprise (enterprise_id);

-- Destination areas of trips (reference data: the list can change). Only key areas count for the
-- leader-activity requirement.
CREATE TABLE destination_area (
    code      varchar(32) PRIMARY KEY,
    name_zh   text        NOT NULL,
    key_area  boolean     NOT NULL
);

INSERT INTO destination_area (code, name_zh, key_area) VALUES
    ('GBA', '粤港澳大湾区', true),
    ('YRD', '长江经济带/长三角', true),
    ('BTH', '京津冀', true),
    ('OTHER_DOMESTIC', '国内其他地区', false),
    ('HK_MACAO_TAIWAN', '港澳台', false),
    ('OVERSEAS', '境外', false);
