-- The public gallery reads only commended nominations a committee made public: partial indexes
-- keep its search (pg_trgm, diacritics folded in search_text) and its listing small.
CREATE INDEX IF NOT EXISTS "nominations_gallery_trgm" ON "nominations" USING gin ("search_text" gin_trgm_ops) WHERE "is_public" AND "status" = 'commended';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "nominations_gallery_idx" ON "nominations" ("decision_id") WHERE "is_public" AND "status" = 'commended';
