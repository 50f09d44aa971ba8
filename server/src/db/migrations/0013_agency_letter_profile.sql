ALTER TABLE "agencies" ADD COLUMN "head_title" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "head_name" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "appeal_body" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "doc_number_prefix" text;