-- Version 2, first part: the folded columns search needs (filled in by the migration
-- before the search tables and their triggers exist).
ALTER TABLE contacts ADD COLUMN bn_key TEXT;
ALTER TABLE memberships ADD COLUMN tag_key TEXT;
-- The name index covers every column a search tests, so walking it reads no rows.
DROP INDEX contacts_by_name;
CREATE INDEX contacts_by_name ON contacts (sid, is_dm, name_key, lid, phone, bn_key);
DROP INDEX memberships_by_lid;
CREATE INDEX memberships_by_lid ON memberships (sid, lid, tag_key);
