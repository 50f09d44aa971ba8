ALTER TABLE "petition_types" ADD COLUMN "online" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_types" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "petitions" DROP COLUMN "access_code_hash";--> statement-breakpoint
-- Existing catalogues: counter items and certificates are not filed online; the demo codes get their
-- seed-003 table column (core/src/petitions defaultCategory).
UPDATE "petition_types" SET "online" = false WHERE "group" IN ('certificate', 'instant');--> statement-breakpoint
UPDATE "petition_types" SET "category" = CASE "code"
  WHEN 'permit' THEN 'permit' WHEN 'license' THEN 'licence' WHEN 'approval' THEN 'approval'
  WHEN 'registration' THEN 'report_registration' WHEN 'grievance' THEN 'complaint_objection'
  WHEN 'proposal' THEN 'proposal_other' WHEN 'inspection' THEN 'inspection' END
WHERE "group" = 'statutory';--> statement-breakpoint
UPDATE "petition_types" SET "category" = substr("code", 6) WHERE "group" = 'life_report' AND "code" LIKE 'life\_%';
