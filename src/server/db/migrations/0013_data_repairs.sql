CREATE TABLE "data_repairs" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_rows" integer NOT NULL
);
