/**
 * Look-ups of the values a person types in flags: countries, places, cities, organizations and
 * office types, each with "did you mean" suggestions from one matcher.
 */
import type { City, Organization, OfficeType } from "../../model/data-schemas.js";
import { EngineError } from "../engine-error.js";
import { findMentions } from "../recognise/mentions.js";
import { fold } from "../text/fold.js";
import type { CountryInfo, Knowledge } from "../knowledge/compile-knowledge.js";
import { closest } from "../text/word-matcher.js";

export interface Place {
  country: string;
  city: string | null;
  /** Id of the city in our data, when it is one. */
  cityId: string | null;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

function suggest(
  k: Knowledge,
  input: string,
  maps: Map<string, unknown>[],
  display: (key: string) => string,
): string[] {
  const f = fold(input);
  const pairs: [string, string][] = [];
  for (const m of maps) for (const key of m.keys()) pairs.push([key, display(key)]);
  return closest(f, pairs);
}

function countryDisplay(k: Knowledge, code: string | null | undefined): string {
  return code ? (k.countries.get(code)?.name ?? code) : "";
}

/**
 * A country from a code (alpha-2/alpha-3, any case), name, alias or nationality. Also as people
 * write them in running text: with "the" ("the US", "the United States"), with "St" for "Saint"
 * ("St Kitts and Nevis") and "&" for "and" ("Trinidad & Tobago").
 */
export function findCountry(k: Knowledge, input: string): CountryInfo | null {
  const raw = input.trim();
  const found = findCountryAsWritten(k, raw);
  if (found) return found;
  const plain = raw.replace(/^the\s+/i, "");
  const spelled = plain.replace(/&/g, " and ").replace(/\bSt\b\.?/gi, "Saint");
  for (const v of new Set([plain, spelled])) {
    if (v === raw || v === "") continue;
    const c = findCountryAsWritten(k, v);
    if (c) return c;
  }
  return null;
}

function findCountryAsWritten(k: Knowledge, raw: string): CountryInfo | null {
  const up = raw.toUpperCase().replace(/\./g, "");
  const byCode = /^[A-Z]{2,3}$/.test(up) ? k.codes.get(up) : undefined;
  if (byCode) return k.countries.get(byCode) ?? null;
  const f = fold(raw);
  const code = k.countryNames.get(f) ?? k.demonyms.get(f);
  if (code) return k.countries.get(code) ?? null;
  const dem = k.demonymIndex.match(f);
  if (dem.length === 1) {
    const c = k.demonyms.get(dem[0]!);
    if (c) return k.countries.get(c) ?? null;
  }
  return null;
}

/** Like findCountry, but throws a usage-grade error with suggestions. */
export function resolveCountry(k: Knowledge, input: string, what = "country"): CountryInfo {
  const c = findCountry(k, input);
  if (c) return c;
  const suggestions = suggest(k, input, [k.countryNames, k.demonyms], (key) =>
    countryDisplay(k, k.countryNames.get(key) ?? k.demonyms.get(key)),
  ).filter(Boolean);
  throw new EngineError(
    "unknown-country",
    `Unknown ${what} ${quote(input)}: use an ISO code (CA, CAN), a name (Canada) or a nationality (Canadian).`,
    suggestions,
  );
}

export function findCity(k: Knowledge, input: string): City | null {
  const id = k.cityNames.get(fold(input));
  return id ? (k.cities.get(id) ?? null) : null;
}

export function resolveCity(k: Knowledge, input: string): City {
  const c = findCity(k, input);
  if (c) return c;
  const suggestions = suggest(k, input, [k.cityNames], (key) => k.cities.get(k.cityNames.get(key)!)!.name);
  throw new EngineError("unknown-city", `Unknown city ${quote(input)}.`, suggestions);
}

/** A place: a city we know (with its country), a capital, or a country. */
export function findPlace(k: Knowledge, input: string): Place | null {
  const city = findCity(k, input);
  if (city) return { country: city.country, city: city.name, cityId: city.id };
  const country = findCountry(k, input);
  if (country) return { country: country.code, city: null, cityId: null };
  const cap = k.capitals.get(fold(input));
  if (cap) return { country: cap, city: input.trim(), cityId: null };
  const world = k.worldCityNames.get(fold(input));
  if (world) return { country: world[1], city: world[0], cityId: null };
  // "Geneva, Switzerland" and similar: take the most specific mention. A single word that is
  // none of the above is a typo, answered with suggestions rather than a guess.
  if (!/\s|,/.test(input.trim())) return null;
  const mentions = findMentions(k, input).filter((m) => m.kind === "city" || m.kind === "country");
  const m = mentions.find((x) => x.kind === "city") ?? mentions[0];
  if (m?.country)
    return { country: m.country, city: m.city, cityId: m.kind === "city" && k.cities.has(m.id) ? m.id : null };
  return null;
}

export function resolvePlace(k: Knowledge, input: string): Place {
  const p = findPlace(k, input);
  if (p) return p;
  // Our own cities and the countries first; cities of the world only where those give too few.
  const suggestions = suggest(k, input, [k.cityNames, k.countryNames], (key) => {
    const cityId = k.cityNames.get(key);
    return cityId ? k.cities.get(cityId)!.name : countryDisplay(k, k.countryNames.get(key));
  }).filter(Boolean);
  if (suggestions.length < 3) {
    for (const w of suggest(k, input, [k.worldCityNames], (key) => {
      const world = k.worldCityNames.get(key)!;
      return `${world[0]} (${world[1]})`;
    })) {
      if (suggestions.length < 3 && !suggestions.some((x) => w.startsWith(`${x} (`))) suggestions.push(w);
    }
  }
  throw new EngineError(
    "unknown-place",
    `Unknown place ${quote(input)}: give a city (Geneva, Genf) or a country (Switzerland, CH).`,
    suggestions,
  );
}

export function findOrg(k: Knowledge, input: string): Organization | null {
  const raw = input.trim();
  const id = k.orgCaseSensitive.get(raw.toUpperCase()) ?? k.orgNames.get(fold(raw));
  return id ? (k.orgs.get(id) ?? null) : null;
}

export function resolveOrg(k: Knowledge, input: string): Organization {
  const o = findOrg(k, input);
  if (o) return o;
  const pairs = new Map<string, unknown>(k.orgNames);
  for (const key of k.orgCaseSensitive.keys()) pairs.set(fold(key), true);
  const suggestions = suggest(k, input, [pairs], (key) => {
    const id = k.orgNames.get(key) ?? k.orgCaseSensitive.get(key.toUpperCase());
    return id ? k.orgs.get(id)!.acronym : key;
  });
  throw new EngineError(
    "unknown-org",
    `Unknown organization ${quote(input)}: use an acronym (WTO, UN, NATO) or a name (World Trade Organization).`,
    suggestions,
  );
}

export function resolveOfficeType(k: Knowledge, input: string): OfficeType {
  const f = fold(input).replace(/ /g, "-");
  const id = k.officeTypeNames.get(fold(input)) ?? (k.officeTypes.has(f) ? f : undefined);
  if (id) return k.officeTypes.get(id)!;
  const suggestions = suggest(k, input, [new Map([...k.officeTypes.keys()].map((x) => [x, x]))], (x) => x);
  throw new EngineError(
    "unknown-office-type",
    `Unknown office type ${quote(input)}: try one of ${[...k.officeTypes.keys()].slice(0, 5).join(", ")}, ...`,
    suggestions,
  );
}
