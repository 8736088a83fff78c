-- The funds-to-contract rate takes the funds of the projects signed in the year *up to the
-- period's end*, so the funds aggregate is keyed by the signing month, not the signing year.
-- Refilled from the project rows with the rule of Aggregates (funds of projects counted as signed).
CREATE TABLE unit_month_funds_by_signing (
    org_unit_code varchar(32)    NOT NULL,
    month         date           NOT NULL,
    signing_month date           NOT NULL,
    amount        numeric(22, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (month, org_unit_code, signing_month)
);

INSERT INTO unit_month_funds_by_signing (org_unit_code, month, signing_month, amount)
SELECT p.org_unit_code, f.month, date_trunc('month', p.signing_date)::date, sum(f.amount)
FROM project_funds f JOIN project_fact p USING (project_id)
WHERE p.stage <> 'TERMINATED' AND p.signing_confirmed AND p.signing_date IS NOT NULL AND p.contract_amount IS NOT NULL
GROUP BY 1, 2, 3;

DROP TABLE unit_month_funds;
ALTER TABLE unit_month_funds_by_signing RENAME TO unit_month_funds;
ALTER INDEX unit_month_funds_by_signing_pkey RENAME TO unit_month_funds_pkey;
