CREATE TABLE "stored_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"visibility" text NOT NULL,
	"owner_type" text,
	"owner_id" bigint,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breakthrough_contents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_unit_id" bigint NOT NULL,
	"target" text NOT NULL,
	"deadline" date NOT NULL,
	"adopted_from_id" bigint,
	"status" text DEFAULT 'open' NOT NULL,
	"progress_percent" smallint DEFAULT 0 NOT NULL,
	"result" text,
	"completed_on" date,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "breakthrough_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"breakthrough_id" bigint NOT NULL,
	"reported_on" date NOT NULL,
	"progress_percent" smallint NOT NULL,
	"note" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_bases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "legal_bases_symbol_unique" UNIQUE("symbol")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"number_symbol" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"legal_basis_ids" bigint[] DEFAULT '{}' NOT NULL,
	"task_groups" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "study_topics" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ethics_standards" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"version_number" integer NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"superseded_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_signs" (
	"unit_id" bigint PRIMARY KEY NOT NULL,
	"posted_on" date NOT NULL,
	"location" text,
	"photo_file_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"made_up_on" date,
	CONSTRAINT "session_attendance_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "study_records" (
	"person_id" bigint NOT NULL,
	"year" smallint NOT NULL,
	"unit_id" bigint NOT NULL,
	"studied_on" date NOT NULL,
	"session_id" bigint NOT NULL,
	CONSTRAINT "study_records_person_id_year_pk" PRIMARY KEY("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"topic_id" bigint,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"is_online" boolean DEFAULT false NOT NULL,
	"has_campaign_item" boolean DEFAULT false NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakthrough_contents" ADD CONSTRAINT "breakthrough_contents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakthrough_contents" ADD CONSTRAINT "breakthrough_contents_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakthrough_updates" ADD CONSTRAINT "breakthrough_updates_breakthrough_id_breakthrough_contents_id_fk" FOREIGN KEY ("breakthrough_id") REFERENCES "public"."breakthrough_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_topics" ADD CONSTRAINT "study_topics_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ethics_standards" ADD CONSTRAINT "ethics_standards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_signs" ADD CONSTRAINT "standard_signs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_records" ADD CONSTRAINT "study_records_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_topic_id_study_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."study_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_owner_idx" ON "stored_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "breakthrough_contents_unit_idx" ON "breakthrough_contents" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "breakthrough_contents_adopted_idx" ON "breakthrough_contents" USING btree ("adopted_from_id");--> statement-breakpoint
CREATE INDEX "breakthrough_updates_parent_idx" ON "breakthrough_updates" USING btree ("breakthrough_id","reported_on");--> statement-breakpoint
CREATE INDEX "plans_unit_idx" ON "plans" USING btree ("unit_id","from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_number_key" ON "plans" USING btree ("unit_id","number_symbol");--> statement-breakpoint
CREATE INDEX "study_topics_unit_idx" ON "study_topics" USING btree ("unit_id","from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "ethics_standards_unit_version_key" ON "ethics_standards" USING btree ("unit_id","version_number");--> statement-breakpoint
CREATE INDEX "session_attendance_person_idx" ON "session_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "study_sessions_unit_idx" ON "study_sessions" USING btree ("unit_id","held_on");
