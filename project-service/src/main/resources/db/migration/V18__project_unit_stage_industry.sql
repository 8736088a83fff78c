-- The library's usual filter, a unit's projects at some stages in an industry (GB/T 4754 prefix),
-- answered from one index: its count reads only the matching entries (an index-only scan once
-- vacuumed), where (org_unit_code, stage) and the industry index were combined in a bitmap that read
-- every project of the industry (83,000 of 1,000,000 for C38). It supersedes (org_unit_code, stage).
CREATE INDEX project_unit_stage_industry ON project (org_unit_code, stage, industry_code text_pattern_ops);
DROP INDEX project_unit_stage;
