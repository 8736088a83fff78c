-- Every stage keeps its own date: the signing date and the start date had columns, the dates a
-- project landed, was completed and began production now have theirs. A move into the stage sets
-- it; a registration at a later stage records it (docs/projects.md, "Stage dates").
ALTER TABLE project ADD COLUMN landing_date date,
                    ADD COLUMN completion_date date,
                    ADD COLUMN production_date date;

-- Projects already in the library: the first day their history (the registration included) shows
-- them at that stage or beyond, which is the date reporting has counted them from.
UPDATE project p SET
    landing_date = (SELECT min(m.moved_on) FROM project_stage_move m
                    WHERE m.project_id = p.id AND m.to_stage IN ('LANDED', 'STARTED', 'COMPLETED', 'PRODUCING')),
    completion_date = (SELECT min(m.moved_on) FROM project_stage_move m
                       WHERE m.project_id = p.id AND m.to_stage IN ('COMPLETED', 'PRODUCING')),
    production_date = (SELECT min(m.moved_on) FROM project_stage_move m
                       WHERE m.project_id = p.id AND m.to_stage = 'PRODUCING');
