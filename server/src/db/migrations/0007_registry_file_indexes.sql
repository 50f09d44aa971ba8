DROP INDEX "registry_files_agency_unit";--> statement-breakpoint
DROP INDEX "registry_files_agency_name";