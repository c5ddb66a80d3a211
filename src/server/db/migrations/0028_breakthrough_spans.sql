CREATE TABLE "breakthrough_done_spans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"content_id" bigint NOT NULL,
	"done_from" date NOT NULL,
	"done_until" date
);
--> statement-breakpoint
ALTER TABLE "breakthrough_contents" ADD COLUMN "counted_from" date;--> statement-breakpoint
ALTER TABLE "breakthrough_contents" ADD COLUMN "counted_until" date;--> statement-breakpoint
ALTER TABLE "breakthrough_done_spans" ADD CONSTRAINT "breakthrough_done_spans_content_id_breakthrough_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."breakthrough_contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breakthrough_done_spans_content_idx" ON "breakthrough_done_spans" USING btree ("content_id");--> statement-breakpoint
-- Contents written before these days were kept: counted from the day they were written (Vietnam's
-- calendar day, kept inside their year), until the day they were deleted; done from their completion
-- day until their deletion. A content reopened before this release left no span, as it counts no longer.
UPDATE "breakthrough_contents" SET
  "counted_from" = LEAST(GREATEST(("created_at" AT TIME ZONE 'UTC' + interval '7 hours')::date, make_date("year", 1, 1)), make_date("year", 12, 31)),
  "counted_until" = CASE WHEN "deleted_at" IS NOT NULL THEN LEAST(GREATEST(("deleted_at" AT TIME ZONE 'UTC' + interval '7 hours')::date, make_date("year", 1, 1)), make_date("year", 12, 31)) END;
--> statement-breakpoint
INSERT INTO "breakthrough_done_spans" ("content_id", "done_from", "done_until")
SELECT "id", "completed_on", CASE WHEN "deleted_at" IS NOT NULL THEN ("deleted_at" AT TIME ZONE 'UTC' + interval '7 hours')::date END
FROM "breakthrough_contents" WHERE "status" = 'done' AND "completed_on" IS NOT NULL;
