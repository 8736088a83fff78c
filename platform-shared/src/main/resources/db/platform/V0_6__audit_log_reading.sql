-- Auditors read the trail by the actors' units, newest first (GET <service>/audit).
CREATE INDEX audit_log_unit_time ON audit_log (actor_unit, occurred_at DESC, id DESC);
