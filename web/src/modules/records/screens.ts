export { RecordFormPage, RecordsSettingsPage, TransferHistoryPage } from "./record-forms";
export { RecordDetailPage, RecordListPage, SeriesPage } from "./records-pages";
export { HoldingsPage, InventoryPage, ReviewsPage, TransferDuePage } from "./schedule-pages";
