import { useTranslation } from "react-i18next";
import { useSession } from "../session";
import { dateStatus, dateStatusText, type Translate, todayInZone } from "./date-status-text";
import "./i18n";

const CLASS = {
  overdue: "badge badge-failed",
  today: "badge badge-denied",
  soon: "badge badge-denied",
  ok: "",
};

/**
 * A date to meet, with a badge saying how it stands: red "overdue by N days", amber "due in N days"
 * (within `soonDays`), nothing when fine. `today` is the agency's date (the dashboard sends it); by
 * default it is computed on the agency's clock.
 */
export function DateStatus({
  due,
  today,
  soonDays = 30,
  showDate = true,
}: {
  due: string | null | undefined;
  today?: string;
  soonDays?: number;
  showDate?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  if (!due) return null;
  const zone = session?.agency.timeZone ?? "UTC";
  const day = today ?? todayInZone(zone);
  const s = dateStatus(due, day, soonDays);
  const text = dateStatusText(t as unknown as Translate, due, day, soonDays);
  const shown = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
    Date.parse(`${due}T00:00:00Z`),
  );
  return (
    <span className="nowrap date-status" data-status={s.kind}>
      {showDate && <time dateTime={due}>{shown}</time>}
      {text && (
        <>
          {showDate && " "}
          <span className={CLASS[s.kind]} data-testid="date-status">
            {text}
          </span>
        </>
      )}
    </span>
  );
}
