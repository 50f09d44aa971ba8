import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { generateSync } from "otplib";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

/** Set by scripts/e2e.mjs: the server under test and the demo administrator. */
export const env = {
  baseUrl: process.env.BASE_URL ?? "http://127.0.0.1:3000",
  agency: process.env.E2E_AGENCY ?? "hanbit-city",
  username: process.env.E2E_USERNAME ?? "admin",
  password: process.env.E2E_PASSWORD ?? "",
  chromium: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
};

/** Debian's chromium, never a downloaded browser; a fresh profile directory per run. */
export async function launch(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "civicpims-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.chromium,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    viewport: { width: 1280, height: 900 },
    // An English browser: the Korean screens must come from the agency, not the browser.
    locale: "en-US",
    timezoneId: "Asia/Seoul",
    acceptDownloads: false,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      // Chromium may still be letting go of its lock files for a moment after close.
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

export const TOTP_PERIOD_MS = 30_000;
export function totpStep(now = Date.now()): number {
  return Math.floor(now / TOTP_PERIOD_MS);
}

/** The current 6-digit code for a base32 secret (RFC 6238, SHA-1, 30 s), as an authenticator app shows it. */
export function totp(secret: string): string {
  return generateSync({ secret: secret.replace(/\s+/g, "") });
}

/** Waits until the TOTP time step differs from `used`, because the server refuses a replayed step. */
export async function nextStepAfter(used: number): Promise<void> {
  while (totpStep() <= used) await new Promise((r) => setTimeout(r, 500));
}

/** Collects page errors and console errors (CSP violations show up there) for a final assertion. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = m.text();
    // Expected 4xx answers (the session probe before sign-in, a rejected form) are logged by the
    // browser as failed loads; the tests assert those statuses themselves.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return errors;
}

/**
 * The steps of one browser flow build on each other: after the first failure the rest are skipped
 * (not piled up as follow-on failures), and `onFailure` captures the screens for the report.
 */
export function flowSteps(onFailure: () => Promise<unknown> | unknown) {
  let failed: string | null = null;
  return function step(name: string, fn: () => Promise<void> | void): void {
    test(name, async (t) => {
      if (failed) return t.skip(`after failure of: ${failed}`);
      try {
        await fn();
      } catch (e) {
        failed = name;
        await Promise.resolve()
          .then(onFailure)
          .catch(() => undefined);
        throw e;
      }
    });
  };
}

/** Where the authenticator secrets enrolled in this run are kept (TMPDIR is the run's own directory). */
const secretsFile = () => join(tmpdir(), "civicpims-e2e-totp.json");
type Secrets = Record<string, { secret: string; step: number }>;
function readSecrets(): Secrets {
  return existsSync(secretsFile()) ? (JSON.parse(readFileSync(secretsFile(), "utf8")) as Secrets) : {};
}

/** The labels of the sign-in screens, `auth` of web/src/i18n/<lang>.json. */
interface AuthLabels {
  enrol: { confirm: string; codesTitle: string; continue: string };
  mfa: { submit: string };
}

/**
 * After the password step: enrols the authenticator on first use, or answers the second-factor prompt
 * with the secret an earlier e2e file of the same run enrolled (files run one after another and share
 * demo accounts). The step used is remembered, because the server refuses a replayed step.
 */
export async function passSecondFactor(page: Page, key: string, auth: AuthLabels): Promise<void> {
  await page.waitForURL(/\/login\/(enrol|mfa)$|\/$/);
  const secrets = readSecrets();
  if (page.url().endsWith("/login/enrol")) {
    const secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s+/g, "");
    const step = totpStep();
    await page.locator('input[name="code"]').fill(totp(secret));
    await page.getByRole("button", { name: auth.enrol.confirm }).click();
    await page.getByRole("heading", { name: auth.enrol.codesTitle }).waitFor();
    await page.locator('input[name="saved"]').check();
    await page.getByRole("button", { name: auth.enrol.continue }).click();
    writeFileSync(secretsFile(), JSON.stringify({ ...secrets, [key]: { secret, step } }));
  } else if (page.url().endsWith("/login/mfa")) {
    const known = secrets[key];
    if (!known) throw new Error(`${key} was enrolled outside this run's e2e files: no secret to answer with`);
    await nextStepAfter(known.step);
    const step = totpStep();
    await page.locator('input[name="code"]').fill(totp(known.secret));
    await page.getByRole("button", { name: auth.mfa.submit }).click();
    writeFileSync(secretsFile(), JSON.stringify({ ...secrets, [key]: { secret: known.secret, step } }));
  }
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A form control by its label. With `mark` (the "required" mark of the form's language) the label must match
 * exactly, with or without " (mark)"; without it, the label only has to start with the text.
 */
export function labelled(scope: Page | Locator, label: string, mark?: string): Locator {
  return scope.getByLabel(
    new RegExp(
      mark === undefined ? `^${escapeRe(label)}` : `^${escapeRe(label)}( \\(${escapeRe(mark)}\\))?$`,
    ),
  );
}

/** The newest portal code e-mailed to `to`, read from the outbox through a signed-in staff page. */
export async function mailedCode(staff: Page, to: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const code = await staff.evaluate(async (addr) => {
      const list = (await (await fetch("/api/letters/outbox?pageSize=50")).json()) as {
        items: Array<{ id: string; purpose: string }>;
      };
      for (const m of list.items.filter((x) => x.purpose === "portal_code")) {
        const d = (await (await fetch(`/api/letters/outbox/${m.id}`)).json()) as { to: string; text: string };
        if (d.to === addr) return /\b(\d{6})\b/.exec(d.text)?.[1] ?? null;
      }
      return null;
    }, to);
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code mailed to ${to}`);
}
