-- The unit that entered each shared record (docs/decisions/0010-who-changes-the-shared-registry.md):
-- an enterprise is changed, and a contact erased, by that unit or a unit above it. Rows entered
-- before this column existed have none, and only the region changes them.
ALTER TABLE enterprise ADD COLUMN registered_unit varchar(32);
ALTER TABLE contact ADD COLUMN recorded_unit varchar(32);
