import { OPEN_STATES } from "@civicpims/core/cases/index";
import { and, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { agencies, caseReminderSettings, caseRemindersSent, cases, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { type Locale, t } from "../../i18n";
import { appendLedger } from "../audit/ledger.service";
import { agencyPublicUrl } from "../letters/agency-mail";
import { addEvent } from "./case.service";
import { caseComms } from "./comms";

export const DEFAULT_REMINDER_OFFSETS = [72, 24];

export async function reminderOffsets(tx: Tx, agencyId: string): Promise<number[]> {
  const [r] = await tx.select().from(caseReminderSettings).where(eq(caseReminderSettings.agencyId, agencyId));
  return r?.offsetsHours ?? DEFAULT_REMINDER_OFFSETS;
}

const RUNNING = OPEN_STATES.filter((s) => s !== "waiting_requester") as Array<
  typeof cases.$inferSelect.state
>;

const SUBJECT: Record<Locale, (n: string, h: number) => string> = {
  ko: (n, h) => `[처리기한 알림] ${n} — ${h}시간 이내 기한 도래`,
  "zh-TW": (n, h) => `[期限提醒] ${n} — ${h} 小時內到期`,
  en: (n, h) => `[Deadline reminder] ${n} — due within ${h} hours`,
};

/**
 * The reminder job: for every open, running case whose due date is within one of the agency's reminder
 * points and that has not had that reminder for that due date yet, queue an e-mail to the assignee
 * through the letters/outbox seam. Idempotent (case_reminders_sent); safe to run every few minutes on
 * every instance. The message names the case number and the due date only: no personal data.
 */
export async function runReminders(
  deps: AppDeps,
  now = new Date(),
  agencyId?: string,
): Promise<{ queued: number; skipped: number }> {
  let queued = 0;
  let skipped = 0;
  await deps.database.db.transaction(async (tx) => {
    const agencyRows = await tx
      .select({ id: agencies.id, locale: agencies.defaultLocale, timeZone: agencies.timeZone })
      .from(agencies)
      .where(agencyId ? eq(agencies.id, agencyId) : sql`true`);
    const ledger: Parameters<typeof appendLedger>[1] = [];
    for (const a of agencyRows) {
      const offsets = [...(await reminderOffsets(tx, a.id))].sort((x, y) => y - x);
      if (!offsets.length) continue;
      const horizon = new Date(now.getTime() + offsets[0] * 3_600_000);
      const due = await tx
        .select({ c: cases, email: staff.email, locale: staff.locale })
        .from(cases)
        .leftJoin(staff, eq(staff.id, cases.assigneeId))
        .where(
          and(
            eq(cases.agencyId, a.id),
            inArray(cases.state, RUNNING),
            gt(cases.dueAt, now),
            lte(cases.dueAt, horizon),
            isNotNull(cases.assigneeId),
          ),
        );
      for (const { c, email, locale } of due) {
        const hoursLeft = (c.dueAt.getTime() - now.getTime()) / 3_600_000;
        // The tightest point already reached: one message per point, never a burst of all of them.
        const point = offsets.filter((o) => hoursLeft <= o).sort((x, y) => x - y)[0];
        if (point === undefined) continue;
        const ins = await tx
          .insert(caseRemindersSent)
          .values({ agencyId: a.id, caseId: c.id, offsetHours: point, dueAt: c.dueAt, sentAt: now })
          .onConflictDoNothing()
          .returning({ caseId: caseRemindersSent.caseId });
        if (!ins.length) continue;
        if (!email) {
          skipped++;
          continue;
        }
        const loc = (locale ?? a.locale) as Locale;
        const dueLocal = new Intl.DateTimeFormat(loc, {
          timeZone: a.timeZone,
          dateStyle: "medium",
          timeStyle: "short",
        }).format(c.dueAt);
        await caseComms().sendMail(tx, deps, {
          agencyId: a.id,
          caseId: c.id,
          kind: "reminder",
          to: email,
          locale: loc,
          subject: SUBJECT[loc](c.number, point),
          text: `${SUBJECT[loc](c.number, point)}\n${t(loc, "cases.reminder.due", { defaultValue: "Due" })}: ${dueLocal}\n${await agencyPublicUrl(tx, deps.config, a.id)}/cases/${c.id}`,
        });
        await addEvent(tx, c, {
          type: "reminder",
          actor: { id: null, label: "system" },
          details: { offsetHours: point, dueAt: c.dueAt.toISOString() },
          at: now,
        });
        ledger.push({
          action: "cases.reminder.queue",
          agencyId: a.id,
          actorLabel: "system:reminders",
          resourceType: "case",
          resourceId: c.id,
          details: { number: c.number, offsetHours: point },
        });
        queued++;
      }
    }
    if (ledger.length) await appendLedger(tx, ledger, deps.ledger);
  });
  return { queued, skipped };
}
