CREATE TABLE "registry_campaign_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"unit_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "registry_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "registry_corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"supervision_id" uuid NOT NULL,
	"entrustment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "registry_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"purpose" text NOT NULL,
	"count" integer NOT NULL,
	"recording_hours" text NOT NULL,
	"retention_days" integer NOT NULL,
	"managers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_id" uuid,
	"installed_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_entrustment_files" (
	"agency_id" uuid NOT NULL,
	"entrustment_id" uuid NOT NULL,
	"file_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_entrustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" integer NOT NULL,
	"vendor" text NOT NULL,
	"vendor_contact" text,
	"tasks" text NOT NULL,
	"contract_start" date,
	"contract_end" date,
	"is_public" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"clauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"terminated_on" date,
	"return_confirmed" boolean DEFAULT false NOT NULL,
	"deletion_confirmed" boolean DEFAULT false NOT NULL,
	"access_revoked" boolean DEFAULT false NOT NULL,
	"termination_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"entrustment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"name" text NOT NULL,
	"business_process" text,
	"unit_id" uuid NOT NULL,
	"custodian_unit_id" uuid,
	"access_request_unit_id" uuid,
	"managing_staff_name" text,
	"managing_staff_contact" text,
	"legal_basis_codes" text[] DEFAULT '{}' NOT NULL,
	"legal_basis_text" text,
	"purpose_codes" text[] DEFAULT '{}' NOT NULL,
	"purpose_text" text,
	"category_codes" text[] DEFAULT '{}' NOT NULL,
	"subject_categories" text[] DEFAULT '{}' NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"item_kinds" text[] DEFAULT '{}' NOT NULL,
	"has_sensitive" boolean DEFAULT false NOT NULL,
	"has_unique_identifier" boolean DEFAULT false NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"collection_methods" text[] DEFAULT '{}' NOT NULL,
	"processing_method" text NOT NULL,
	"file_types" text[] DEFAULT '{}' NOT NULL,
	"custody_method" text,
	"system_ids" uuid[] DEFAULT '{}' NOT NULL,
	"retention_period" text,
	"retention_years" integer,
	"retention_basis" text,
	"records_class_code" text,
	"destruction_method_code" text,
	"destruction_method" text,
	"subject_count" integer,
	"routine_recipients" text[] DEFAULT '{}' NOT NULL,
	"internal_users" text[] DEFAULT '{}' NOT NULL,
	"external_processors" text,
	"entrusted" boolean DEFAULT false NOT NULL,
	"entrustee_access" text,
	"security_measures" text[] DEFAULT '{}' NOT NULL,
	"notice_required" boolean,
	"is_public" boolean DEFAULT true NOT NULL,
	"exemption_reason" text,
	"registered_on" date,
	"published_on" date,
	"last_reviewed_on" date,
	"next_review_on" date,
	"notes" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"file_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"counterpart" text NOT NULL,
	"system_id" uuid,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "registry_local_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"catalogue_id" text NOT NULL,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_out_of_purpose_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"provision_id" uuid NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"recipient" text NOT NULL,
	"ground_code" text NOT NULL,
	"purpose" text NOT NULL,
	"items" text[] DEFAULT '{}' NOT NULL,
	"kind" text NOT NULL,
	"out_of_purpose" boolean NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provided_on" date
);
--> statement-breakpoint
CREATE TABLE "registry_provisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"file_id" uuid,
	"recipient" text NOT NULL,
	"legal_ground_code" text NOT NULL,
	"legal_ground_text" text,
	"items" text[] DEFAULT '{}' NOT NULL,
	"purpose" text NOT NULL,
	"retention_at_recipient" text,
	"method" text,
	"frequency" text,
	"kind" text NOT NULL,
	"out_of_purpose" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"provided_on" date,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"file_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"mean" numeric(4, 2) NOT NULL,
	"level" text NOT NULL,
	"assessed_on" date NOT NULL,
	"next_review_on" date,
	"assessor" uuid,
	"controls" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"entrustment_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"inspector" text NOT NULL,
	"findings" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"operator" text,
	"location" text,
	"entrusted" boolean DEFAULT false NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_vendor_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entrustment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"account_name" text,
	"joined_on" date,
	"departed_on" date,
	"account_locked_at" timestamp with time zone,
	"passwords_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_campaign_items" ADD CONSTRAINT "registry_campaign_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_campaign_items" ADD CONSTRAINT "registry_campaign_items_campaign_id_registry_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."registry_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_campaign_items" ADD CONSTRAINT "registry_campaign_items_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_campaigns" ADD CONSTRAINT "registry_campaigns_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_corrective_actions" ADD CONSTRAINT "registry_corrective_actions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_corrective_actions" ADD CONSTRAINT "registry_corrective_actions_supervision_id_registry_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."registry_supervisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_corrective_actions" ADD CONSTRAINT "registry_corrective_actions_entrustment_id_registry_entrustments_id_fk" FOREIGN KEY ("entrustment_id") REFERENCES "public"."registry_entrustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_devices" ADD CONSTRAINT "registry_devices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_devices" ADD CONSTRAINT "registry_devices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entrustment_files" ADD CONSTRAINT "registry_entrustment_files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entrustment_files" ADD CONSTRAINT "registry_entrustment_files_entrustment_id_registry_entrustments_id_fk" FOREIGN KEY ("entrustment_id") REFERENCES "public"."registry_entrustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entrustment_files" ADD CONSTRAINT "registry_entrustment_files_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entrustments" ADD CONSTRAINT "registry_entrustments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_evidence" ADD CONSTRAINT "registry_evidence_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_evidence" ADD CONSTRAINT "registry_evidence_entrustment_id_registry_entrustments_id_fk" FOREIGN KEY ("entrustment_id") REFERENCES "public"."registry_entrustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_evidence" ADD CONSTRAINT "registry_evidence_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_files" ADD CONSTRAINT "registry_files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_files" ADD CONSTRAINT "registry_files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_files" ADD CONSTRAINT "registry_files_custodian_unit_id_units_id_fk" FOREIGN KEY ("custodian_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_files" ADD CONSTRAINT "registry_files_access_request_unit_id_units_id_fk" FOREIGN KEY ("access_request_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_flows" ADD CONSTRAINT "registry_flows_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_flows" ADD CONSTRAINT "registry_flows_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_flows" ADD CONSTRAINT "registry_flows_system_id_registry_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."registry_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_history" ADD CONSTRAINT "registry_history_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_local_codes" ADD CONSTRAINT "registry_local_codes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_out_of_purpose_log" ADD CONSTRAINT "registry_out_of_purpose_log_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_out_of_purpose_log" ADD CONSTRAINT "registry_out_of_purpose_log_provision_id_registry_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."registry_provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_out_of_purpose_log" ADD CONSTRAINT "registry_out_of_purpose_log_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_provisions" ADD CONSTRAINT "registry_provisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_provisions" ADD CONSTRAINT "registry_provisions_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_risk_assessments" ADD CONSTRAINT "registry_risk_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_risk_assessments" ADD CONSTRAINT "registry_risk_assessments_file_id_registry_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."registry_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_supervisions" ADD CONSTRAINT "registry_supervisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_supervisions" ADD CONSTRAINT "registry_supervisions_entrustment_id_registry_entrustments_id_fk" FOREIGN KEY ("entrustment_id") REFERENCES "public"."registry_entrustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_vendor_staff" ADD CONSTRAINT "registry_vendor_staff_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_vendor_staff" ADD CONSTRAINT "registry_vendor_staff_entrustment_id_registry_entrustments_id_fk" FOREIGN KEY ("entrustment_id") REFERENCES "public"."registry_entrustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_campaign_items_file" ON "registry_campaign_items" USING btree ("campaign_id","file_id");--> statement-breakpoint
CREATE INDEX "registry_corrective_actions_due" ON "registry_corrective_actions" USING btree ("agency_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_entrustment_files_pk" ON "registry_entrustment_files" USING btree ("entrustment_id","file_id");--> statement-breakpoint
CREATE INDEX "registry_entrustment_files_file" ON "registry_entrustment_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "registry_entrustments_agency" ON "registry_entrustments" USING btree ("agency_id","seq");--> statement-breakpoint
CREATE INDEX "registry_evidence_entrustment" ON "registry_evidence" USING btree ("entrustment_id");--> statement-breakpoint
CREATE INDEX "registry_files_agency_unit" ON "registry_files" USING btree ("agency_id","unit_id");--> statement-breakpoint
CREATE INDEX "registry_files_agency_name" ON "registry_files" USING btree ("agency_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_files_unit_name" ON "registry_files" USING btree ("agency_id","unit_id","name");--> statement-breakpoint
CREATE INDEX "registry_flows_file" ON "registry_flows" USING btree ("agency_id","file_id");--> statement-breakpoint
CREATE INDEX "registry_history_entity" ON "registry_history" USING btree ("agency_id","entity_type","entity_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_local_codes_catalogue" ON "registry_local_codes" USING btree ("agency_id","catalogue_id");--> statement-breakpoint
CREATE INDEX "registry_oop_agency" ON "registry_out_of_purpose_log" USING btree ("agency_id","seq");--> statement-breakpoint
CREATE INDEX "registry_provisions_file" ON "registry_provisions" USING btree ("agency_id","file_id");--> statement-breakpoint
CREATE INDEX "registry_risk_file" ON "registry_risk_assessments" USING btree ("agency_id","file_id");--> statement-breakpoint
CREATE INDEX "registry_supervisions_entrustment" ON "registry_supervisions" USING btree ("entrustment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_systems_agency_name" ON "registry_systems" USING btree ("agency_id","name");--> statement-breakpoint
CREATE INDEX "registry_vendor_staff_entrustment" ON "registry_vendor_staff" USING btree ("entrustment_id");