import type { RegistryLists } from "@civicpims/core/registry/lists";
import type { Tx } from "../../db/client";
import type { Locale } from "../../i18n";
import { type AgencyInfo, agencyInfo, agencyLists, todayIn } from "./context";
import type { Actor } from "./history";

/** What the register's services need from a request: the transaction, the agency and the actor. */
export interface RegCtx {
  tx: Tx;
  agencyId: string;
  agency: AgencyInfo;
  lists: RegistryLists;
  today: string;
  locale: Locale;
  actor: Actor;
}

export async function regCtx(c: {
  tx: Tx;
  agencyId: string;
  locale: Locale;
  auth?: { staffId: string; username: string } | null;
}): Promise<RegCtx> {
  const agency = await agencyInfo(c.tx, c.agencyId);
  return {
    tx: c.tx,
    agencyId: c.agencyId,
    agency,
    lists: await agencyLists(c.tx, agency),
    today: todayIn(agency.timeZone),
    locale: c.locale,
    actor: { agencyId: c.agencyId, actorId: c.auth?.staffId ?? null, actorLabel: c.auth?.username ?? null },
  };
}
