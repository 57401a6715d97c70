/**
 * The indexes of the names of cities, organizations and office types, and those over names of
 * every kind that free text is read with (loose multi-word names, typo-tolerant place names).
 */
import { fold, spaceCjk } from "../text/fold.js";
import { WordIndex } from "../text/word-matcher.js";
import type { Knowledge } from "./knowledge-type.js";
import type { DefineIndex } from "./lazy-index.js";

/** Strips common inflections so "Vereinten Nationen" meets "Vereinte Nationen". */
export function looseWord(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:en|es|e|n|s)$/, "");
}
function looseKey(key: string): string | null {
  const words = key.split(" ");
  return words.length < 2 ? null : words.map(looseWord).join(" ");
}

/** The names of cities, organizations and office types, and the indexes over names of every kind. */
export function defineNameIndexes(k: Knowledge, lazy: DefineIndex): void {
  const data = k.data;
  // --- cities ---
  lazy("cityNames", () => {
    const cityNames = new Map<string, string>();
    for (const city of data.cities.cities) {
      for (const n of [city.name, ...city.aliases, ...Object.values(city.names).flat()]) {
        const key = spaceCjk(fold(n));
        if (key && !cityNames.has(key)) cityNames.set(key, city.id);
      }
    }
    return cityNames;
  });

  lazy("worldCityNames", () => {
    const m = new Map<string, [string, string, number]>();
    // Most populous first: the first of a name is the one meant ("Valencia" is Spain's).
    for (const [name, country, population] of data["world-cities"].cities) {
      const key = fold(name);
      if (key && !m.has(key)) m.set(key, [name, country, population]);
    }
    return m;
  });

  // --- organizations ---
  let orgNameIdx: { orgNames: Map<string, string>; orgCaseSensitive: Map<string, string> } | null = null;
  const orgNameIndexes = (): { orgNames: Map<string, string>; orgCaseSensitive: Map<string, string> } => {
    if (orgNameIdx) return orgNameIdx;
    const orgNames = new Map<string, string>();
    const orgCaseSensitive = new Map<string, string>();
    for (const o of data.organizations.organizations) {
      for (const n of [o.acronym, o.name, ...Object.values(o.names), ...o.aliases]) {
        // Chinese and Japanese are read a character at a time, as the names of places are.
        const key = spaceCjk(fold(n));
        if (!key) continue;
        // Short acronyms are matched as written, but for those people type in lower case.
        if (/^[A-Z]{2,3}$/.test(n) && !k.grammar.safeLowerAcronyms.has(key)) orgCaseSensitive.set(n, o.id);
        else if (!orgNames.has(key)) orgNames.set(key, o.id);
      }
    }
    return (orgNameIdx = { orgNames, orgCaseSensitive });
  };
  lazy("orgNames", () => orgNameIndexes().orgNames);
  lazy("orgCaseSensitive", () => orgNameIndexes().orgCaseSensitive);

  // --- office types ---
  lazy("officeTypeNames", () => {
    const names = new Map<string, string>();
    for (const t of data["office-types"].officeTypes) {
      for (const n of [t.id, t.name, ...Object.values(t.names), ...t.aliases]) {
        const key = fold(n);
        if (key && !names.has(key)) names.set(key, t.id);
      }
    }
    return names;
  });

  // --- names of every kind, for reading free text ---
  lazy("looseNames", () => {
    const looseNames = new Map<string, { kind: "country" | "city" | "org"; id: string }>();
    const add = (key: string, kind: "country" | "city" | "org", id: string | null | undefined): void => {
      const lk = id ? looseKey(key) : null;
      if (lk && id && !looseNames.has(lk)) looseNames.set(lk, { kind, id });
    };
    for (const [key, code] of k.countryNames) add(key, "country", code);
    for (const [key, id] of k.orgNames) add(key, "org", id);
    for (const [key, id] of k.cityNames) add(key, "city", id);
    return looseNames;
  });
  lazy("looseFirst", () => new Set([...k.looseNames.keys()].map((key) => key.split(" ")[0]!)));
  lazy("maxNameWords", () => {
    let max = 1;
    for (const map of [k.countryNames, k.cityNames, k.orgNames, k.demonyms] as Map<string, unknown>[]) {
      for (const key of map.keys()) max = Math.max(max, key.split(" ").length);
    }
    return Math.min(max, 8);
  });
  lazy("placeIndex", () => {
    const single: string[] = [];
    for (const map of [k.countryNames, k.cityNames, k.demonyms] as Map<string, unknown>[]) {
      for (const key of map.keys()) if (!key.includes(" ") && key.length >= 6) single.push(key);
    }
    return new WordIndex(single, { maxSuffix: 0, minFuzzy: 6, minFuzzyToken: 5, compounds: false });
  });
}
