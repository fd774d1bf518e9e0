-- Version 4: new rows are queued for search by CacheWriter (SearchQueue), one statement per
-- page, instead of by a trigger per row. Changes and deletions keep their triggers: they are
-- rare and row by row.
DROP TRIGGER contacts_queue_insert;
DROP TRIGGER memberships_queue_insert;
