CREATE TABLE "commendation_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"form_code" text NOT NULL,
	"number_year" smallint NOT NULL,
	"number_value" integer NOT NULL,
	"number_symbol" text NOT NULL,
	"decided_on" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendation_forms" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_adoptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nomination_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"adopted_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nomination_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"at_unit_id" bigint,
	"reason" text,
	"snapshot" jsonb,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"subject_unit_id" bigint,
	"subject_person_id" bigint,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"registration_ids" bigint[] DEFAULT '{}' NOT NULL,
	"breakthrough_ids" bigint[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"at_unit_id" bigint,
	"decision_id" bigint,
	"first_submitted_on" date,
	"return_reason" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"typical_year" smallint,
	"typical_by_unit_id" bigint,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commendation_decisions" ADD CONSTRAINT "commendation_decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_decisions" ADD CONSTRAINT "commendation_decisions_form_code_commendation_forms_code_fk" FOREIGN KEY ("form_code") REFERENCES "public"."commendation_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_adoptions" ADD CONSTRAINT "model_adoptions_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_adoptions" ADD CONSTRAINT "model_adoptions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_at_unit_id_units_id_fk" FOREIGN KEY ("at_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_subject_unit_id_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_subject_person_id_persons_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_at_unit_id_units_id_fk" FOREIGN KEY ("at_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_typical_by_unit_id_units_id_fk" FOREIGN KEY ("typical_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_decisions_number_key" ON "commendation_decisions" USING btree ("unit_id","number_year","number_value");--> statement-breakpoint
CREATE INDEX "commendation_decisions_unit_idx" ON "commendation_decisions" USING btree ("unit_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "model_adoptions_key" ON "model_adoptions" USING btree ("nomination_id","unit_id");--> statement-breakpoint
CREATE INDEX "nomination_events_nomination_idx" ON "nomination_events" USING btree ("nomination_id","id");--> statement-breakpoint
CREATE INDEX "nominations_unit_idx" ON "nominations" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "nominations_at_unit_idx" ON "nominations" USING btree ("at_unit_id","status");--> statement-breakpoint
CREATE INDEX "nominations_decision_idx" ON "nominations" USING btree ("decision_id");