/**
 * Names of offices, as the states and organizations style them: data/mission-naming.json (the
 * states' own styles, observer and non-member styles, bilateral conventions) over the
 * organizations' default styles.
 */
import type { Organization } from "../../model/data-schemas.js";
import type { Knowledge } from "../knowledge/knowledge-type.js";
import type { MemberStatus } from "../lookup/reference-lists.js";
import { belongs, membershipOf, represented, standingIn, type Standing } from "../lookup/standing.js";

/** A state's name for running text ("the Netherlands", "Canada"). */
export function stateName(k: Knowledge, code: string | null): string {
  if (!code) return "your country";
  return k.countries.get(code)?.shortName ?? code;
}

/** Capitalises the first letter (for names that start a title: "The Netherlands"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The city where embassies to a country sit: a known exception, else the capital. */
export function embassySeat(k: Knowledge, country: string | null): { city: string | null; exception: boolean } {
  if (!country) return { city: null, exception: false };
  const seat = k.seats.get(country);
  if (seat) return { city: seat.city, exception: true };
  return { city: k.countries.get(country)?.capital ?? null, exception: false };
}

function fillStyle(style: string, vars: { state?: string; host?: string; city?: string | null }): string {
  return style
    .replace("{state}", vars.state ?? "")
    .replace("{host}", vars.host ?? "")
    .replace("{city}", vars.city ?? "");
}

export interface BilateralName {
  title: string;
  /**
   * Which convention named it: embassy, high-commission, nunciature, eu-delegation, trade-office;
   * papal-representation where the Holy See has no relations but a delegate or representative;
   * none where a state has no office there to name.
   */
  kind:
    "embassy" | "high-commission" | "nunciature" | "eu-delegation" | "trade-office" | "papal-representation" | "none";
}

/**
 * The name of one state's bilateral office in another: an Embassy; a High Commission between
 * Commonwealth members; the Holy See's Apostolic Nunciature where it has relations (else its
 * delegation, or none); Taiwan's Embassy in its diplomatic allies and its Taipei Economic and
 * Cultural Office elsewhere; with a state's own styling where it has one ("British High Commission
 * Ottawa").
 */
export function bilateralName(k: Knowledge, of: string, host: string, city: string | null): BilateralName {
  const naming = k.bilateralNaming;
  const hostName = stateName(k, host);
  const rule = (r: string) => naming.bilateral.find((b) => b.rule === r);
  if (of === "VA") {
    const without = naming.holySeeRepresentation?.find((h) => h.state === host);
    if (without) {
      if (without.office) return { title: without.office, kind: "papal-representation" };
      if (without.head)
        return {
          title: `No Apostolic Nunciature in ${hostName}: the Holy See has no diplomatic relations with it; an ${without.head} represents it to the local Church`,
          kind: "papal-representation",
        };
      return {
        title: `No Apostolic Nunciature in ${hostName}: the Holy See has no diplomatic relations with it`,
        kind: "none",
      };
    }
    if (rule("holy-see")) return { title: fillStyle(rule("holy-see")!.style, { host: hostName }), kind: "nunciature" };
  }
  if (of === "TW") {
    const allies = naming.taiwanAllies;
    if (allies?.states.includes(host))
      return {
        title: host === "VA" ? allies.holySeeStyle : fillStyle(allies.style, { host: hostName }),
        kind: "embassy",
      };
    if (rule("taiwan")) return { title: fillStyle(rule("taiwan")!.style, { host: hostName }), kind: "trade-office" };
  }
  const commonwealth = k.memberships.get("commonwealth")?.members ?? [];
  const kind =
    commonwealth.includes(of) && commonwealth.includes(host) && rule("commonwealth") ? "high-commission" : "embassy";
  const override = naming.stateOverrides.find((o) => o.state === of && o.kind === kind);
  if (override && city) return { title: fillStyle(override.title, { city }), kind };
  if (kind === "high-commission") {
    return { title: fillStyle(rule("commonwealth")!.style, { state: stateName(k, of), host: hostName }), kind };
  }
  return { title: `Embassy of ${stateName(k, of)} in ${hostName}`, kind };
}

/** "Embassy of Canada in Switzerland", with the fallbacks for unknown states. */
export function embassyTitle(
  k: Knowledge,
  of: string | null,
  inCountry: string | null,
  consular: boolean,
  city: string | null = null,
  unknown = "your country",
): string {
  const kind = consular ? "embassy or consulate" : "embassy";
  if (!of && !inCountry) return `${capitalise(unknown)}'s ${kind}`;
  if (!of) return `${capitalise(unknown)}'s ${kind} in ${stateName(k, inCountry)}`;
  if (!inCountry) return `${capitalise(kind)} of ${stateName(k, of)}`;
  return bilateralName(k, of, inCountry, city).title;
}

export interface MissionName {
  /** The office's name; null where the state keeps none there (not represented, withdrawn, no missions). */
  title: string | null;
  status: MemberStatus;
  headTitle: string | null;
  standing: Standing;
}

/**
 * A state's office to an organization, as styled: the state's own office where it is not a member
 * (a partner mission, a liaison office); the state's own style where sourced; an observer state's
 * Permanent Observer Mission; else the organization's default style. A state that is not
 * represented (a non-member with no office, one that has withdrawn) gets no name: null.
 */
export function missionName(k: Knowledge, org: Organization, state: string | null): MissionName {
  const naming = k.orgNaming.get(org.id);
  if (!state) {
    return {
      title: org.missionStyle
        ? org.missionStyle.replace("{state}", "your country")
        : `Your country's representative to the ${org.name}`,
      status: "unknown",
      headTitle: org.headTitle,
      standing: { status: "unknown" },
    };
  }
  const standing = standingIn(k, org, state);
  const status = standing.status;
  const none = { title: null, status, headTitle: null, standing };
  if (standing.office) return { title: standing.office.title, status, headTitle: standing.office.headTitle, standing };
  if (!represented(standing) && status !== "unknown") return none;
  // Unknown although a list is held (a list known to be short, an unconfirmed member): naming an
  // office would say the state is a member.
  if (status === "unknown" && membershipOf(k, org.id)?.members) return none;
  const own = naming?.orgStyles.find((o) => o.state === state);
  if (own && (belongs(standing) || status === "unknown" || status === "associate")) {
    return { title: own.title, status, headTitle: own.headTitle ?? org.headTitle, standing };
  }
  const name = stateName(k, state);
  if (status === "observer") {
    // Where observers keep no separate mission (the WTO), none is named.
    if (naming?.orgConventions.some((c) => c.observerMissions === false)) return none;
    const style = naming?.observerStyles.find((o) => o.org === org.id || o.org === org.parent);
    const base =
      style && style.org === org.id
        ? style.style
        : org.missionStyle?.replace(/^Permanent Mission/, "Permanent Observer Mission");
    if (base)
      return {
        title: base.replace("{state}", name),
        status,
        headTitle: style?.headTitle ?? "Permanent Observer",
        standing,
      };
    return none;
  }
  if (!org.missionStyle) return none;
  return { title: org.missionStyle.replace("{state}", name), status, headTitle: org.headTitle, standing };
}

/** A state's mission to an organization in the organization's style (kept for callers that only need the title). */
export function missionTitle(org: Organization, stateLabel: string): string {
  if (org.missionStyle) return org.missionStyle.replace("{state}", stateLabel);
  return `Representative of ${stateLabel} to the ${org.name}`;
}

/** "the Embassy of ..." for running text; names of organizations and "Your ..." stay as they are. */
export function withArticle(title: string): string {
  return /^(Embassy|Permanent|Delegation|Mission|High Commission|Consulate|Representative|National|Apostolic|Joint|Foreign Interests|Interests Section|Section|Taipei|United States Mission|UK )/.test(
    title,
  )
    ? `the ${title}`
    : /^(Your|The) /.test(title)
      ? title.charAt(0).toLowerCase() + title.slice(1)
      : title;
}
