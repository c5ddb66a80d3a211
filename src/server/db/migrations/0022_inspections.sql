CREATE TABLE "inspection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"remedy_id" bigint,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"content" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"remedy" text,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_remedies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"finding_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"what" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"report" text,
	"reported_at" timestamp with time zone,
	"return_reason" text,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"owner_unit_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"contents" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"team" jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"self_report_request_id" bigint,
	"conclusion" text,
	"seriousness" text,
	"number" text,
	"concluded_at" timestamp with time zone,
	"concluded_by" bigint,
	"cancel_reason" text,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lagging_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"by_unit_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"action" text NOT NULL,
	"note" text NOT NULL,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"inspection_id" bigint,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lagging_thresholds" (
	"unit_id" bigint PRIMARY KEY NOT NULL,
	"thresholds" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_events" ADD CONSTRAINT "inspection_events_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedies" ADD CONSTRAINT "inspection_remedies_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedies" ADD CONSTRAINT "inspection_remedies_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedies" ADD CONSTRAINT "inspection_remedies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagging_actions" ADD CONSTRAINT "lagging_actions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagging_actions" ADD CONSTRAINT "lagging_actions_by_unit_id_units_id_fk" FOREIGN KEY ("by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagging_actions" ADD CONSTRAINT "lagging_actions_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagging_thresholds" ADD CONSTRAINT "lagging_thresholds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_events_inspection_idx" ON "inspection_events" USING btree ("inspection_id","id");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_remedies_unit_idx" ON "inspection_remedies" USING btree ("unit_id","status","due_on");--> statement-breakpoint
CREATE INDEX "inspection_remedies_inspection_idx" ON "inspection_remedies" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspections_owner_year_idx" ON "inspections" USING btree ("owner_unit_id","year");--> statement-breakpoint
CREATE INDEX "inspections_unit_year_idx" ON "inspections" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "lagging_actions_unit_idx" ON "lagging_actions" USING btree ("unit_id","year");