CREATE TABLE "disclosure_released_files" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"redaction_id" uuid,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" uuid,
	CONSTRAINT "disclosure_released_files_case_id_attachment_id_pk" PRIMARY KEY("case_id","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"personal_enc" text NOT NULL,
	"requester_index" text NOT NULL,
	"email_index" text,
	"email_verified_at" timestamp with time zone,
	"locale" text NOT NULL,
	"methods" text[] NOT NULL,
	"receipt" text NOT NULL,
	"item_count" integer,
	"access_code_hash" text,
	"fee_waiver_requested" boolean DEFAULT false NOT NULL,
	"fee_currency" text,
	"fee_lines" jsonb,
	"fee_total" integer,
	"fee_waived" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"grounds" text[] DEFAULT '{}' NOT NULL,
	"decision_note_enc" text,
	"transfer_target" text,
	"objection_at" timestamp with time zone,
	"objection_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_third_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"personal_enc" text NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"opinion" text,
	"opinion_note_enc" text,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_released_files" ADD CONSTRAINT "disclosure_released_files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_released_files" ADD CONSTRAINT "disclosure_released_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_released_files" ADD CONSTRAINT "disclosure_released_files_attachment_id_case_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_third_parties" ADD CONSTRAINT "disclosure_third_parties_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_third_parties" ADD CONSTRAINT "disclosure_third_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_requests_agency_requester" ON "disclosure_requests" USING btree ("agency_id","requester_index");--> statement-breakpoint
CREATE INDEX "disclosure_requests_agency_outcome" ON "disclosure_requests" USING btree ("agency_id","outcome");--> statement-breakpoint
CREATE INDEX "disclosure_third_parties_case" ON "disclosure_third_parties" USING btree ("case_id");