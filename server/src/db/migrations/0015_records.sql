CREATE TABLE "record_inventory_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"checked_by" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"items" jsonb,
	"result" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"new_class" text,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"status" text DEFAULT 'proposed' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"classification_code" text,
	"retention_class" text NOT NULL,
	"medium_default" text NOT NULL,
	"custodian_unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"records_unit_id" uuid,
	"archive_name" text,
	"holding_years" integer DEFAULT 2 NOT NULL,
	"keep_at_unit" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"transferred_on" date NOT NULL,
	"destination" text NOT NULL,
	"archive_location" text NOT NULL,
	"record_ids" uuid[] NOT NULL,
	"transferred_by" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"ref_no" text NOT NULL,
	"title" text NOT NULL,
	"production_year" integer NOT NULL,
	"produced_on" date NOT NULL,
	"closed_on" date NOT NULL,
	"retention_class" text NOT NULL,
	"medium" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"location" text,
	"custodian_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"transferred_at" date,
	"archive_location" text,
	"left_on" date,
	"destruction_review_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_files" ADD COLUMN "records_series_id" uuid;--> statement-breakpoint
ALTER TABLE "record_inventory_checks" ADD CONSTRAINT "record_inventory_checks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_inventory_checks" ADD CONSTRAINT "record_inventory_checks_checked_by_staff_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reviews" ADD CONSTRAINT "record_reviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reviews" ADD CONSTRAINT "record_reviews_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reviews" ADD CONSTRAINT "record_reviews_proposed_by_staff_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reviews" ADD CONSTRAINT "record_reviews_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_series" ADD CONSTRAINT "record_series_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_series" ADD CONSTRAINT "record_series_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_series" ADD CONSTRAINT "record_series_custodian_unit_id_units_id_fk" FOREIGN KEY ("custodian_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_settings" ADD CONSTRAINT "record_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_settings" ADD CONSTRAINT "record_settings_records_unit_id_units_id_fk" FOREIGN KEY ("records_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_transfers" ADD CONSTRAINT "record_transfers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_transfers" ADD CONSTRAINT "record_transfers_transferred_by_staff_id_fk" FOREIGN KEY ("transferred_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_series_id_record_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."record_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_custodian_unit_id_units_id_fk" FOREIGN KEY ("custodian_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_reviews_record" ON "record_reviews" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_reviews_open" ON "record_reviews" USING btree ("record_id") WHERE status = 'proposed';--> statement-breakpoint
CREATE UNIQUE INDEX "record_series_code" ON "record_series" USING btree ("agency_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "records_ref_no" ON "records" USING btree ("agency_id","ref_no");--> statement-breakpoint
CREATE INDEX "records_series" ON "records" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "records_agency_status" ON "records" USING btree ("agency_id","status","closed_on");--> statement-breakpoint
ALTER TABLE "registry_files" ADD CONSTRAINT "registry_files_records_series_id_record_series_id_fk" FOREIGN KEY ("records_series_id") REFERENCES "public"."record_series"("id") ON DELETE no action ON UPDATE no action;