ALTER TABLE "feedback" ADD COLUMN "settled_on" date;--> statement-breakpoint
-- Items settled before the day was kept: the day of their answer (Vietnam's calendar day, as the
-- figures count it), or of their arrival if hidden, as countExistingOverdueFeedback counted them.
UPDATE "feedback" SET "settled_on" = ((CASE WHEN "status" = 'answered' AND "answered_at" IS NOT NULL THEN "answered_at" ELSE "created_at" END) AT TIME ZONE 'UTC' + interval '7 hours')::date WHERE "status" <> 'new';
