-- Key areas (重点区域) where resident teams are stationed. The list changes, so it is reference
-- data here and never an enum in code.
CREATE TABLE key_area (
    code    varchar(32) PRIMARY KEY,
    name_zh text        NOT NULL,
    name_en text        NOT NULL,
    active  boolean     NOT NULL DEFAULT true
);

INSERT INTO key_area (code, name_zh, name_en) VALUES
    ('GBA', '粤港澳大湾区', 'Guangdong–Hong Kong–Macao Greater Bay Area'),
    ('YRD', '长江经济带', 'Yangtze River Economic Belt and Delta'),
    ('BTH', '京津冀', 'Beijing–Tianjin–Hebei'),
    ('OTHER_DOMESTIC', '其他国内', 'Other domestic'),
    ('HK_MACAO_TAIWAN', '港澳台', 'Hong Kong, Macao and Taiwan'),
    ('OVERSEAS', '境外', 'Overseas');

-- Resident teams (驻点招商工作队) of a city, or of a regional lead department (owning unit = the
-- region, with the department named). A team references its unit by id, like targets do.
CREATE TABLE resident_team (
    id              uuid         PRIMARY KEY,
    owning_unit_id  uuid         NOT NULL REFERENCES org_unit_registry (id),
    lead_department text,
    name            text         NOT NULL,
    key_area_code   varchar(32)  NOT NULL REFERENCES key_area (code),
    member_count    integer      NOT NULL CHECK (member_count > 0),
    active_from     date         NOT NULL,
    active_until    date,
    closed          boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CHECK (active_until IS NULL OR active_until >= active_from)
);

CREATE INDEX resident_team_unit ON resident_team (owning_unit_id);

-- Optional contract target per team and year, beside the unit's target for all its teams
-- together (annual_target RESIDENT_TEAM_CONTRACT).
CREATE TABLE resident_team_target (
    team_id         uuid           NOT NULL REFERENCES resident_team (id),
    year            integer        NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    contract_target numeric(20, 2) NOT NULL CHECK (contract_target >= 0),
    PRIMARY KEY (team_id, year)
);
