import { eq } from "drizzle-orm";
import addressparser from "nodemailer/lib/addressparser";
import type { Config } from "../../config";
import type { Queryable } from "../../db/client";
import { agencies } from "../../db/schema";

// Who a mail is from and where its links point, per agency: one installation serves several agencies
// (a Korean city and a Taiwanese office), and a citizen must see the agency that handles the request.

export interface AgencyMailProfile {
  nameLocal: string;
  email: string | null;
  mailFrom: string | null;
  replyTo: string | null;
  publicUrl: string | null;
}

export interface Address {
  name: string;
  address: string;
}

/** The first mailbox of an address field ("Name <addr>" or "addr"), or null when there is none. */
export function parseMailbox(value: string): Address | null {
  const [first] = addressparser(value, { flatten: true });
  if (!first?.address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(first.address)) return null;
  return { name: first.name ?? "", address: first.address };
}

export async function agencyMailProfile(q: Queryable, agencyId: string): Promise<AgencyMailProfile | null> {
  const [row] = await q
    .select({
      nameLocal: agencies.nameLocal,
      email: agencies.email,
      mailFrom: agencies.mailFrom,
      replyTo: agencies.replyTo,
      publicUrl: agencies.publicUrl,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row ?? null;
}

/**
 * From and Reply-To of an agency's mail. An own sender is used as given (named after the agency when it
 * has no name); without one the installation's address is kept (SPF/DKIM are set up for it) but shown
 * under the agency's name. Replies go to the agency's reply address, else its public e-mail.
 */
export function senderOf(
  profile: AgencyMailProfile | null,
  config: Pick<Config, "mailFrom">,
): { from: Address | string; replyTo?: string } {
  const global = parseMailbox(config.mailFrom);
  if (!profile) return { from: global ?? config.mailFrom };
  const own = profile.mailFrom ? parseMailbox(profile.mailFrom) : null;
  const base = own ?? global;
  const from = base ? { name: own?.name || profile.nameLocal, address: base.address } : config.mailFrom;
  const replyTo = profile.replyTo ?? profile.email ?? undefined;
  return replyTo ? { from, replyTo } : { from };
}

/** Base of links in the agency's mail: its own public address, else the installation's (no trailing slash). */
export function publicUrlOf(
  profile: Pick<AgencyMailProfile, "publicUrl"> | null,
  config: Pick<Config, "publicUrl">,
) {
  return (profile?.publicUrl ?? config.publicUrl).replace(/\/+$/, "");
}

export async function agencyPublicUrl(
  q: Queryable,
  config: Pick<Config, "publicUrl">,
  agencyId: string,
): Promise<string> {
  return publicUrlOf(await agencyMailProfile(q, agencyId), config);
}
