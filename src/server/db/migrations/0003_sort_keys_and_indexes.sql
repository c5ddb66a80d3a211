-- Sort keys are built so that byte order is Vietnamese dictionary order (see vietnameseSortKey);
-- a server whose default collation is linguistic (en_US.UTF-8) would ignore their spaces and marks.
ALTER TABLE units ALTER COLUMN sort_key TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE persons ALTER COLUMN sort_key TYPE text COLLATE "C";
--> statement-breakpoint
-- The audit log is append-only: TRUNCATE is refused as UPDATE and DELETE are.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Figures read only (unit, metric, day, delta): with delta in the key's index, the read never
-- touches the table, which matters as the number of days with changes grows.
ALTER TABLE figure_counters DROP CONSTRAINT figure_counters_unit_id_metric_day_pk;
--> statement-breakpoint
ALTER TABLE figure_counters ADD CONSTRAINT figure_counters_unit_id_metric_day_pk PRIMARY KEY (unit_id, metric, day) INCLUDE (delta);
