CREATE TABLE "figure_counter_months" (
	"unit_id" bigint NOT NULL,
	"metric" text NOT NULL,
	"month" date NOT NULL,
	"stripe" smallint DEFAULT 0 NOT NULL,
	"delta" bigint NOT NULL,
	CONSTRAINT "figure_counter_months_unit_id_metric_month_stripe_pk" PRIMARY KEY("unit_id","metric","month","stripe") INCLUDE ("delta")
);
--> statement-breakpoint
-- Reads sum delta over the key's range: with delta in the index they never visit the table, whose
-- rows for one unit lie on as many pages as it has months (as in 0003, which 0011 undid).
ALTER TABLE "figure_counters" DROP CONSTRAINT "figure_counters_unit_id_metric_day_stripe_pk";
--> statement-breakpoint
ALTER TABLE "figure_counters" ADD CONSTRAINT "figure_counters_unit_id_metric_day_stripe_pk" PRIMARY KEY ("unit_id", "metric", "day", "stripe") INCLUDE ("delta");
--> statement-breakpoint
-- The months of the deltas already written.
INSERT INTO figure_counter_months (unit_id, metric, month, stripe, delta)
SELECT unit_id, metric, date_trunc('month', day)::date, stripe, sum(delta) FROM figure_counters GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Every later change of figure_counters reaches its month in the same statement: once per
-- statement, from the rows it changed (in key order, as writeCounterRows locks its own rows).
CREATE FUNCTION figure_counter_months_follow() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM figure_counter_months;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO figure_counter_months (unit_id, metric, month, stripe, delta)
    SELECT unit_id, metric, date_trunc('month', day)::date, stripe, sum(delta) FROM new_rows
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (unit_id, metric, month, stripe) DO UPDATE SET delta = figure_counter_months.delta + EXCLUDED.delta;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO figure_counter_months (unit_id, metric, month, stripe, delta)
    SELECT unit_id, metric, month, stripe, sum(delta) FROM (
      SELECT unit_id, metric, date_trunc('month', day)::date AS month, stripe, delta FROM new_rows
      UNION ALL
      SELECT unit_id, metric, date_trunc('month', day)::date, stripe, -delta FROM old_rows
    ) changes
    GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (unit_id, metric, month, stripe) DO UPDATE SET delta = figure_counter_months.delta + EXCLUDED.delta;
  ELSE
    INSERT INTO figure_counter_months (unit_id, metric, month, stripe, delta)
    SELECT unit_id, metric, date_trunc('month', day)::date, stripe, -sum(delta) FROM old_rows
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (unit_id, metric, month, stripe) DO UPDATE SET delta = figure_counter_months.delta + EXCLUDED.delta;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER figure_counters_months_insert AFTER INSERT ON figure_counters
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_counter_months_follow();
--> statement-breakpoint
CREATE TRIGGER figure_counters_months_update AFTER UPDATE ON figure_counters
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_counter_months_follow();
--> statement-breakpoint
CREATE TRIGGER figure_counters_months_delete AFTER DELETE ON figure_counters
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_counter_months_follow();
--> statement-breakpoint
CREATE TRIGGER figure_counters_months_truncate AFTER TRUNCATE ON figure_counters
  FOR EACH STATEMENT EXECUTE FUNCTION figure_counter_months_follow();
