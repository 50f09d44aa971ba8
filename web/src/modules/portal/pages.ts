/**
 * The citizen portal's services, one line per page. A module that offers something to citizens adds
 * an entry here (and nothing else in the portal): the home page lists it, the router mounts it at
 * /portal/:agencyCode/<path>, and its code is loaded only when a citizen opens it. An entry without
 * `load` is shown as "coming soon" at its future address, so links made today keep working.
 */
import type { ComponentType } from "react";
// Titles of the request pages (listed on the home page before their code loads).
import "./requests/i18n";
import "./progress/i18n";
import "./archive/i18n";

export type Jurisdiction = "KR" | "TW";

export interface PortalPage {
  /** Stable id (also used in test ids and analytics-free anchors). */
  id: string;
  /** Path below /portal/:agencyCode/ (react-router pattern, no leading slash). */
  path: string;
  /** The module that owns the page (as in core and server). */
  module: string;
  /** i18n key of the title, or one key per jurisdiction when the law names the thing differently. */
  title: string | Record<Jurisdiction, string>;
  /** i18n key of the one-line description on the home page. */
  description: string;
  /** Lazily loaded page component; absent while the service is not built yet. */
  load?: () => Promise<{ default: ComponentType }>;
  /** Only for agencies of these jurisdictions (all when absent). */
  jurisdictions?: readonly Jurisdiction[];
  /** Extra routes under the page's path (e.g. "files/:id"), same component loader. */
  children?: readonly string[];
}

export const PORTAL_PAGES: PortalPage[] = [
  {
    id: "register-files",
    path: "files",
    module: "registry",
    title: { KR: "portal.service.registerFiles.KR", TW: "portal.service.registerFiles.TW" },
    description: "portal.service.registerFiles.desc",
    load: () => import("../registry/public/public-files-page"),
  },
  {
    id: "entrustments",
    path: "entrustments",
    module: "registry",
    title: "portal.service.entrustments.title",
    description: "portal.service.entrustments.desc",
    load: () => import("../registry/public/public-entrustments-page"),
  },
  {
    id: "requests",
    path: "requests",
    module: "requests",
    title: "portal.service.requests.title",
    description: "portal.service.requests.desc",
    load: () => import("./requests/request-form-page"),
  },
  {
    id: "request-status",
    path: "requests/status",
    module: "requests",
    title: "portalRequests.service.status.title",
    description: "portalRequests.service.status.desc",
    load: () => import("./requests/status-page"),
  },
  {
    id: "public-progress",
    path: "progress",
    module: "portal",
    title: "portalProgress.service.title",
    description: "portalProgress.service.desc",
    load: () => import("./progress/progress-page"),
  },
  {
    id: "petitions",
    path: "petitions",
    module: "petitions",
    title: "portal.service.petitions.title",
    description: "portal.service.petitions.desc",
    load: () => import("./petitions/petition-form-page"),
    // Petitions follow the Korean rule pack; TW has no 陳情 period with a citation yet.
    jurisdictions: ["KR"],
  },
  {
    id: "disclosure",
    path: "disclosure",
    module: "disclosure",
    title: "portal.service.disclosure.title",
    description: "portal.service.disclosure.desc",
    load: () => import("./disclosure/disclosure-form-page"),
  },
  {
    // Released documents of agencies that opted in (J1); the page says so when the agency has not.
    id: "archive",
    path: "archive",
    module: "disclosure",
    title: "portalArchive.service.title",
    description: "portalArchive.service.desc",
    load: () => import("./archive/archive-page"),
  },
];

export function pageTitleKey(p: PortalPage, jurisdiction: Jurisdiction): string {
  return typeof p.title === "string" ? p.title : p.title[jurisdiction];
}

export function pagesFor(jurisdiction: Jurisdiction): PortalPage[] {
  return PORTAL_PAGES.filter((p) => !p.jurisdictions || p.jurisdictions.includes(jurisdiction));
}
