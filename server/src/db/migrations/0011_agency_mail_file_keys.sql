ALTER TABLE "case_attachments" ADD COLUMN "wrapped_key" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "mail_from" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "public_url" text;--> statement-breakpoint
ALTER TABLE "registry_evidence" ADD COLUMN "wrapped_key" text;