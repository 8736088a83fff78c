-- Every change: who, when, what before, what after.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(255) NOT NULL,
    actor_unit  varchar(32),
    entity_type varchar(64)  NOT NULL,
    entity_id   varchar(64)  NOT NULL,
    action      varchar(64)  NOT NULL,
    before      jsonb,
    after       jsonb
);

CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, occurred_at);
