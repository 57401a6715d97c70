/**
 * Look-ups of the values a person types in flags: countries, places, cities, organizations and
 * office types, each with "did you mean" suggestions from one matcher.
 */
import type { City, Organization, OfficeType } from "../../model/data-schemas.js";
import { EngineError } from "../engine-error.js";
import { findMentions } from "../recognise/mentions.js";
import { fold } from "../text/fold.js";
import type { CountryInfo, Knowledge } from "../knowledge/knowledge-type.js";
import { closest } from "../text/word-matcher.js";

export interface Place {
  country: string;
  city: string | null;
  /** Id of the city in our data, when it is one. */
  cityId: string | null;
  /** A region the person named ("Texas" in "Paris, Texas"), when it told the country. */
  region?: string;
  /** How the place was understood when it was no place of our own lists: a city of the world
   *  found by its name alone, or a name under a qualifier that no list of ours holds. */
  understood?: "world-city" | "unlisted";
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
  if (ambiguousCountries(k, input)) return null;
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

/**
 * The countries a name means when it means several ("Congo", "Congolese", "Korea"), from
 * data/country-extras.json; null when it means one or none. Never a silent pick of one of them.
 */
export function ambiguousCountries(k: Knowledge, input: string): string[] | null {
  return k.ambiguousNames.get(fold(input.trim().replace(/^the\s+/i, ""))) ?? null;
}

function ambiguityError(k: Knowledge, input: string, what: string, codes: string[]): EngineError {
  const names = codes.map((c) => `${countryDisplay(k, c)} (${c})`);
  const list = names.length > 2 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : names.join(" or ");
  return new EngineError(
    "ambiguous-country",
    `Ambiguous ${what} ${quote(input)}: it may mean ${list}; say which, by name or code.`,
    codes.map((c) => countryDisplay(k, c)),
  );
}

/** Like findCountry, but throws a usage-grade error with suggestions. */
export function resolveCountry(k: Knowledge, input: string, what = "country"): CountryInfo {
  const c = findCountry(k, input);
  if (c) return c;
  const several = ambiguousCountries(k, input);
  if (several) throw ambiguityError(k, input, what, several);
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

/** A region of a country by name or code ("Texas", "TX", "Georgia"), from the country data. */
function findRegion(k: Knowledge, input: string, country?: string): { country: string; name: string } | null {
  const f = fold(input);
  const code = input.trim().toUpperCase();
  for (const e of k.data["country-extras"].countries) {
    if (!e.regions || (country && e.code !== country)) continue;
    const r = e.regions.list.find((x) => fold(x.name) === f || x.code === code);
    if (r) return { country: e.code, name: r.name };
  }
  return null;
}

const worldCityIndex = new WeakMap<Knowledge, Map<string, string>>();

/** A city of the world in one country, by name ("Córdoba" in Argentina, not Spain). */
function worldCityIn(k: Knowledge, name: string, country: string): string | null {
  let index = worldCityIndex.get(k);
  if (!index) {
    index = new Map();
    for (const [n, c] of k.data["world-cities"].cities) {
      const key = `${c}|${fold(n)}`;
      if (!index.has(key)) index.set(key, n);
    }
    worldCityIndex.set(k, index);
  }
  return index.get(`${country}|${fold(name)}`) ?? null;
}

/**
 * "City, Region" or "City, Country" ("Paris, Texas", "Georgia, USA", "Córdoba, Argentina"): the
 * qualifier decides the country, and the first part is looked for there only.
 */
function findQualifiedPlace(k: Knowledge, input: string): Place | null {
  const comma = input.lastIndexOf(",");
  if (comma <= 0) return null;
  const head = input.slice(0, comma).trim();
  const qualifier = input.slice(comma + 1).trim();
  if (!head || !qualifier) return null;
  // The qualifier: a country, or a region of one. A code may be both ("GA": Gabon or Georgia):
  // the country where the first part is a city wins.
  const candidates: { country: string; region?: string }[] = [];
  const asCountry = findCountry(k, qualifier);
  const asRegion = findRegion(k, qualifier);
  if (asRegion) candidates.push({ country: asRegion.country, region: asRegion.name });
  if (asCountry && asCountry.code !== asRegion?.country) candidates.push({ country: asCountry.code });
  if (candidates.length === 0) return null;
  const cityIn = (country: string): { city: string; cityId: string | null } | null => {
    const ours = findCity(k, head);
    if (ours && ours.country === country) return { city: ours.name, cityId: ours.id };
    const world = worldCityIn(k, head, country);
    return world ? { city: world, cityId: null } : null;
  };
  // The country where the first part is a city, or a region; else the region's, then the country's.
  const q =
    candidates.find((c) => cityIn(c.country)) ??
    candidates.find((c) => findRegion(k, head, c.country)) ??
    candidates[0]!;
  const region = q.region ? { region: q.region } : {};
  // "Georgia, USA": the first part is a region of the qualifying country, or that country itself.
  const headRegion = findRegion(k, head, q.country);
  if (headRegion) return { country: q.country, city: null, cityId: null, region: headRegion.name };
  if (findCountry(k, head)?.code === q.country) return { country: q.country, city: null, cityId: null };
  const city = cityIn(q.country);
  if (city) return { country: q.country, city: city.city, cityId: city.cityId, ...region };
  // A town no list of ours holds, in a country the qualifier names: the country is sure, the
  // town is taken as written, and the answer says so.
  if (/^[\p{L}][\p{L}\p{M} .'’-]{0,60}$/u.test(head))
    return { country: q.country, city: head, cityId: null, understood: "unlisted", ...region };
  return null;
}

/** A place: a city we know (with its country), a capital, or a country. */
export function findPlace(k: Knowledge, input: string): Place | null {
  if (input.includes(",")) {
    const qualified = findQualifiedPlace(k, input);
    if (qualified) return qualified;
  }
  const city = findCity(k, input);
  if (city) return { country: city.country, city: city.name, cityId: city.id };
  const country = findCountry(k, input);
  if (country) return { country: country.code, city: null, cityId: null };
  const cap = k.capitals.get(fold(input));
  if (cap) return { country: cap, city: input.trim(), cityId: null };
  const world = k.worldCityNames.get(fold(input));
  if (world) return { country: world[1], city: world[0], cityId: null, understood: "world-city" };
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
  const several = ambiguousCountries(k, input);
  if (several) throw ambiguityError(k, input, "place", several);
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
