CREATE TABLE "destruction_counters" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "destruction_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"subjects" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"destruction_record_id" uuid
);
--> statement-breakpoint
CREATE TABLE "destruction_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"number" text NOT NULL,
	"source" text NOT NULL,
	"own_kind" text,
	"unit_id" uuid,
	"file_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"item_count" integer NOT NULL,
	"subject_count" integer NOT NULL,
	"cutoff_on" date,
	"method_code" text,
	"reason" text,
	"requested_by" uuid,
	"submitted_at" timestamp with time zone,
	"assessment" text,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone,
	"holding_unit_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"executed_by" uuid,
	"witness" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "destruction_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"certificate_no" text NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"unit_id" uuid,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"subject_count" integer NOT NULL,
	"method_code" text NOT NULL,
	"destroyed_on" date NOT NULL,
	"executor_id" uuid,
	"approver_id" uuid,
	"witness" text,
	"reason" text,
	"ledger_seq" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "destruction_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"system_id" uuid,
	"provision_id" uuid,
	"target" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence_name" text,
	"evidence_mime" text,
	"evidence_data" "bytea",
	"evidence_wrapped_key" text,
	"note" text,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"legal_basis" text,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"storage_location" text,
	"review_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"released_by" uuid,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_id" uuid,
	"own_kind" text,
	"period_months" integer,
	"start_event" text NOT NULL,
	"start_on" date,
	"legal_basis" text NOT NULL,
	"records_class_code" text,
	"records_series_id" uuid,
	"method_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "destruction_counters" ADD CONSTRAINT "destruction_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plan_items" ADD CONSTRAINT "destruction_plan_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plan_items" ADD CONSTRAINT "destruction_plan_items_plan_id_destruction_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."destruction_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_assessed_by_staff_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_holding_unit_id_units_id_fk" FOREIGN KEY ("holding_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_plans" ADD CONSTRAINT "destruction_plans_executed_by_staff_id_fk" FOREIGN KEY ("executed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_records" ADD CONSTRAINT "destruction_records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_records" ADD CONSTRAINT "destruction_records_plan_id_destruction_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."destruction_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_records" ADD CONSTRAINT "destruction_records_executor_id_staff_id_fk" FOREIGN KEY ("executor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_records" ADD CONSTRAINT "destruction_records_approver_id_staff_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_tasks" ADD CONSTRAINT "destruction_tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_tasks" ADD CONSTRAINT "destruction_tasks_plan_id_destruction_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."destruction_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_tasks" ADD CONSTRAINT "destruction_tasks_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_tasks" ADD CONSTRAINT "destruction_tasks_done_by_staff_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_released_by_staff_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_records_series_id_record_series_id_fk" FOREIGN KEY ("records_series_id") REFERENCES "public"."record_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_counters_pk" ON "destruction_counters" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_items_target" ON "destruction_plan_items" USING btree ("agency_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "destruction_items_plan" ON "destruction_plan_items" USING btree ("plan_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_plans_number" ON "destruction_plans" USING btree ("agency_id","number");--> statement-breakpoint
CREATE INDEX "destruction_plans_status" ON "destruction_plans" USING btree ("agency_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_records_cert" ON "destruction_records" USING btree ("agency_id","certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_records_batch" ON "destruction_records" USING btree ("plan_id","batch_no");--> statement-breakpoint
CREATE INDEX "destruction_tasks_plan" ON "destruction_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "destruction_tasks_open" ON "destruction_tasks" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "retention_holds_target" ON "retention_holds" USING btree ("agency_id","target_type","target_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_rules_file" ON "retention_rules" USING btree ("agency_id","file_id") WHERE file_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_rules_own" ON "retention_rules" USING btree ("agency_id","own_kind") WHERE own_kind IS NOT NULL;