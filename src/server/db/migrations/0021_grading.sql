CREATE TABLE "grading_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"grading_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"grade" text,
	"reason" text,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grading_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"valid_from_year" smallint NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grading_rules_valid_from_year_unique" UNIQUE("valid_from_year")
);
--> statement-breakpoint
CREATE TABLE "gradings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"person_id" bigint,
	"unit_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"rule_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"shortcomings" text DEFAULT '' NOT NULL,
	"remedies" text DEFAULT '' NOT NULL,
	"self_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"self_conditions" text[] DEFAULT '{}' NOT NULL,
	"self_grade" text,
	"self_total" numeric,
	"campaign_registration_id" bigint,
	"campaign_level" text,
	"scores" jsonb,
	"conditions" text[],
	"comment" text DEFAULT '' NOT NULL,
	"proposed_grade" text,
	"proposed_total" numeric,
	"proposed_reason" text,
	"grade" text,
	"override_reason" text,
	"votes" jsonb,
	"graded_by" bigint,
	"graded_at" timestamp with time zone,
	"decided_grade" text,
	"decision_note" text,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grading_events" ADD CONSTRAINT "grading_events_grading_id_gradings_id_fk" FOREIGN KEY ("grading_id") REFERENCES "public"."gradings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradings" ADD CONSTRAINT "gradings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradings" ADD CONSTRAINT "gradings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradings" ADD CONSTRAINT "gradings_rule_code_grading_rules_code_fk" FOREIGN KEY ("rule_code") REFERENCES "public"."grading_rules"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grading_events_grading_idx" ON "grading_events" USING btree ("grading_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "gradings_member_year_uq" ON "gradings" USING btree ("person_id","year") WHERE subject = 'member';--> statement-breakpoint
CREATE UNIQUE INDEX "gradings_collective_year_uq" ON "gradings" USING btree ("unit_id","year") WHERE subject = 'collective';--> statement-breakpoint
CREATE INDEX "gradings_unit_year_idx" ON "gradings" USING btree ("unit_id","year","subject");