-- The signing sums as year-to-date running totals (docs/reporting.md, "How a report is read").
--
-- A report adds up its period, the same period last year and the year to date. From the monthly
-- rows that is up to 22 rows per unit (per unit and team for the resident teams); from running
-- totals that reset every January, a span is its last month's total minus the total of the month
-- before its first (nothing when it starts in January): at most two rows per unit and span.
-- Derived by triggers from unit_month_signing and team_month_signing, in the same transaction as
-- the aggregate write, as V12 derives the funds tables: a redelivered event writes nothing, a
-- re-keyed unit moves its totals, a rebuild (TRUNCATE) empties them.

CREATE TABLE unit_signing_to_date (
    org_unit_code            varchar(32)    NOT NULL,
    month                    date           NOT NULL,
    signed_count             bigint         NOT NULL DEFAULT 0,
    contract_investment      numeric(22, 2) NOT NULL DEFAULT 0,
    manufacturing_count      bigint         NOT NULL DEFAULT 0,
    manufacturing_investment numeric(22, 2) NOT NULL DEFAULT 0,
    resident_team_count      bigint         NOT NULL DEFAULT 0,
    resident_team_investment numeric(22, 2) NOT NULL DEFAULT 0,
    fdi_contract_usd         numeric(22, 2) NOT NULL DEFAULT 0,
    over_100m                bigint         NOT NULL DEFAULT 0,
    over_1b                  bigint         NOT NULL DEFAULT 0,
    over_10b                 bigint         NOT NULL DEFAULT 0,
    over_20b                 bigint         NOT NULL DEFAULT 0,
    fortune_global_500       bigint         NOT NULL DEFAULT 0,
    china_500                bigint         NOT NULL DEFAULT 0,
    china_private_500        bigint         NOT NULL DEFAULT 0,
    china_manufacturing_500  bigint         NOT NULL DEFAULT 0,
    top500_three_classes     bigint         NOT NULL DEFAULT 0,
    top500_four_classes      bigint         NOT NULL DEFAULT 0,
    PRIMARY KEY (org_unit_code, month)
);

CREATE TABLE team_signing_to_date (
    org_unit_code       varchar(32)    NOT NULL,
    month               date           NOT NULL,
    team_id             uuid           NOT NULL,
    signed_count        bigint         NOT NULL DEFAULT 0,
    contract_investment numeric(22, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (org_unit_code, month, team_id)
);

-- The months whose running total a change of `month` enters: it and the rest of its year.
CREATE FUNCTION months_to_year_end(month date) RETURNS SETOF date LANGUAGE sql IMMUTABLE AS $$
    SELECT make_date(extract(year FROM month)::int, m, 1)
    FROM generate_series(extract(month FROM month)::int, 12) AS m;
$$;

CREATE FUNCTION unit_signing_to_date_add(r unit_month_signing, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO unit_signing_to_date AS t (org_unit_code, month, signed_count, contract_investment, manufacturing_count,
        manufacturing_investment, resident_team_count, resident_team_investment, fdi_contract_usd, over_100m, over_1b,
        over_10b, over_20b, fortune_global_500, china_500, china_private_500, china_manufacturing_500,
        top500_three_classes, top500_four_classes)
    SELECT r.org_unit_code, m, sign * r.signed_count, sign * r.contract_investment, sign * r.manufacturing_count,
        sign * r.manufacturing_investment, sign * r.resident_team_count, sign * r.resident_team_investment,
        sign * r.fdi_contract_usd, sign * r.over_100m, sign * r.over_1b, sign * r.over_10b, sign * r.over_20b,
        sign * r.fortune_global_500, sign * r.china_500, sign * r.china_private_500, sign * r.china_manufacturing_500,
        sign * r.top500_three_classes, sign * r.top500_four_classes
    FROM months_to_year_end(r.month) AS m
    ON CONFLICT (org_unit_code, month) DO UPDATE SET
        signed_count = t.signed_count + EXCLUDED.signed_count,
        contract_investment = t.contract_investment + EXCLUDED.contract_investment,
        manufacturing_count = t.manufacturing_count + EXCLUDED.manufacturing_count,
        manufacturing_investment = t.manufacturing_investment + EXCLUDED.manufacturing_investment,
        resident_team_count = t.resident_team_count + EXCLUDED.resident_team_count,
        resident_team_investment = t.resident_team_investment + EXCLUDED.resident_team_investment,
        fdi_contract_usd = t.fdi_contract_usd + EXCLUDED.fdi_contract_usd,
        over_100m = t.over_100m + EXCLUDED.over_100m,
        over_1b = t.over_1b + EXCLUDED.over_1b,
        over_10b = t.over_10b + EXCLUDED.over_10b,
        over_20b = t.over_20b + EXCLUDED.over_20b,
        fortune_global_500 = t.fortune_global_500 + EXCLUDED.fortune_global_500,
        china_500 = t.china_500 + EXCLUDED.china_500,
        china_private_500 = t.china_private_500 + EXCLUDED.china_private_500,
        china_manufacturing_500 = t.china_manufacturing_500 + EXCLUDED.china_manufacturing_500,
        top500_three_classes = t.top500_three_classes + EXCLUDED.top500_three_classes,
        top500_four_classes = t.top500_four_classes + EXCLUDED.top500_four_classes;
$$;

CREATE FUNCTION team_signing_to_date_add(r team_month_signing, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO team_signing_to_date AS t (org_unit_code, month, team_id, signed_count, contract_investment)
    SELECT r.org_unit_code, m, r.team_id, sign * r.signed_count, sign * r.contract_investment
    FROM months_to_year_end(r.month) AS m
    ON CONFLICT (org_unit_code, month, team_id) DO UPDATE SET
        signed_count = t.signed_count + EXCLUDED.signed_count,
        contract_investment = t.contract_investment + EXCLUDED.contract_investment;
$$;

CREATE FUNCTION unit_month_signing_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM unit_signing_to_date_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM unit_signing_to_date_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION team_month_signing_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM team_signing_to_date_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM team_signing_to_date_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION unit_month_signing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE unit_signing_to_date;
    RETURN NULL;
END $$;

CREATE FUNCTION team_month_signing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE team_signing_to_date;
    RETURN NULL;
END $$;

CREATE TRIGGER unit_month_signing_derive_insert_delete AFTER INSERT OR DELETE ON unit_month_signing
    FOR EACH ROW EXECUTE FUNCTION unit_month_signing_derive();
CREATE TRIGGER unit_month_signing_derive_update AFTER UPDATE ON unit_month_signing
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION unit_month_signing_derive();
CREATE TRIGGER unit_month_signing_derive_truncate AFTER TRUNCATE ON unit_month_signing
    FOR EACH STATEMENT EXECUTE FUNCTION unit_month_signing_truncate();

CREATE TRIGGER team_month_signing_derive_insert_delete AFTER INSERT OR DELETE ON team_month_signing
    FOR EACH ROW EXECUTE FUNCTION team_month_signing_derive();
CREATE TRIGGER team_month_signing_derive_update AFTER UPDATE ON team_month_signing
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION team_month_signing_derive();
CREATE TRIGGER team_month_signing_derive_truncate AFTER TRUNCATE ON team_month_signing
    FOR EACH STATEMENT EXECUTE FUNCTION team_month_signing_truncate();

-- what is already there
SELECT unit_signing_to_date_add(s, 1) FROM unit_month_signing s;
SELECT team_signing_to_date_add(s, 1) FROM team_month_signing s;
