// The jobs an upload worker runs (kind -> handler). Modules are imported on first use, so a worker starts
// fast and loads exceljs or mupdf only when a job needs them.
import type { RedactJob, ScanJob } from "../modules/pii/jobs";
import type { ReleaseJob } from "../modules/redaction/jobs";

const pii = () => import("../modules/pii/jobs");

export const handlers = {
  "registry.readSheet": async (i: { buf: Uint8Array }) =>
    (await import("../modules/registry/xlsx-read")).readRegisterSheet(i.buf),
  "pii.scan": async (i: ScanJob) => (await pii()).scanJob(i),
  "pii.redact": async (i: RedactJob) => (await pii()).redactJob(i),
  "pii.drift": async (i: ScanJob) => (await pii()).driftJob(i),
  "pii.pdfCount": async (i: { data: Uint8Array }) => (await pii()).pdfCountJob(i),
  "pii.pdfPages": async (i: { data: Uint8Array }) => (await pii()).pdfPagesJob(i),
  "pii.pdfRender": async (i: { data: Uint8Array; page: number }) => (await pii()).pdfRenderJob(i),
  "redaction.release": async (i: ReleaseJob) => (await import("../modules/redaction/jobs")).releaseJob(i),
  "text.scan": async (i: { data: Uint8Array }) => (await pii()).textScanJob(i),
};

export type Handlers = typeof handlers;
