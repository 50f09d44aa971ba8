-- pg_trgm for similar-petition search (hand-added). In public, so per-schema test databases share it; queries
-- call public.similarity() / OPERATOR(public.%) explicitly.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
CREATE TABLE "petition_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"other_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group" text NOT NULL,
	"name_ko" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"period_days" integer,
	"period_hours" integer,
	"citation" text NOT NULL,
	"verify" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"title_enc" text NOT NULL,
	"personal_enc" text NOT NULL,
	"content_enc" text NOT NULL,
	"search_text" text NOT NULL,
	"petitioner_index" text NOT NULL,
	"email_index" text,
	"email_verified_at" timestamp with time zone,
	"locale" text NOT NULL,
	"access_code_hash" text,
	"guardian_id" uuid,
	"guardian_since" timestamp with time zone,
	"answer_summary_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "period_days" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "period_hours" integer;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_other_case_id_cases_id_fk" FOREIGN KEY ("other_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_types" ADD CONSTRAINT "petition_types_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_guardian_id_staff_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_links_pair" ON "petition_links" USING btree ("case_id","other_case_id");--> statement-breakpoint
CREATE INDEX "petition_links_other" ON "petition_links" USING btree ("other_case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_types_agency_code" ON "petition_types" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "petitions_agency_type" ON "petitions" USING btree ("agency_id","type_code");--> statement-breakpoint
CREATE INDEX "petitions_petitioner" ON "petitions" USING btree ("agency_id","petitioner_index");--> statement-breakpoint
CREATE INDEX "petitions_guardian" ON "petitions" USING btree ("agency_id","guardian_id");--> statement-breakpoint
CREATE INDEX "petitions_search_trgm" ON "petitions" USING gin ("search_text" public.gin_trgm_ops);