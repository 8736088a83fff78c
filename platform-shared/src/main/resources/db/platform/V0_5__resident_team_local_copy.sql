-- The service's local copy of the resident teams (驻点工作队) that targets-service owns, kept current
-- from its team-defined/-changed events (ResidentTeamEventsListener), so that a service resolves a
-- team's name and checks a team id without asking targets-service. Each event carries the whole
-- team; the copy keeps the latest by the event's time, so a late or repeated event changes nothing.
CREATE TABLE resident_team_copy (
    id            uuid         PRIMARY KEY,
    org_unit_code varchar(32)  NOT NULL,
    name          text         NOT NULL,
    key_area      varchar(32),
    closed        boolean      NOT NULL,
    changed_at    timestamptz  NOT NULL
);
CREATE INDEX resident_team_copy_unit ON resident_team_copy (org_unit_code);
