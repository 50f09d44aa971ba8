// The staff screens of rights requests, loaded together on first use (one chunk).
export { RequestDetailPage } from "./detail-page";
export { RequestListPage } from "./list-page";
export { NewRequestPage } from "./new-request-page";
export { OverduePage } from "./overdue-page";
export { StatsPage } from "./stats-page";
