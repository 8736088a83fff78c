-- A duplicate record merged into another keeps its row (its names and id stay resolvable) and
-- points at the survivor; searches and matching leave it out.
ALTER TABLE enterprise ADD COLUMN merged_into uuid REFERENCES enterprise (id);
ALTER TABLE enterprise ADD CONSTRAINT enterprise_not_merged_into_itself CHECK (merged_into <> id);
