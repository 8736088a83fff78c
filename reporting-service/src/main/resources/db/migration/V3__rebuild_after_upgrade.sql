-- The first slice of reporting-service applied only project.registered and committed past every
-- other event, so a database that already holds projects lacks their moves, terminations, funds,
-- targets and engagements. Such a database is marked here, and the service rebuilds its read
-- models from the topics once at its next start (RebuildAfterUpgrade). A new database is not marked.
CREATE TABLE read_model_state (
    name       varchar(64) PRIMARY KEY,
    since      timestamptz NOT NULL DEFAULT now()
);

INSERT INTO read_model_state (name)
SELECT 'rebuild-required' WHERE EXISTS (SELECT 1 FROM project_fact);
