-- Corrections of a project's descriptive fields (details-changed) carry the project's version after
-- the correction; the last one applied is kept here, so that a correction re-driven from the dead
-- letters after a newer one changes nothing. 0: none applied (a project's versions start at 1).
ALTER TABLE project_fact ADD COLUMN details_version bigint NOT NULL DEFAULT 0;
