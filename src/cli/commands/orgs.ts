/** `orgs`: international organizations — seat, field, members, how missions to them are named. */
import { findOrgs, type OrgView } from "../../engine/lookup/reference-lists.js";
import { NotFoundError } from "../cli-errors.js";
import { out, outJson } from "../output.js";
import { table, widths } from "../renderers/table.js";
import { knowledge, lookup, style, width, type GlobalOptions } from "./command-context.js";

export interface OrgsFlags extends GlobalOptions {
  city?: string;
  member?: string;
}

function detail(o: OrgView, bold: (s: string) => string): string {
  const lines = [
    bold(`${o.name} (${o.acronym})`),
    `  Seat: ${o.city}, ${o.country} · field: ${o.field}${o.parent ? ` · part of ${o.parent.toUpperCase()}` : ""}`,
    `  A state's mission: ${o.missionStyle ? o.missionStyle.replace("{state}", "X") : "none (see note)"}${o.headTitle ? `, headed by a ${o.headTitle}` : ""}`,
  ];
  if (o.memberCount !== null || o.members)
    lines.push(
      `  Members (${o.memberCount ?? "count not known"}${o.membersIncomplete && o.members ? `; ${o.members.length} listed here` : ""}): ${o.members ? o.members.join(" ") : "list not held (see note)"}`,
    );
  if (o.associateMembers?.length) lines.push(`  Associate members: ${o.associateMembers.join(" ")}`);
  if (o.observers.length) lines.push(`  Observers: ${o.observers.join(" ")}`);
  if (o.suspended.length) lines.push(`  Suspended: ${o.suspended.join(" ")}`);
  // Dated standing, as it is today: withdrawals (done or pending), non-participation, disputes.
  for (const c of o.changes ?? []) lines.push(`  ${c.code}: ${c.text}${c.source ? ` (${c.source.url})` : ""}`);
  if (o.signatoriesCount !== undefined)
    lines.push(`  Treaty: ${o.signatoriesCount} signatories, ${o.ratifiedCount ?? "?"} ratifications`);
  if (o.standing) lines.push(`  Standing of the state asked about: ${o.standing.text}`);
  if (o.note) lines.push(`  Note: ${o.note}`);
  if (o.membersNote) lines.push(`  Members note: ${o.membersNote}`);
  lines.push(`  ${o.url}`, `  Source: ${o.source} (as of ${o.asOf})`);
  return lines.join("\n") + "\n";
}

export async function run(org: string | undefined, flags: OrgsFlags): Promise<number> {
  const k = await knowledge(flags);
  const filter = {
    ...(org ? { org } : {}),
    ...(flags.city ? { city: flags.city } : {}),
    ...(flags.member ? { member: flags.member } : {}),
  };
  const orgs = lookup(() => findOrgs(k, filter));
  if (orgs.length === 0)
    throw new NotFoundError("No organization matches those filters. List all with: mission-guide orgs", "no-org");
  if (flags.json) {
    outJson({ schemaVersion: 1, organizations: orgs });
    return 0;
  }
  if (org) {
    const { bold } = await style(flags);
    out(orgs.map((o) => detail(o, bold)).join("\n"));
    return 0;
  }
  // A state's organizations: its standing in each, dated where it changed; else how missions are called.
  out(
    await table(
      ["Org", "Name", "Seat", "Members", flags.member ? "Standing" : "A state's mission is called"],
      orgs.map((o) => [
        o.acronym,
        o.name,
        o.city,
        o.memberCount === null ? "-" : String(o.memberCount),
        flags.member ? (o.standing?.text ?? "member") : (o.missionStyle?.replace("{state}", "X") ?? "(no missions)"),
      ]),
      widths(width(), [2, 5, 2, 1, 5]),
    ),
  );
  return 0;
}
