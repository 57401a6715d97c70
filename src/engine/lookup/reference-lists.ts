/**
 * Reference look-ups: hubs, organizations, office types. Pure functions over the knowledge.
 */
import type { City, Organization } from "../../model/data-schemas.js";
import type * as Out from "../../model/output-schemas.js";
import { fold } from "../text/fold.js";
import type { Knowledge } from "../knowledge/compile-knowledge.js";
import { resolveCity, resolveCountry, resolveOrg } from "./resolve-names.js";
import { evaluate } from "../decide/rule-evaluator.js";

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

export type MemberStatus = "member" | "observer" | "partner" | "suspended" | "non-member" | "unknown";

/** The membership list that applies to an organization: its own, or its parent's. */
export function membershipOf(k: Knowledge, orgId: string): import("../../model/data-schemas.js").MembershipList | null {
  const own = k.memberships.get(orgId);
  if (own) return own;
  const parent = k.orgs.get(orgId)?.parent;
  return parent ? (k.memberships.get(parent) ?? null) : null;
}

/** A state's standing in an organization; "unknown" where we hold no list. */
export function memberStatus(k: Knowledge, orgId: string, code: string): MemberStatus {
  const list = membershipOf(k, orgId);
  if (!list) return "unknown";
  if (list.suspended.includes(code)) return "suspended";
  if (list.members.includes(code)) return "member";
  if (list.observers.includes(code)) return "observer";
  if (list.partners.includes(code)) return "partner";
  return "non-member";
}

/** An organization, as `orgs --json` prints it. */
export type OrgView = Out.OrgView;

export function orgView(k: Knowledge, o: Organization): OrgView {
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
    members: list ? [...list.members, ...list.otherMembers] : null,
    observers: list?.observers ?? [],
    suspended: list?.suspended ?? [],
    missionStyle: o.missionStyle,
    headTitle: o.headTitle,
    note: o.noMissionsNote ?? list?.note ?? null,
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
      const st = memberStatus(k, o.id, member.code);
      if (st !== "member" && st !== "suspended") continue;
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

/** An office type by id, name or alias, in any language the glossary carries. */
export { resolveOfficeType } from "./resolve-names.js";

/** A mission, as `missions --json` prints it, and the organization's id. */
export type MissionView = Out.MissionView & { orgId: string };

/**
 * A state's offices to international organizations: every organization it is a member,
 * observer or partner of (or the one asked about, whatever its standing), named in the
 * organization's style and the state's own.
 */
export function listMissions(
  k: Knowledge,
  code: string,
  orgFilter?: string,
  nameOf: (org: Organization, code: string) => { title: string; headTitle: string | null } = () => ({
    title: "",
    headTitle: null,
  }),
): MissionView[] {
  const one = orgFilter ? resolveOrg(k, orgFilter) : null;
  const out: MissionView[] = [];
  for (const o of k.orgs.values()) {
    if (one && o.id !== one.id) continue;
    const st = memberStatus(k, o.id, code);
    // Without a membership list we cannot say; organizations with no missions have none to list.
    if (st === "unknown" || (!o.missionStyle && !one)) continue;
    const keeps = st !== "non-member" || k.data["mission-naming"].nonMemberStyles.some((n) => n.org === o.id);
    if (!one && !keeps) continue;
    const name = nameOf(o, code);
    out.push({
      org: o.acronym,
      orgId: o.id,
      title: name.title,
      headTitle: name.headTitle,
      city: k.cities.get(o.city)?.name ?? o.city,
      country: o.country,
      status: st === "suspended" ? "member" : st,
      ...(st === "suspended" ? { suspended: true } : {}),
    });
  }
  return out;
}
