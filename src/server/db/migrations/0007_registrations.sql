CREATE TABLE "registration_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" bigint NOT NULL,
	"position" smallint NOT NULL,
	"area" text NOT NULL,
	"content" text NOT NULL,
	"measurable_result" text DEFAULT '' NOT NULL,
	"deadline" date,
	"link_kind" text,
	"link_id" bigint,
	"link_index" smallint,
	"progress_percent" smallint DEFAULT 0 NOT NULL,
	"self_level" text,
	"self_note" text
);
--> statement-breakpoint
CREATE TABLE "registration_check_ins" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" bigint NOT NULL,
	"action_id" bigint NOT NULL,
	"checked_on" date NOT NULL,
	"progress_percent" smallint NOT NULL,
	"note" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" bigint,
	"actor_name" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "registration_windows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"topic_id" bigint,
	"breakthrough_ids" bigint[] DEFAULT '{}' NOT NULL,
	"guidance" text,
	"reminded_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"unit_id" bigint NOT NULL,
	"person_id" bigint,
	"window_id" bigint,
	"supplement_of_id" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"shortcomings" text DEFAULT '' NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"last_check_in_at" timestamp with time zone,
	"self_level" text,
	"self_explanation" text,
	"review_level" text,
	"review_comment" text,
	"reviewed_by" bigint,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"registration_id" bigint,
	"sender_name" text,
	"sender_contact" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"hidden_reason" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" bigint,
	"due_on" date NOT NULL,
	"sender_hash" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "registration_actions" ADD CONSTRAINT "registration_actions_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_check_ins" ADD CONSTRAINT "registration_check_ins_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_check_ins" ADD CONSTRAINT "registration_check_ins_action_id_registration_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."registration_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_windows" ADD CONSTRAINT "registration_windows_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_windows" ADD CONSTRAINT "registration_windows_topic_id_study_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."study_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_window_id_registration_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."registration_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_actions_parent_idx" ON "registration_actions" USING btree ("registration_id","position");--> statement-breakpoint
CREATE INDEX "registration_check_ins_parent_idx" ON "registration_check_ins" USING btree ("registration_id","checked_on");--> statement-breakpoint
CREATE INDEX "registration_events_parent_idx" ON "registration_events" USING btree ("registration_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_windows_unit_year_key" ON "registration_windows" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "registrations_unit_idx" ON "registrations" USING btree ("unit_id","year","status");--> statement-breakpoint
CREATE INDEX "registrations_person_idx" ON "registrations" USING btree ("person_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_individual_key" ON "registrations" USING btree ("person_id","year") WHERE kind = 'individual';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_collective_key" ON "registrations" USING btree ("unit_id","year") WHERE kind = 'collective';--> statement-breakpoint
CREATE INDEX "feedback_unit_idx" ON "feedback" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE INDEX "feedback_sender_idx" ON "feedback" USING btree ("sender_hash","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
-- Near-duplicate registrations (copy-paste commitments) are found by trigram similarity of their folded text.
CREATE INDEX "registrations_search_trgm_idx" ON "registrations" USING gin ("search_text" gin_trgm_ops);
