-- A unit given a new code (OrgUnitAdministration.changeCode) leaves its people's org_unit in
-- Keycloak to follow it. The re-code writes one row here in its own transaction; the users feature
-- applies it to Keycloak after the commit and, while Keycloak cannot be reached, again on a schedule.
CREATE TABLE users_following_unit_recode (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    old_code    VARCHAR(12) NOT NULL,
    new_code    VARCHAR(12) NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    actor_unit  VARCHAR(12),
    recoded_at  TIMESTAMPTZ NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
);
