CREATE TABLE "pii_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"scan_status" text NOT NULL,
	"scan_reason" text,
	"encoding" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finding_count" integer DEFAULT 0 NOT NULL,
	"truncated" boolean DEFAULT false NOT NULL,
	"regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"original_enc" "bytea",
	"key_wrapped" text,
	"retain_until" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pii_drift_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"sample_name" text NOT NULL,
	"scan_status" text NOT NULL,
	"found" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"undeclared_unique" text[] DEFAULT '{}' NOT NULL,
	"undeclared_other" text[] DEFAULT '{}' NOT NULL,
	"undeclared_sensitive" text[] DEFAULT '{}' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pii_false_positives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"type" text NOT NULL,
	"hash" text NOT NULL,
	"preview" text NOT NULL,
	"document_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pii_publication_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"resource_key" text DEFAULT '' NOT NULL,
	"content_hash" text NOT NULL,
	"status" text NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scan_status" text DEFAULT 'ok' NOT NULL,
	"override_reason" text,
	"overridden_by" uuid,
	"overridden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pii_documents" ADD CONSTRAINT "pii_documents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_drift_checks" ADD CONSTRAINT "pii_drift_checks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_drift_checks" ADD CONSTRAINT "pii_drift_checks_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_false_positives" ADD CONSTRAINT "pii_false_positives_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_publication_checks" ADD CONSTRAINT "pii_publication_checks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pii_documents_agency_created" ON "pii_documents" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "pii_documents_retain" ON "pii_documents" USING btree ("retain_until");--> statement-breakpoint
CREATE INDEX "pii_drift_checks_agency_file" ON "pii_drift_checks" USING btree ("agency_id","file_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pii_false_positives_agency_hash" ON "pii_false_positives" USING btree ("agency_id","hash");--> statement-breakpoint
CREATE UNIQUE INDEX "pii_publication_checks_key" ON "pii_publication_checks" USING btree ("agency_id","kind","resource_key","content_hash");