-- Confirmation of signings: a unit may require a leader's confirmation of SIGNED. The setting holds
-- for the unit and every unit below it that has no setting of its own (the nearest setting wins).
CREATE TABLE signing_confirmation_setting (
    org_unit_code varchar(32)  PRIMARY KEY,
    required      boolean      NOT NULL,
    set_at        timestamptz  NOT NULL,
    set_by        varchar(255) NOT NULL
);
