CREATE TABLE "person_category_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"changed_on" date NOT NULL,
	"from_category" text NOT NULL,
	"to_category" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_category_changes" ADD CONSTRAINT "person_category_changes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_category_changes_person_idx" ON "person_category_changes" USING btree ("person_id","changed_on");