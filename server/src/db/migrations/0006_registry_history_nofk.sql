ALTER TABLE "registry_history" DROP CONSTRAINT "registry_history_agency_id_agencies_id_fk";
