-- Sort keys are built so that byte order is Vietnamese dictionary order (see vietnameseSortKey);
-- a server whose default collation is linguistic (en_US.UTF-8) would ignore their spaces and marks.
ALTER TABLE units ALTER COLUMN sort_key TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE persons ALTER COLUMN sort_key TYPE text COLLATE "C";
--> statement-breakpoint
-- The audit log is append-only: TRUNCATE is refused as UPDATE and DELETE are.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
