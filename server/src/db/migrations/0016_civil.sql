CREATE TABLE "civil_compensations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"description_enc" text NOT NULL,
	"loss_type" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"case_id" uuid,
	"unit_id" uuid,
	"payee_enc" text,
	"status" text DEFAULT 'recorded' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_on" date,
	"paid_by" uuid,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "civil_family_register_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filed_on" date NOT NULL,
	"reference" text,
	"applicant_enc" text,
	"notice_on" date,
	"notice_channel" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "civil_monitor_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"roster_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"summary_enc" text NOT NULL,
	"reward_amount" integer,
	"reward_currency" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "civil_roster" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"staff_id" uuid,
	"unit_id" uuid,
	"person_enc" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "civil_compensations" ADD CONSTRAINT "civil_compensations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_compensations" ADD CONSTRAINT "civil_compensations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_compensations" ADD CONSTRAINT "civil_compensations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_compensations" ADD CONSTRAINT "civil_compensations_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_compensations" ADD CONSTRAINT "civil_compensations_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_compensations" ADD CONSTRAINT "civil_compensations_paid_by_staff_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_family_register_filings" ADD CONSTRAINT "civil_family_register_filings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_family_register_filings" ADD CONSTRAINT "civil_family_register_filings_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_monitor_reports" ADD CONSTRAINT "civil_monitor_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_monitor_reports" ADD CONSTRAINT "civil_monitor_reports_roster_id_civil_roster_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."civil_roster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_monitor_reports" ADD CONSTRAINT "civil_monitor_reports_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_roster" ADD CONSTRAINT "civil_roster_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_roster" ADD CONSTRAINT "civil_roster_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_roster" ADD CONSTRAINT "civil_roster_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_roster" ADD CONSTRAINT "civil_roster_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "civil_compensations_agency_occurred" ON "civil_compensations" USING btree ("agency_id","occurred_on");--> statement-breakpoint
CREATE INDEX "civil_compensations_case" ON "civil_compensations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "civil_family_register_agency_filed" ON "civil_family_register_filings" USING btree ("agency_id","filed_on");--> statement-breakpoint
CREATE INDEX "civil_monitor_reports_roster" ON "civil_monitor_reports" USING btree ("roster_id");--> statement-breakpoint
CREATE INDEX "civil_roster_agency_role" ON "civil_roster" USING btree ("agency_id","role");