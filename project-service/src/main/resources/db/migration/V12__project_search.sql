-- Searching the project library (GET /api/projects?q=…&stage=…&…).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The name as the search compares it (ProjectFilterSql): lower case, a space after every character,
-- so that pg_trgm sees each Chinese character as a word of its own and word_similarity counts the
-- query's characters found in order in one stretch of the name. Trigrams of unspaced Chinese text
-- are three characters long, and one wrong character leaves a short query almost none in common.
ALTER TABLE project ADD COLUMN search_name text
    GENERATED ALWAYS AS (regexp_replace(lower(name), '(.)', '\1 ', 'g')) STORED;
CREATE INDEX project_search_name_trgm ON project USING gin (search_name gin_trgm_ops);

-- a project code's start, case-insensitive
CREATE INDEX project_code_prefix ON project (lower(project_code) text_pattern_ops);
-- an industry code's start (C, C38, C3841)
CREATE INDEX project_industry_prefix ON project (industry_code text_pattern_ops);
-- a unit's projects at some stages, or signed in a range: the scope is a list of units, and these
-- find a filter's rows unit by unit without reading the others
CREATE INDEX project_unit_stage ON project (org_unit_code, stage);
CREATE INDEX project_unit_signing_date ON project (org_unit_code, signing_date);
-- the default order, newest first, and the registration date filters
CREATE INDEX project_registered_at ON project (registered_at);
-- the open warnings a filter asks about
CREATE INDEX project_warning_open ON project_warning (project_id) WHERE cleared_at IS NULL;
