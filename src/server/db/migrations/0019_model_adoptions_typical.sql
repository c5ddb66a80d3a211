ALTER TABLE "model_adoptions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "model_adoptions" ADD COLUMN "created_by" bigint;--> statement-breakpoint
ALTER TABLE "model_adoptions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "model_adoptions_unit_idx" ON "model_adoptions" USING btree ("unit_id");--> statement-breakpoint
-- Typical examples sent up to the Centre are few among all nominations: a partial index lists them by year.
CREATE INDEX IF NOT EXISTS "nominations_typical_idx" ON "nominations" ("typical_year", "id") WHERE "typical_year" IS NOT NULL;
