/**
 * Reference look-ups: hubs, organizations, office types. Pure functions over the knowledge.
 */
import type { City, FullMembershipList as MembershipList, Organization } from "../../model/data-schemas.js";
import type * as Out from "../../model/output-schemas.js";
import { fold } from "../text/fold.js";
import type { Knowledge } from "../knowledge/knowledge-type.js";
import { resolveCity, resolveCountry, resolveOrg } from "./resolve-names.js";
import { evaluate } from "../decide/rule-evaluator.js";
import type { StandingStatus } from "../../model/vocabularies.js";
import {
  applyChange,
  belongs,
  membershipOf,
  represented,
  standingIn,
  standingText,
  type Standing,
} from "./standing.js";

/** A hub, as `hubs --json` prints it. */
export type Hub = Out.Hub;

function otherNames(city: City): string[] {
  const seen = new Set([fold(city.name)]);
  const outNames: string[] = [];
  for (const n of [...Object.values(city.names).flat(), ...city.aliases]) {
    const f = fold(n);
    if (!seen.has(f)) {
      seen.add(f);
      outNames.push(n);
    }
  }
  return outNames;
}

/** Every hub (a city hosting at least one organization), filtered. */
export function findHubs(k: Knowledge, filter: { city?: string; org?: string; country?: string } = {}): Hub[] {
  const city = filter.city ? resolveCity(k, filter.city) : null;
  const org = filter.org ? resolveOrg(k, filter.org) : null;
  const country = filter.country ? resolveCountry(k, filter.country) : null;
  const hubs: Hub[] = [];
  for (const [cityId, orgs] of k.hubs) {
    const c = k.cities.get(cityId);
    if (!c) continue;
    if (city && c.id !== city.id) continue;
    if (org && org.city !== cityId) continue;
    if (country && c.country !== country.code) continue;
    hubs.push({
      city: c.name,
      id: c.id,
      country: c.country,
      names: otherNames(c),
      organizations: orgs.map((o: Organization) => ({
        id: o.id,
        acronym: o.acronym,
        name: o.name,
        field: o.field,
        missionStyle: o.missionStyle,
      })),
    });
  }
  hubs.sort((a, b) => b.organizations.length - a.organizations.length || a.city.localeCompare(b.city));
  return hubs;
}

export type MemberStatus = StandingStatus;

/** A state's standing in an organization today, as one word; "unknown" where we hold no list. */
export function memberStatus(k: Knowledge, orgId: string, code: string): MemberStatus {
  return standingIn(k, orgId, code).status;
}

/** A standing, as the `--json` documents print it. */
export function standingView(s: Standing): Out.StandingView {
  return {
    status: s.status,
    text: standingText(s),
    ...(s.effective !== undefined ? { effective: s.effective } : {}),
    ...(s.since !== undefined ? { since: s.since } : {}),
    ...(s.approximate ? { approximate: true as const } : {}),
    ...(s.disputed ? { disputed: s.disputed } : {}),
    ...(s.unconfirmed ? { unconfirmed: true as const } : {}),
    ...(s.note ? { note: s.note } : {}),
    ...(s.source ? { source: s.source } : {}),
  };
}

/** An organization, as `orgs --json` prints it. */
export type OrgView = Out.OrgView;

function listedStatus(list: MembershipList, code: string): StandingStatus {
  if (list.suspended.includes(code)) return "suspended";
  return list.members?.includes(code) ? "member" : "non-member";
}

function orgView(k: Knowledge, o: Organization): OrgView {
  const list = membershipOf(k, o.id);
  return {
    id: o.id,
    acronym: o.acronym,
    name: o.name,
    names: o.names,
    city: k.cities.get(o.city)?.name ?? o.city,
    country: o.country,
    field: o.field,
    parent: o.parent,
    memberCount: list ? list.count : null,
    members: list?.members ? [...list.members, ...list.otherMembers] : null,
    observers: list?.observers ?? [],
    suspended: list?.suspended ?? [],
    ...(list?.associateMembers.length ? { associateMembers: list.associateMembers } : {}),
    ...(list?.signatoriesCount !== undefined ? { signatoriesCount: list.signatoriesCount } : {}),
    ...(list?.ratifiedCount !== undefined ? { ratifiedCount: list.ratifiedCount } : {}),
    ...(list?.changes.length
      ? {
          changes: list.changes.map((c) => ({
            code: c.code,
            ...standingView(applyChange(listedStatus(list, c.code), c, k.today)),
          })),
        }
      : {}),
    missionStyle: o.missionStyle,
    headTitle: o.headTitle,
    note: o.noMissionsNote ?? list?.note ?? null,
    ...(o.noMissionsNote && list?.note ? { membersNote: list.note } : {}),
    ...(list?.membersIncomplete ? { membersIncomplete: true } : {}),
    url: o.url,
    source: list ? list.source.url : o.source.url,
    asOf: list ? list.asOf : o.asOf,
  };
}

/** Organizations, optionally one by name, or those in a city, or those a state belongs to. */
export function findOrgs(k: Knowledge, filter: { org?: string; city?: string; member?: string } = {}): OrgView[] {
  const one = filter.org ? resolveOrg(k, filter.org) : null;
  const city = filter.city ? resolveCity(k, filter.city) : null;
  const member = filter.member ? resolveCountry(k, filter.member) : null;
  const out: OrgView[] = [];
  for (const o of k.orgs.values()) {
    if (one && o.id !== one.id) continue;
    if (city && o.city !== city.id) continue;
    if (member) {
      // Members, also those leaving, suspended or not taking part; and those that left, to say so.
      const st = standingIn(k, o, member.code);
      if (!belongs(st) && st.status !== "withdrawn" && !st.disputed) continue;
      out.push({ ...orgView(k, o), standing: standingView(st) });
      continue;
    }
    out.push(orgView(k, o));
  }
  return out;
}

/** A need, as `needs --json` prints it. */
export type NeedView = Out.NeedView;

/** The catalogue of needs with the office each goes to, found by running the rules. */
export function listNeeds(k: Knowledge, category?: string): NeedView[] {
  const out: NeedView[] = [];
  for (const { need } of k.needs) {
    if (category && need.category !== category && need.group !== category) continue;
    const base = {
      "need.id": need.id,
      "need.category": need.category,
      org: need.org ?? null,
      inDestination: false,
      apostilleApplies: null,
      unhcrRegistersAsylum: false,
      ownDestination: false,
    };
    const abroad = evaluate(k.rules, { ...base, citizen: "A", in: "B", to: "C", atHome: false }).rule;
    const home = evaluate(k.rules, { ...base, citizen: "A", in: "A", to: "C", atHome: true }).rule;
    out.push({
      id: need.id,
      label: need.label,
      category: need.category,
      group: need.group,
      office: abroad?.outcome.office ?? "none",
      officeAtHome: home && home.outcome.office !== abroad?.outcome.office ? home.outcome.office : null,
      org: need.org ?? null,
      rule: abroad?.id ?? null,
    });
  }
  return out;
}

/** A mission, as `missions --json` prints it, and the organization's id. */
export type MissionView = Out.MissionView & { orgId: string };

/**
 * A state's offices to international organizations: every organization it is a member, associate,
 * observer or partner of, or has left (to say so), or the one asked about, whatever its standing;
 * named in the organization's style and the state's own. A state that is not represented gets no
 * office name (title null).
 */
export function listMissions(
  k: Knowledge,
  code: string,
  orgFilter?: string,
  nameOf: (org: Organization, code: string) => { title: string | null; headTitle: string | null } = () => ({
    title: null,
    headTitle: null,
  }),
): MissionView[] {
  const one = orgFilter ? resolveOrg(k, orgFilter) : null;
  const out: MissionView[] = [];
  for (const o of k.orgs.values()) {
    if (one && o.id !== one.id) continue;
    const st = standingIn(k, o, code);
    // Without a membership list we cannot say.
    if (st.status === "unknown") continue;
    if (!one) {
      // Organizations with no missions have none to list, unless the standing changed (to say so);
      // non-members only where they keep an office.
      const dated = st.source !== undefined && st.office === undefined && st.status !== "member";
      if (!o.missionStyle && !st.office && !dated) continue;
      if (!represented(st) && st.status !== "withdrawn") continue;
    }
    const name = represented(st) ? nameOf(o, code) : { title: null, headTitle: null };
    out.push({
      org: o.acronym,
      orgId: o.id,
      title: name.title,
      headTitle: name.headTitle,
      city: k.cities.get(o.city)?.name ?? o.city,
      country: o.country,
      status: st.status,
      ...(st.status === "suspended" ? { suspended: true as const } : {}),
      standing: standingView(st),
    });
  }
  return out;
}
