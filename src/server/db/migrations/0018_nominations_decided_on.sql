ALTER TABLE "nominations" ADD COLUMN "decided_on" date;--> statement-breakpoint
UPDATE "nominations" n SET "decided_on" = d."decided_on" FROM "commendation_decisions" d WHERE d."id" = n."decision_id";--> statement-breakpoint
DROP INDEX IF EXISTS "nominations_gallery_idx";--> statement-breakpoint
-- The gallery's pages, newest decision first, straight from the public rows.
CREATE INDEX IF NOT EXISTS "nominations_gallery_idx" ON "nominations" ("decided_on" DESC, "id" DESC) WHERE "is_public" AND "status" = 'commended';
