-- The engagement tables keyed by unit first, as V12 keyed the aggregates: a report reads a unit
-- subtree's engagements (the resident-team funnel, intents, leader trips), and PostgreSQL estimates
-- one unit under any path, so its plans take the subtree's units one by one. With the unit first,
-- each unit is one short index range, whatever plan (custom or generic) the planner picks. Before,
-- each unit of the subtree scanned every engagement of the period for its intents (engagement_fact
-- had no index on the unit): 1.7 s for the region's funnel at 50,000 engagements (docs/benchmarks.md,
-- Cockpit).
-- (V13 is skipped on purpose: a reverted V13 was applied to some databases.)

-- dockings and visits of a unit in a date range
CREATE INDEX engagement_enterprise_unit ON engagement_enterprise (org_unit_code, kind, occurred_on);
-- intents of teams, of a unit in a date range (only the intents: a unit's other engagements are not read)
CREATE INDEX engagement_fact_intent ON engagement_fact (org_unit_code, occurred_on)
    WHERE outcome = 'INTENT' AND team IS NOT NULL;
-- leader trips of a leader unit in a date range
CREATE INDEX engagement_fact_leader_trip ON engagement_fact (leader_unit, occurred_on) WHERE kind = 'LEADER_TRIP';
