/**
 * Names of offices, as the states and organizations style them.
 */
import type { Organization } from "../data/schemas.js";
import type { Knowledge } from "./knowledge.js";

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

/** "Embassy of Canada in Switzerland", with the fallbacks for unknown states. */
export function embassyTitle(k: Knowledge, of: string | null, inCountry: string | null, consular: boolean): string {
  const kind = consular ? "embassy or consulate" : "embassy";
  if (!of && !inCountry) return `Your country's ${kind}`;
  if (!of) return `Your country's ${kind} in ${stateName(k, inCountry)}`;
  if (!inCountry) return `${capitalise(kind)} of ${stateName(k, of)}`;
  return `Embassy of ${stateName(k, of)} in ${stateName(k, inCountry)}`;
}

/** A state's mission to an organization in the organization's style. */
export function missionTitle(org: Organization, stateLabel: string): string {
  if (org.missionStyle) return org.missionStyle.replace("{state}", stateLabel);
  return `Representative of ${stateLabel} to the ${org.name}`;
}

/** "the Embassy of ..." for running text; names of organizations and "Your ..." stay as they are. */
export function withArticle(title: string): string {
  return /^(Embassy|Permanent|Delegation|Mission|High Commission|Consulate|Representative|National|Apostolic|Joint)/.test(
    title,
  )
    ? `the ${title}`
    : title.startsWith("Your ")
      ? `your ${title.slice(5)}`
      : title;
}
