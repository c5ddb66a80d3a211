CREATE TABLE "document_number_counters" (
	"unit_id" bigint NOT NULL,
	"doc_type" text NOT NULL,
	"year" smallint NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_number_counters_unit_id_doc_type_year_pk" PRIMARY KEY("unit_id","doc_type","year")
);
--> statement-breakpoint
CREATE TABLE "report_answer_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"answer_id" bigint NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"snapshot" jsonb,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"manual_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figure_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"frozen_figures" jsonb,
	"submitted_at" timestamp with time zone,
	"first_submitted_on" date,
	"on_time" boolean,
	"number_value" integer,
	"number_symbol" text,
	"return_reason" text,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_recommendations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"answer_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"addressed_unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"position" smallint NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"due_on" date,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"deadline" date NOT NULL,
	"audience" text NOT NULL,
	"content" jsonb NOT NULL,
	"guidance" text,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_number_counters" ADD CONSTRAINT "document_number_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_answer_events" ADD CONSTRAINT "report_answer_events_answer_id_report_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."report_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_answers" ADD CONSTRAINT "report_answers_request_id_report_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."report_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_answers" ADD CONSTRAINT "report_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_recommendations" ADD CONSTRAINT "report_recommendations_answer_id_report_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."report_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_recommendations" ADD CONSTRAINT "report_recommendations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_recommendations" ADD CONSTRAINT "report_recommendations_addressed_unit_id_units_id_fk" FOREIGN KEY ("addressed_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_requests" ADD CONSTRAINT "report_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_answer_events_answer_idx" ON "report_answer_events" USING btree ("answer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_answers_request_unit_key" ON "report_answers" USING btree ("request_id","unit_id");--> statement-breakpoint
CREATE INDEX "report_answers_unit_idx" ON "report_answers" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "report_recommendations_answer_idx" ON "report_recommendations" USING btree ("answer_id","position");--> statement-breakpoint
CREATE INDEX "report_recommendations_addressed_idx" ON "report_recommendations" USING btree ("addressed_unit_id","status");--> statement-breakpoint
CREATE INDEX "report_requests_unit_idx" ON "report_requests" USING btree ("unit_id","period_to");--> statement-breakpoint
CREATE INDEX "report_templates_unit_idx" ON "report_templates" USING btree ("unit_id");