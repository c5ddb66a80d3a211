-- Batch rows become gzip-compressed JSON. Unapplied previews are dropped (the user uploads the
-- file again); applied batches keep their summary, and their rows are never read again.
DELETE FROM "import_batches" WHERE "applied_at" IS NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ALTER COLUMN "rows" SET DATA TYPE bytea USING ''::bytea;
