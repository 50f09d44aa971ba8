export type MailStatus = "pending" | "sent" | "failed";

export interface OutboxItem {
  id: string;
  caseId: string | null;
  purpose: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  attachments: { filename: string; size: number }[];
}

export interface OutboxPage {
  smtpConfigured: boolean;
  maxAttempts: number;
  total: number;
  page: number;
  pageSize: number;
  items: OutboxItem[];
}

export interface OutboxMail extends Omit<OutboxItem, "attachments"> {
  from: string;
  text: string;
  html: string | null;
  messageId: string | null;
  attachments: { id: string; filename: string; size: number }[];
}

export interface LetterMeta {
  id: string;
  caseId: string | null;
  kind: string;
  locale: string;
  number: string;
  title: string;
  sha256: string;
  size: number;
  createdAt: string;
}

export interface LetterKinds {
  jurisdiction: "KR" | "TW";
  defaultLocale: string;
  kinds: string[];
  locales: string[];
}
