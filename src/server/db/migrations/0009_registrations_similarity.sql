CREATE TABLE "registration_similarities" (
	"registration_id" bigint NOT NULL,
	"other_id" bigint NOT NULL,
	"similarity" real NOT NULL,
	CONSTRAINT "registration_similarities_registration_id_other_id_pk" PRIMARY KEY("registration_id","other_id")
);
--> statement-breakpoint
ALTER TABLE "registration_similarities" ADD CONSTRAINT "registration_similarities_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_similarities" ADD CONSTRAINT "registration_similarities_other_id_registrations_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_similarities_other_idx" ON "registration_similarities" USING btree ("other_id");