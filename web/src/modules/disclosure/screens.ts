// The staff screens of information disclosure, loaded together on first use (one chunk).

export { ArchivePage } from "./archive-page";
export { DisclosureDetailPage } from "./detail-page";
export { DisclosureListPage } from "./list-page";
export { NewDisclosurePage } from "./new-page";
