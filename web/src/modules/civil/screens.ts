export { RosterPage } from "../org/roster-page";
export { CompensationAnalysisPage, CompensationDetailPage, CompensationListPage } from "./compensation-pages";
export { FamilyRegisterPage } from "./family-register-page";
export { SurveyResultsPage } from "./survey-page";
