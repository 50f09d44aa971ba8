// Every staff screen of the register, loaded as one chunk the first time a /registry address opens.
import "./i18n";
import "./registry.css";

export { CampaignDetailPage, CampaignsPage } from "./campaigns-page";
export { RegistryDashboardPage } from "./dashboard-page";
export { DevicesPage } from "./devices-page";
export { EntrustmentDetailPage } from "./entrustment-detail-page";
export { EntrustmentsPage } from "./entrustments-page";
export { FileDetailPage } from "./file-detail-page";
export { FileFormPage } from "./file-form-page";
export { FilesPage } from "./files-page";
export { ProvisionsPage } from "./provisions-page";
export { SubjectSearchPage } from "./subject-search-page";
export { SystemsPage } from "./systems-page";
export { XlsxPage } from "./xlsx-page";
