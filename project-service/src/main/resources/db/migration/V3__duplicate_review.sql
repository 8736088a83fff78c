-- Duplicate review (查重). A project carries the keys the rules compare: its code (unique within its
-- city unless a reviewer decides otherwise), its city and its normalised name. A hit puts it into the
-- review pool (PENDING): it is not counted, and its `registered` event waits for the decision.
ALTER TABLE project ADD COLUMN project_code varchar(32);
ALTER TABLE project ADD COLUMN city_code varchar(32);
ALTER TABLE project ADD COLUMN normalized_name text;
ALTER TABLE project ADD COLUMN review_status varchar(16) NOT NULL DEFAULT 'ACCEPTED';
ALTER TABLE project ADD COLUMN duplicate_of uuid REFERENCES project (id);
ALTER TABLE project ADD COLUMN duplicate_rule varchar(8);

CREATE INDEX project_city_code ON project (city_code, project_code);
CREATE INDEX project_city_name ON project (city_code, normalized_name);
CREATE INDEX project_review_pending ON project (review_status) WHERE review_status = 'PENDING';
