/**
 * Countries and the indexes of their names: names in many languages, nationalities, codes and
 * capitals, each name settled on one country.
 */
import type { CountryExtra } from "../../model/data-schemas.js";
import { fold, spaceCjk } from "../text/fold.js";
import { WordIndex } from "../text/word-matcher.js";
import type { CountryInfo, Knowledge } from "./knowledge-type.js";
import type { DefineIndex } from "./lazy-index.js";

const ARTICLE_NAMES =
  /^(United|Netherlands|Philippines|Bahamas|Gambia|Maldives|Seychelles|Comoros|Marshall|Solomon|Central African|Dominican|Democratic|Republic of the|Czech Republic|Holy See)/;

function addName(map: Map<string, Set<string>>, name: string, code: string): void {
  const key = spaceCjk(fold(name));
  if (key === "") return;
  const set = map.get(key);
  if (set) set.add(code);
  else map.set(key, new Set([code]));
}

/**
 * One country per name. A name several share (the package gives "French" to France and to its
 * overseas territories, "Norwegian" to Norway and Svalbard) goes to the one whose own name it is,
 * else to the only independent state among them, else to the one our own data lists it for.
 */
function settle(
  candidates: Map<string, Set<string>>,
  primary: Map<string, string>,
  independent: Set<string>,
  ours: Map<string, Set<string>>,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [key, set] of candidates) {
    if (set.size === 1) {
      out.set(key, [...set][0]!);
      continue;
    }
    const own = primary.get(key);
    if (own && set.has(own)) {
      out.set(key, own);
      continue;
    }
    const states = [...set].filter((c) => independent.has(c));
    if (states.length === 1) {
      out.set(key, states[0]!);
      continue;
    }
    const listed = [...(ours.get(key) ?? [])].filter((c) => set.has(c));
    out.set(key, listed.length === 1 ? listed[0]! : null);
  }
  return out;
}

/** Countries, their names, nationalities, codes and capitals: package names first, then our own
 *  aliases (settled when shared). */
export function defineCountryIndexes(k: Knowledge, lazy: DefineIndex): void {
  const data = k.data;
  const extrasByCode = (): Map<string, CountryExtra> =>
    new Map(data["country-extras"].countries.map((e) => [e.code, e]));
  lazy("countries", () => {
    const extras = extrasByCode();
    const countries = new Map<string, CountryInfo>();
    for (const c of data.countries.countries) {
      const extra = extras.get(c.code);
      const shortName =
        extra?.shortName ?? (ARTICLE_NAMES.test(c.name) && !/^the /i.test(c.name) ? `the ${c.name}` : c.name);
      countries.set(c.code, { code: c.code, cca3: c.cca3, name: c.name, shortName, capital: c.capital[0] ?? null });
    }
    return countries;
  });
  lazy("countriesMeta", () => ({ source: data.countries.source, asOf: data.countries.asOf }));
  lazy(
    "ambiguousNames",
    () => new Map((data["country-extras"].ambiguous ?? []).map((a) => [fold(a.name), a.countries])),
  );
  interface CountryIndexes {
    countryNames: Map<string, string | null>;
    primaryNames: Set<string>;
    demonyms: Map<string, string | null>;
    codes: Map<string, string>;
    capitals: Map<string, string>;
  }
  let countryIdx: CountryIndexes | null = null;
  const countryIndexes = (): CountryIndexes => {
    if (countryIdx) return countryIdx;
    const extras = extrasByCode();
    const nameCandidates = new Map<string, Set<string>>();
    const demonymCandidates = new Map<string, Set<string>>();
    const ourNames = new Map<string, Set<string>>();
    const independent = new Set<string>();
    const primary = new Map<string, string>();
    const codes = new Map<string, string>();
    const capitals = new Map<string, string>();
    for (const c of data.countries.countries) {
      const extra = extras.get(c.code);
      if (c.independent) independent.add(c.code);
      primary.set(fold(c.name), c.code);
      if (extra?.shortName) primary.set(fold(extra.shortName.replace(/^the /i, "")), c.code);
      for (const n of [c.name, c.official, ...c.names, ...(extra?.aliases ?? [])]) addName(nameCandidates, n, c.code);
      for (const d of [...c.demonyms, ...Object.values(extra?.demonyms ?? {}).flat()])
        addName(demonymCandidates, d, c.code);
      for (const n of [...(extra?.aliases ?? []), ...Object.values(extra?.demonyms ?? {}).flat()])
        addName(ourNames, n, c.code);
      codes.set(c.code, c.code);
      codes.set(c.cca3, c.code);
      for (const cap of c.capital) capitals.set(fold(cap), c.code);
    }
    // Upper-case aliases written as codes ("UK", "USA", "UAE") behave like codes.
    for (const e of data["country-extras"].countries) {
      for (const a of e.aliases) if (/^[A-Z.]{2,5}$/.test(a)) codes.set(a.replace(/\./g, ""), e.code);
    }
    return (countryIdx = {
      countryNames: settle(nameCandidates, primary, independent, ourNames),
      primaryNames: new Set(primary.keys()),
      demonyms: settle(demonymCandidates, primary, independent, ourNames),
      codes,
      capitals,
    });
  };
  for (const key of ["countryNames", "primaryNames", "demonyms", "codes", "capitals"] as const) {
    lazy(key, () => countryIndexes()[key] as never);
  }
  lazy(
    "demonymIndex",
    () =>
      new WordIndex(
        [...k.demonyms.keys()].filter((x) => !x.includes(" ")),
        { maxSuffix: 3, minFuzzy: 6, compounds: false, endings: k.grammar.endings },
      ),
  );
}
