-- Key projects (重点项目) and their responsible leader (领导挂点) and officer: a project is key while
-- key_project is true; the leader is named with the unit they lead (the project's or an ancestor).
ALTER TABLE project ADD COLUMN key_project boolean NOT NULL DEFAULT false,
                    ADD COLUMN key_leader_name varchar(100),
                    ADD COLUMN key_leader_unit varchar(32),
                    ADD COLUMN key_officer_name varchar(100);
-- "my key projects" and the key filter look at a unit's key projects only
CREATE INDEX project_key ON project (org_unit_code) WHERE key_project;
