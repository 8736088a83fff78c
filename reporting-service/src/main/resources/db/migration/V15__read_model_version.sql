-- The read models' version (docs/reporting.md, "Cockpit cache"): one number that every committed
-- transaction writing a table the reports read raises by one, in that same transaction. A snapshot
-- that sees version N therefore sees exactly the writes of the transactions that made 1..N, so an
-- answer read from a snapshot can be kept under N and given to any reader, on any replica, that
-- reads N; a reader that reads N + 1 no longer finds it.
CREATE TABLE read_model_version (
    single_row boolean PRIMARY KEY DEFAULT true CHECK (single_row),
    version    bigint  NOT NULL
);
INSERT INTO read_model_version (version) VALUES (0);

-- A writing transaction leaves one row here, and a deferred trigger raises the version when the
-- transaction commits and removes the row. Raising it at commit, not at the first write, keeps the
-- version row locked only while a transaction commits: writers (the listeners, several replicas) do
-- not wait for each other's whole transaction, nor deadlock over the rows they write in between.
CREATE TABLE read_model_change (
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()
);

-- Statement-level, so a bulk write costs one call, not one per row; the row above is written once
-- per transaction (a transaction-local setting remembers it, and is undone with a rolled-back
-- savepoint, as the row is). A statement that changes no row still counts: a needless new version
-- costs one recomputation, a missed one would be a stale answer.
CREATE FUNCTION read_model_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('reporting.read_model_changed', true) IS DISTINCT FROM 'yes' THEN
        INSERT INTO read_model_change DEFAULT VALUES;
        PERFORM set_config('reporting.read_model_changed', 'yes', true);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION read_model_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE read_model_version SET version = version + 1;
    DELETE FROM read_model_change WHERE transaction_id = NEW.transaction_id;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER read_model_version_raise AFTER INSERT ON read_model_change
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_model_version_raise();

-- Every table built from events or read by a report, a ranking, the warnings or the cockpit. The
-- tables left out are listed, with the reason, in ReadModelVersionTest, which fails when a table is
-- neither here nor there.
DO $$
DECLARE
    read_model text;
BEGIN
    FOREACH read_model IN ARRAY ARRAY[
            'org_unit', 'org_unit_alias', 'definition_version',
            'project_fact', 'project_funds', 'project_warning',
            'unit_month_signing', 'team_month_signing', 'unit_stage_reached', 'unit_month_intake',
            'unit_month_funds', 'unit_month_funds_in_place', 'unit_signed_funds_to_date',
            'unit_target', 'resident_team', 'engagement_enterprise', 'engagement_fact'] LOOP
        EXECUTE format('CREATE TRIGGER read_model_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION read_model_changed()', read_model);
    END LOOP;
END $$;
