-- Key projects (重点项目) from project-service's key-project-changed events, so that the warnings and
-- the cockpit show them apart. The version of the last change applied is kept, so that a change
-- re-driven late after a newer one changes nothing. 0: none applied (a project's versions start at 1).
ALTER TABLE project_fact ADD COLUMN key_project boolean NOT NULL DEFAULT false,
                         ADD COLUMN key_version bigint NOT NULL DEFAULT 0;
