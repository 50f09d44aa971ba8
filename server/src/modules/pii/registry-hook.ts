/**
 * What the publication guard reads of one entry of the register's public file list: the free-text
 * fields staff type. Unit names and office phone numbers are published on purpose and are left out.
 */
export interface PublicFileLike {
  id: string;
  name: string;
  legalBasis: { text: string | null };
  purpose: string | null;
  items: string[];
  subjectCategories: string[];
  retentionPeriod: string | null;
  recipients: string[];
}

export function publicFileGuardText(e: PublicFileLike): { key: string; text: string } {
  const parts = [
    e.name,
    e.legalBasis.text ?? "",
    e.purpose ?? "",
    ...e.items,
    ...e.subjectCategories,
    e.retentionPeriod ?? "",
    ...e.recipients,
  ];
  return { key: e.id, text: parts.filter(Boolean).join("\n") };
}

export const REGISTRY_PUBLIC_FILE = "registry.public_file";

/** What the guard reads of one entry of the public entrustment list (B7): everything it publishes. */
export interface PublicEntrustmentLike {
  id: string;
  tasks: string;
  vendor: string;
}

export function publicEntrustmentGuardText(e: PublicEntrustmentLike): { key: string; text: string } {
  return { key: e.id, text: [e.tasks, e.vendor].filter(Boolean).join("\n") };
}

export const REGISTRY_PUBLIC_ENTRUSTMENT = "registry.public_entrustment";
