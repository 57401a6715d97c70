/** `missions`: a state's offices to international organizations, as styled, with its standing. */
import { findOrg, resolveCountry } from "../../engine/lookup/resolve-names.js";
import { missionName } from "../../engine/answer/office-titles.js";
import { listMissions } from "../../engine/lookup/reference-lists.js";
import { longDate } from "../../engine/lookup/standing.js";
import { NotFoundError, UsageError } from "../cli-errors.js";
import { out, outJson } from "../output.js";
import { table, widths } from "../renderers/table.js";
import { knowledge, lookup, width, type GlobalOptions } from "./command-context.js";

export interface MissionsFlags extends GlobalOptions {
  country?: string;
  org?: string;
}

export async function run(flags: MissionsFlags): Promise<number> {
  if (!flags.country) {
    throw new UsageError(
      "missions needs --country: mission-guide missions --country CA [--org NATO]",
      "missing-country",
    );
  }
  const k = await knowledge(flags);
  const state = lookup(() => resolveCountry(k, flags.country!));
  if (flags.org && !findOrg(k, flags.org)) lookup(() => listMissions(k, state.code, flags.org));
  const missions = lookup(() =>
    listMissions(k, state.code, flags.org, (org, code) => {
      const m = missionName(k, org, code);
      return { title: m.title, headTitle: m.headTitle };
    }),
  );
  if (missions.length === 0) {
    const list = flags.org ? k.memberships.get(findOrg(k, flags.org)!.id) : undefined;
    const what = !flags.org
      ? `No missions of ${state.name} found.`
      : list?.unconfirmedMembers?.includes(state.code)
        ? `${state.name}'s membership of ${flags.org} is not confirmed in our sources, so we cannot say how it is represented there.`
        : list?.members && list.membersIncomplete
          ? `Our list of ${flags.org} members is incomplete (${list.count === null || list.count === undefined ? `${list.members.length} listed, the total not known` : `${list.members.length} of ${list.count} listed`}) and does not name ${state.name}, so we cannot say whether it is a member.`
          : `We hold no membership list for ${flags.org}, so we cannot say how ${state.name} is represented there.`;
    throw new NotFoundError(`${what} See: mission-guide orgs`, "no-missions");
  }
  if (flags.json) {
    outJson({ schemaVersion: 1, country: state.code, missions: missions.map(({ orgId: _id, ...m }) => m) });
    return 0;
  }
  out(`Offices of ${state.name} to international organizations`);
  out(
    await table(
      ["Org", "Office", "City", "Standing"],
      missions.map((m) => [
        m.org,
        m.title ?? (m.status === "withdrawn" ? "(none)" : "(not on record)"),
        m.city,
        m.standing?.text ?? m.status,
      ]),
      widths(width(), [2, 8, 2, 3]),
    ),
  );
  // What the table cannot hold: whose office is not on record, and the dated changes with their sources.
  for (const m of missions) {
    const s = m.standing;
    if (m.title === null && (m.status === "non-member" || m.status === "unknown"))
      out(`${m.org}: ${state.name} is not a member; no office of it to ${m.org} is on record here.`);
    else if (m.title === null && m.status === "observer")
      out(`${m.org}: ${state.name} is an observer; observers keep no separate mission to it.`);
    else if (m.title === null && m.status !== "withdrawn") out(`${m.org}: ${state.name} keeps no mission to it.`);
    if (s?.disputed)
      out(
        `${m.org}: disputed: ${state.name} says its withdrawal took effect on ${s.disputed.effective ? longDate(s.disputed.effective) : "an unknown date"}; ${m.org} still counts it as a member.`,
      );
    if (s?.source && s.status !== "member" && s.status !== "observer")
      out(
        `${m.org}: ${s.text}${m.title === null ? `; ${state.name} keeps no office to it` : ""}. Source: ${s.source.title} ${s.source.url} (as of ${s.source.asOf})`,
      );
  }
  return 0;
}
