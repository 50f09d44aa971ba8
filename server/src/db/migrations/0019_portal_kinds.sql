CREATE TABLE "case_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"speed" integer NOT NULL,
	"kindness" integer NOT NULL,
	"clarity" integer NOT NULL,
	"overall" integer NOT NULL,
	"comment_enc" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_surveys_scores" CHECK ("case_surveys"."speed" BETWEEN 1 AND 5 AND "case_surveys"."kindness" BETWEEN 1 AND 5 AND "case_surveys"."clarity" BETWEEN 1 AND 5 AND "case_surveys"."overall" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "access_code_hash" text;--> statement-breakpoint
ALTER TABLE "portal_submissions" ADD COLUMN "kind" text DEFAULT 'rights_request' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_surveys" ADD CONSTRAINT "case_surveys_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_surveys" ADD CONSTRAINT "case_surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_surveys" ADD CONSTRAINT "case_surveys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_surveys_case" ON "case_surveys" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_surveys_agency_answered" ON "case_surveys" USING btree ("agency_id","answered_at");--> statement-breakpoint
-- The access code of every kind lives on the case row now: copy the existing hashes before dropping the old column.
UPDATE "cases" SET "access_code_hash" = r."access_code_hash" FROM "rights_requests" r WHERE r."case_id" = "cases"."id" AND r."access_code_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "rights_requests" DROP COLUMN "access_code_hash";