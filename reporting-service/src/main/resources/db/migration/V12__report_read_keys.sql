-- Read models keyed for the report's questions (docs/reporting.md, "How a report is read").
--
-- unit_month_funds is keyed by (month, unit, signing month) so that the funds-to-contract rate can
-- take the funds of the projects signed in the year to date; a region-wide report then had to add
-- up units × months × signing months rows (13,500 for a year to date with last year's). The two
-- tables below answer the report's two funds questions with one row per unit and month:
--   unit_month_funds_in_place: funds in place per unit and month (every signing month);
--   unit_signed_funds_to_date: per unit, month of the year and signing month of that year, the
--     funds up to the end of that month of the projects signed in that signing month.
-- They are derived from unit_month_funds by triggers, in the same transaction as the aggregate
-- write (so they inherit its idempotence: a redelivered event writes nothing anywhere), and they
-- follow a re-keyed unit (an UPDATE of org_unit_code moves the amounts) and a rebuild (TRUNCATE).

CREATE TABLE unit_month_funds_in_place (
    org_unit_code varchar(32)    NOT NULL,
    month         date           NOT NULL,
    amount        numeric(22, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (org_unit_code, month)
);

CREATE TABLE unit_signed_funds_to_date (
    org_unit_code varchar(32)    NOT NULL,
    to_month      date           NOT NULL,
    signing_month date           NOT NULL CHECK (signing_month <= to_month),
    amount        numeric(22, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (org_unit_code, to_month, signing_month)
);

-- A funds change of `delta` for (unit, month reported for, signing month of the project): into the
-- month's funds in place, and into the funds to date of the signing month for every month from the
-- later of signing and funds month to the end of the signing year (a month before the signing year
-- counts from the signing month on; a month after the signing year's end counts in none of them).
CREATE FUNCTION unit_funds_derived_add(unit varchar, funds_month date, signed_in date, delta numeric)
    RETURNS void LANGUAGE sql AS $$
    INSERT INTO unit_month_funds_in_place AS t (org_unit_code, month, amount) VALUES (unit, funds_month, delta)
    ON CONFLICT (org_unit_code, month) DO UPDATE SET amount = t.amount + EXCLUDED.amount;
    INSERT INTO unit_signed_funds_to_date AS t (org_unit_code, to_month, signing_month, amount)
    SELECT unit, make_date(ordinal / 12, ordinal % 12 + 1, 1), signed_in, delta
    FROM generate_series(
            greatest(extract(year FROM signed_in)::int * 12 + extract(month FROM signed_in)::int - 1,
                     extract(year FROM funds_month)::int * 12 + extract(month FROM funds_month)::int - 1),
            extract(year FROM signed_in)::int * 12 + 11) AS ordinal
    ON CONFLICT (org_unit_code, to_month, signing_month) DO UPDATE SET amount = t.amount + EXCLUDED.amount;
$$;

CREATE FUNCTION unit_month_funds_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM unit_funds_derived_add(OLD.org_unit_code, OLD.month, OLD.signing_month, -OLD.amount);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM unit_funds_derived_add(NEW.org_unit_code, NEW.month, NEW.signing_month, NEW.amount);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION unit_month_funds_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE unit_month_funds_in_place, unit_signed_funds_to_date;
    RETURN NULL;
END $$;

CREATE TRIGGER unit_month_funds_derive_insert_delete AFTER INSERT OR DELETE ON unit_month_funds
    FOR EACH ROW EXECUTE FUNCTION unit_month_funds_derive();
CREATE TRIGGER unit_month_funds_derive_update AFTER UPDATE ON unit_month_funds
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION unit_month_funds_derive();
CREATE TRIGGER unit_month_funds_derive_truncate AFTER TRUNCATE ON unit_month_funds
    FOR EACH STATEMENT EXECUTE FUNCTION unit_month_funds_truncate();

-- what is already there
SELECT unit_funds_derived_add(org_unit_code, month, signing_month, amount) FROM unit_month_funds;

-- The report reads a unit subtree's rows: the unit first, so that each unit is one short index
-- range, whatever plan (custom or generic) the planner picks for a prepared statement.
CREATE INDEX unit_month_signing_unit ON unit_month_signing (org_unit_code, month);
CREATE INDEX team_month_signing_unit ON team_month_signing (org_unit_code, month);
CREATE INDEX unit_month_intake_unit ON unit_month_intake (org_unit_code, month);
CREATE INDEX unit_stage_reached_unit ON unit_stage_reached (org_unit_code, signing_month, reached_month);
