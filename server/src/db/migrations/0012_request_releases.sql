CREATE TABLE "request_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"third_party_findings" integer DEFAULT 0 NOT NULL,
	"confirm_reason" text,
	"released_by" uuid,
	"released_by_label" text,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_releases" ADD CONSTRAINT "request_releases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_releases" ADD CONSTRAINT "request_releases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_releases" ADD CONSTRAINT "request_releases_attachment_id_case_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_releases" ADD CONSTRAINT "request_releases_released_by_staff_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_releases_attachment" ON "request_releases" USING btree ("attachment_id");--> statement-breakpoint
CREATE INDEX "request_releases_case" ON "request_releases" USING btree ("case_id");