ALTER TABLE "figure_counters" ADD COLUMN "stripe" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "figure_counters" DROP CONSTRAINT "figure_counters_unit_id_metric_day_pk";--> statement-breakpoint
ALTER TABLE "figure_counters" ADD CONSTRAINT "figure_counters_unit_id_metric_day_stripe_pk" PRIMARY KEY("unit_id","metric","day","stripe");--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "fingerprint" "bytea";
