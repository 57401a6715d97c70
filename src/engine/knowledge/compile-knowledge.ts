/**
 * Compiles the bundled data into the indexes the engine works with. Pure: it takes parsed data
 * and returns lookup tables; it is run once per process (or once per overlay).
 */
import {
  compactOffice,
  compileDirectory,
  ExpandingMap,
  expandOffice,
  norm,
  readOffices,
  type CompactOffice,
} from "../lookup/office-directory.js";
import type { NeedModel } from "../recognise/need-model.js";
import { pairKey, type Arrangements, type ClosureRecord, type DirectoryOffice } from "../lookup/office-choice.js";
import type {
  ProtectingArrangement,
  FullMembershipList,
  City,
  CountryExtra,
  FileData,
  Need,
  Organization,
  OfficeType,
  Rule,
} from "../../model/data-schemas.js";
import { fold } from "../text/fold.js";
import { WordIndex } from "../text/word-matcher.js";

export type DataSet = FileData;

export interface CountryInfo {
  code: string;
  cca3: string;
  /** English common name, e.g. "Netherlands". */
  name: string;
  /** Name for running text, e.g. "the Netherlands". */
  shortName: string;
  capital: string | null;
}

export interface CompiledNeed {
  need: Need;
  /** Concept id (or org:id / org:*) → weight. */
  signals: Map<string, number>;
  all: string[];
  any: string[];
  refines: string[];
}

/** A multi-word term: its words after stop-word removal, and who owns it. */
interface Sequence {
  words: string[];
  owner: string;
  display: string;
}

export interface Knowledge {
  data: DataSet;
  /**
   * The date standing in organizations is computed for (YYYY-MM-DD): the caller's today (the
   * store passes the clock's), else the memberships' as-of date, so the engine stays pure.
   */
  today: string;
  countries: Map<string, CountryInfo>;
  /** Where the country list comes from (the package), for citing it. */
  countriesMeta: { source: { title: string; url: string }; asOf: string };
  /** Folded name (may be several words) → country code, or null when ambiguous. */
  countryNames: Map<string, string | null>;
  /** Folded common names of countries (never dropped as ordinary words). */
  primaryNames: Set<string>;
  /** Multi-word names with each word's inflection stripped ("vereinten nationen" → "vereint nation"). */
  looseNames: Map<string, { kind: "country" | "city" | "org"; id: string }>;
  /** The first words of looseNames' keys: most windows of text start with none of them, and
   *  then the larger index need not be read. */
  looseFirst: Set<string>;
  demonyms: Map<string, string | null>;
  demonymIndex: WordIndex;
  /** Upper-case alpha-2/alpha-3 codes → alpha-2. */
  codes: Map<string, string>;
  cities: Map<string, City>;
  cityNames: Map<string, string>;
  /** Folded name → [name, country, population] of the most populous world city of that name. */
  worldCityNames: Map<string, [string, string, number]>;
  capitals: Map<string, string>;
  orgs: Map<string, Organization>;
  orgNames: Map<string, string>;
  /** Short acronyms that are also words ("UN", "WHO", "EU"): matched only as written. */
  orgCaseSensitive: Map<string, string>;
  officeTypes: Map<string, OfficeType>;
  officeTypeNames: Map<string, string>;
  /** Single-token names of places and nationalities, for typo-tolerant lookup in text. */
  placeIndex: WordIndex;
  maxNameWords: number;
  stopwords: Set<string>;
  vocab: WordIndex;
  /** Every word of every term, for telling names from need words. */
  vocabWords: Set<string>;
  wordOwners: Map<string, string[]>;
  sequences: Map<string, Sequence[]>;
  needs: CompiledNeed[];
  needById: Map<string, CompiledNeed>;
  rules: Rule[];
  /** City id → organizations seated there. */
  hubs: Map<string, Organization[]>;
  seats: Map<string, { city: string; capital: string }>;
  /** Organization id → its membership list (UN bodies share the UN's). */
  memberships: Map<string, FullMembershipList>;
  /** Active protecting-power arrangements, by "protected>host". */
  protecting: Map<string, ProtectingArrangement>;
  /** The office directory: a state's offices in a country, by "operator>host". */
  officesByPair: ReadonlyMap<string, DirectoryOffice[]>;
  /** Offices abroad whose recorded district includes a country, by "operator>country". */
  officesAccredited: ReadonlyMap<string, DirectoryOffice[]>;
  /** The directory as the build cache keeps it (see CompactOffice), by "operator>host". */
  officeRecords: ReadonlyMap<string, CompactOffice[]>;
  /** The hosts of an operator's offices whose district covers a country, by "operator>country". */
  officeCoverage: ReadonlyMap<string, string[]>;
  /** Where the directory comes from, for the answers' sources. */
  officesMeta: { title: string; snapshotDate: string };
  /** Where a city is ("CH|lausanne" → [lat, lon]), from the offices recorded in it. */
  cityPoints: ReadonlyMap<string, [number, number]>;
  /** What serves a state's citizens where it has no office of its own. */
  arrangements: Arrangements;
  /** Countries where UNHCR, not the state, registers asylum seekers. */
  unhcrRegistersAsylum: Set<string>;
  /** Parties to the Apostille Convention in force, and objections ("A>B": A objected to B). */
  apostille: { parties: Set<string>; objections: Set<string> };
  cues: Record<keyof DataSet["lexicon"]["cues"], Map<string, number>>;
  /** The need model, loaded on first call by the store (absent: the rules alone read needs). */
  needModel?: () => NeedModel | null;
}

/** Short acronyms people type in lower case without ambiguity. */
const SAFE_LOWER_ACRONYMS = new Set([
  "wto",
  "omc",
  "oms",
  "ilo",
  "oit",
  "fao",
  "wfp",
  "imf",
  "fmi",
  "icj",
  "cij",
  "icc",
  "iom",
  "oim",
  "itu",
  "uit",
  "upu",
  "wmo",
  "omm",
  "oas",
  "oea",
  "onu",
  "unog",
  "nato",
  "otan",
  "osce",
  "unhcr",
  "iaea",
  "oecd",
  "ocde",
]);
/** Codes that are also common words when typed in capitals. */
const CODE_WORDS = new Set([
  "AT",
  "BE",
  "BY",
  "DO",
  "GO",
  "HE",
  "HI",
  "IN",
  "IS",
  "IT",
  "ME",
  "MY",
  "NO",
  "OF",
  "ON",
  "OR",
  "SO",
  "TO",
  "UP",
  "AM",
  "AN",
  "AS",
  "ID",
  "LA",
  "LE",
  "DE",
  "ES",
  "EL",
  "EN",
  "ET",
  "AU",
  "SE",
  "SI",
  "TU",
  "UN",
  "AND",
  "ARE",
  "CAN",
  "NOR",
  "PER",
  "TON",
  "FIN",
  "BIN",
  "DIE",
  "DER",
  "MAR",
  "PRT",
  "EST",
  "LIE",
  "SAU",
  "GAB",
  "TUN",
  "MAC",
  "CHE",
  "BEL",
  "IRL",
  "SUR",
]);

const ARTICLE_NAMES =
  /^(United|Netherlands|Philippines|Bahamas|Gambia|Maldives|Seychelles|Comoros|Marshall|Solomon|Central African|Dominican|Democratic|Republic of the|Czech Republic|Holy See)/;

function addName(map: Map<string, Set<string>>, name: string, code: string): void {
  const key = fold(name);
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

/** Strips common inflections so "Vereinten Nationen" meets "Vereinte Nationen". */
export function looseWord(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:en|es|e|n|s)$/, "");
}
function looseKey(key: string): string | null {
  const words = key.split(" ");
  return words.length < 2 ? null : words.map(looseWord).join(" ");
}

/**
 * The words of a term as matched. Stop-words are dropped, as they are skipped in the text, unless
 * that would leave one word of a phrase: then they are kept and required ("at home", "no money",
 * "UN jobs" mean more than "home", "money", "jobs").
 */
export function termWords(term: string, stop: Set<string>): { words: string[]; exact: boolean } {
  const exact = term.startsWith("=");
  const words = fold(exact ? term.slice(1) : term)
    .split(" ")
    .filter(Boolean);
  const content = words.filter((w) => !stop.has(w));
  return { words: words.length > 1 && content.length <= 1 ? words : content, exact };
}

/** Indexes that cost real work to build (folding thousands of names and terms); a build-time
 *  cache of them (dist/cache/, see src/store/) makes a one-shot command start fast. */
export const CACHED_INDEXES = [
  "worldCityNames",
  "countries",
  "countriesMeta",
  "countryNames",
  "primaryNames",
  "demonyms",
  "codes",
  "capitals",
  "cityNames",
  "orgNames",
  "orgCaseSensitive",
  "officeTypeNames",
  "looseNames",
  "looseFirst",
  "maxNameWords",
  "placeIndex",
  "demonymIndex",
  "stopwords",
  "vocab",
  "vocabWords",
  "wordOwners",
  "sequences",
  "cues",
  "officeRecords",
  "officeCoverage",
  "officesMeta",
  "cityPoints",
] as const satisfies readonly (keyof Knowledge)[];
export type CachedIndex = (typeof CACHED_INDEXES)[number];
/** Where cached indexes come from (src/store/index-cache-format.ts): each is read only when first
 *  used, as the value the index would have had; undefined when the cache cannot give it. */
export interface IndexCache {
  get(key: CachedIndex): unknown;
}

/** Defines a property computed on first read (or taken from the cache), then kept. */
function lazyProp<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K], cache?: IndexCache): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      const cached = (CACHED_INDEXES as readonly PropertyKey[]).includes(key)
        ? cache?.get(key as CachedIndex)
        : undefined;
      const value = (cached !== undefined ? cached : make()) as T[K];
      Object.defineProperty(obj, key, { value, enumerable: true });
      return value;
    },
  });
}

/**
 * Builds the indexes from the data. Each group of indexes is built the first time it is used, so
 * `hubs --city Geneva` reads and indexes the cities and organizations and nothing else.
 */
export function compile(data: DataSet, cache?: IndexCache, today?: string): Knowledge {
  const k = { data } as Knowledge;
  // Read the memberships' date only when asked, so an index built here does not depend on that file.
  if (today) k.today = today;
  else Object.defineProperty(k, "today", { get: () => data.memberships.asOf, enumerable: true, configurable: true });
  const lazy = <K extends keyof Knowledge>(obj: Knowledge, key: K, make: () => Knowledge[K]): void =>
    lazyProp(obj, key, make, cache);

  // --- countries: package names first, then our own aliases (settled when shared) ---
  const extrasByCode = (): Map<string, CountryExtra> =>
    new Map(data["country-extras"].countries.map((e) => [e.code, e]));
  lazy(k, "countries", () => {
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
  lazy(k, "countriesMeta", () => ({ source: data.countries.source, asOf: data.countries.asOf }));
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
    lazy(k, key, () => countryIndexes()[key] as never);
  }
  lazy(
    k,
    "demonymIndex",
    () =>
      new WordIndex(
        [...k.demonyms.keys()].filter((x) => !x.includes(" ")),
        { maxSuffix: 3, minFuzzy: 6, compounds: false },
      ),
  );

  // --- cities ---
  lazy(k, "cities", () => new Map(data.cities.cities.map((c) => [c.id, c])));
  lazy(k, "cityNames", () => {
    const cityNames = new Map<string, string>();
    for (const city of data.cities.cities) {
      for (const n of [city.name, ...city.aliases, ...Object.values(city.names).flat()]) {
        const key = fold(n);
        if (key && !cityNames.has(key)) cityNames.set(key, city.id);
      }
    }
    return cityNames;
  });

  lazy(k, "worldCityNames", () => {
    const m = new Map<string, [string, string, number]>();
    // Most populous first: the first of a name is the one meant ("Valencia" is Spain's).
    for (const [name, country, population] of data["world-cities"].cities) {
      const key = fold(name);
      if (key && !m.has(key)) m.set(key, [name, country, population]);
    }
    return m;
  });

  // --- organizations and the hubs they make ---
  lazy(k, "orgs", () => new Map(data.organizations.organizations.map((o) => [o.id, o])));
  lazy(k, "hubs", () => {
    const hubs = new Map<string, Organization[]>();
    for (const o of data.organizations.organizations) {
      const list = hubs.get(o.city);
      if (list) list.push(o);
      else hubs.set(o.city, [o]);
    }
    return hubs;
  });
  let orgNameIdx: { orgNames: Map<string, string>; orgCaseSensitive: Map<string, string> } | null = null;
  const orgNameIndexes = (): { orgNames: Map<string, string>; orgCaseSensitive: Map<string, string> } => {
    if (orgNameIdx) return orgNameIdx;
    const orgNames = new Map<string, string>();
    const orgCaseSensitive = new Map<string, string>();
    for (const o of data.organizations.organizations) {
      for (const n of [o.acronym, o.name, ...Object.values(o.names), ...o.aliases]) {
        const key = fold(n);
        if (!key) continue;
        if (/^[A-Z]{2,3}$/.test(n) && !SAFE_LOWER_ACRONYMS.has(key)) orgCaseSensitive.set(n, o.id);
        else if (!orgNames.has(key)) orgNames.set(key, o.id);
      }
    }
    return (orgNameIdx = { orgNames, orgCaseSensitive });
  };
  lazy(k, "orgNames", () => orgNameIndexes().orgNames);
  lazy(k, "orgCaseSensitive", () => orgNameIndexes().orgCaseSensitive);

  // The bundled files are read without zod, so the lists' defaults are filled in here.
  lazy(
    k,
    "memberships",
    () =>
      new Map(
        data.memberships.lists.map((l) => [
          l.org,
          {
            ...l,
            otherMembers: l.otherMembers ?? [],
            associateMembers: l.associateMembers ?? [],
            participatingStates: l.participatingStates ?? [],
            observers: l.observers ?? [],
            otherObservers: l.otherObservers ?? [],
            partners: l.partners ?? [],
            suspended: l.suspended ?? [],
            changes: l.changes ?? [],
          },
        ]),
      ),
  );
  lazy(
    k,
    "unhcrRegistersAsylum",
    () =>
      new Set(data["country-extras"].countries.filter((e) => e.asylumRegistration?.by === "unhcr").map((e) => e.code)),
  );
  lazy(k, "protecting", () => {
    const active = data["protecting-powers"].arrangements.filter((a) => a.status === "active");
    return new Map(active.map((a) => [`${a.protected}>${a.in}`, a]));
  });
  // --- the office directory and what serves where a state has no office ---
  let directory: ReturnType<typeof compileDirectory> | null = null;
  const officeDirectory = (): ReturnType<typeof compileDirectory> => {
    if (directory) return directory;
    const c = data["office-corrections"];
    return (directory = compileDirectory(readOffices(data.offices), c, data["embassy-seats"].seats));
  };
  // The build cache keeps the directory compact (officeRecords, officeCoverage, officesMeta); the
  // engine reads full offices through views over them.
  lazy(k, "officesMeta", () => ({
    title: data.offices.source.title,
    snapshotDate: data.offices.source.snapshotDate ?? data.offices.asOf,
  }));
  lazy(k, "officeRecords", () => {
    const asOf = k.officesMeta.snapshotDate;
    const m = new Map<string, CompactOffice[]>();
    for (const [key, list] of officeDirectory().byPair)
      m.set(
        key,
        list.map((o) => compactOffice(o, asOf)),
      );
    return m;
  });
  lazy(k, "officeCoverage", () => {
    const m = new Map<string, string[]>();
    for (const [key, list] of officeDirectory().accredited) m.set(key, [...new Set(list.map((o) => o.host))].sort());
    return m;
  });
  lazy(
    k,
    "officesByPair",
    () =>
      new ExpandingMap(k.officeRecords, (key, list: CompactOffice[]) =>
        list.map((c) => expandOffice(key, c, k.officesMeta.snapshotDate)),
      ),
  );
  lazy(
    k,
    "officesAccredited",
    () =>
      new ExpandingMap(k.officeCoverage, (key, hosts: string[]) => {
        // "operator>country" → the operator's offices in those hosts whose district covers the country.
        const [operator, country] = key.split(">");
        return hosts.flatMap((h) =>
          (k.officesByPair.get(`${operator}>${h}`) ?? []).filter((o) => o.covers.includes(country!)),
        );
      }),
  );
  lazy(k, "cityPoints", () => {
    // Where a city is: the world cities' positions, most populous of a name first; then, for
    // places they lack (districts, small towns), the offices recorded there.
    const points = new Map<string, [number, number]>();
    for (const [name, country, , lat, lon] of data["world-cities"].cities) {
      const key = `${country}|${norm(name)}`;
      if (lat !== undefined && lon !== undefined && !points.has(key)) points.set(key, [lat, lon]);
    }
    for (const [key, p] of officeDirectory().cityPoints) if (!points.has(key)) points.set(key, p);
    return points;
  });
  lazy(k, "arrangements", () => {
    const c = data["office-corrections"];
    const closures = new Map<string, ClosureRecord[]>();
    for (const x of c.closures) {
      if (x.status === "reopened") continue;
      const key = `${x.operator}>${x.host}`;
      const rec: ClosureRecord = {
        operator: x.operator,
        host: x.host,
        city: x.city,
        status: x.status,
        since: x.since,
        note: x.note ?? null,
      };
      closures.set(key, [...(closures.get(key) ?? []), rec]);
    }
    return {
      protecting: k.protecting,
      noRelations: new Map(
        data["no-relations"].pairs.map((p) => [
          pairKey(p.a, p.b),
          { a: p.a, b: p.b, since: p.since, note: p.note ?? null },
        ]),
      ),
      closures,
      sharing: data["consular-sharing"].arrangements.map((a) => ({
        id: a.id,
        name: a.name,
        served: a.served,
        by: a.by,
        where: a.where,
        alsoWhere: a.alsoWhere ?? [],
        caveat: a.caveat ?? null,
      })),
      eu: new Set(k.memberships.get("eu")?.members ?? []),
    };
  });
  lazy(k, "apostille", () => {
    const list = k.memberships.get("hcch-apostille");
    return {
      parties: new Set(list?.members ?? []),
      // In force today: not withdrawn by now, and not one the depositary says has no legal effect.
      objections: new Set(
        (list?.objections ?? [])
          .filter((o) => !o.noLegalEffect && !(o.withdrawn && o.withdrawn <= k.today))
          .map((o) => `${o.party}>${o.against}`),
      ),
    };
  });
  lazy(
    k,
    "seats",
    () => new Map(data["embassy-seats"].seats.map((s) => [s.country, { city: s.city, capital: s.capital }])),
  );
  lazy(k, "rules", () => data.rules.rules);

  // --- office types ---
  lazy(k, "officeTypes", () => new Map(data["office-types"].officeTypes.map((t) => [t.id, t])));
  lazy(k, "officeTypeNames", () => {
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
  lazy(k, "looseNames", () => {
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
  lazy(k, "looseFirst", () => new Set([...k.looseNames.keys()].map((key) => key.split(" ")[0]!)));
  lazy(k, "maxNameWords", () => {
    let max = 1;
    for (const map of [k.countryNames, k.cityNames, k.orgNames, k.demonyms] as Map<string, unknown>[]) {
      for (const key of map.keys()) max = Math.max(max, key.split(" ").length);
    }
    return Math.min(max, 8);
  });
  lazy(k, "placeIndex", () => {
    const single: string[] = [];
    for (const map of [k.countryNames, k.cityNames, k.demonyms] as Map<string, unknown>[]) {
      for (const key of map.keys()) if (!key.includes(" ") && key.length >= 6) single.push(key);
    }
    return new WordIndex(single, { maxSuffix: 0, minFuzzy: 6, minFuzzyToken: 5, compounds: false });
  });

  // --- the vocabulary of needs: concept terms, need terms and phrases ---
  interface VocabIndexes {
    stopwords: Set<string>;
    vocab: WordIndex;
    vocabWords: Set<string>;
    wordOwners: Map<string, string[]>;
    sequences: Map<string, Sequence[]>;
    cues: Knowledge["cues"];
  }
  let vocabIdx: VocabIndexes | null = null;
  const vocabIndexes = (): VocabIndexes => {
    if (vocabIdx) return vocabIdx;
    const stopwords = new Set(data.lexicon.stopwords.map(fold));
    const exactOnly = new Set<string>();
    const germanWords = new Set<string>();
    const wordOwners = new Map<string, string[]>();
    const sequences = new Map<string, Sequence[]>();
    const addTerm = (term: string, owner: string, lang: string): void => {
      const { words, exact } = termWords(term, stopwords);
      if (words.length === 0) return;
      if (lang === "de") for (const w of words) germanWords.add(w);
      if (exact) exactOnly.add(words[0]!);
      if (words.length === 1) {
        const w = words[0]!;
        const list = wordOwners.get(w);
        if (!list) wordOwners.set(w, [owner]);
        else if (!list.includes(owner)) list.push(owner);
      } else {
        const seq = { words, owner, display: words.join(" ") };
        const list = sequences.get(words[0]!);
        if (list) list.push(seq);
        else sequences.set(words[0]!, [seq]);
      }
    };
    for (const concept of data.lexicon.concepts) {
      for (const [lang, list] of Object.entries(concept.terms))
        for (const t of list) addTerm(t, `c:${concept.id}`, lang);
    }
    for (const need of data.needs.needs) {
      for (const [lang, list] of Object.entries(need.terms)) for (const t of list) addTerm(t, `t:${need.id}`, lang);
      for (const [lang, list] of Object.entries(need.phrases)) for (const t of list) addTerm(t, `p:${need.id}`, lang);
    }
    const vocabWords = new Set<string>(wordOwners.keys());
    for (const list of sequences.values()) for (const sq of list) for (const w of sq.words) vocabWords.add(w);
    const cueData = data.lexicon.cues;
    const cues = Object.fromEntries(
      (Object.keys(cueData) as (keyof typeof cueData)[]).map((name) => {
        const m = new Map<string, number>();
        for (const c of cueData[name]) {
          const key = fold(c);
          if (key) m.set(key, key.split(" ").length);
        }
        return [name, m];
      }),
    ) as Knowledge["cues"];
    return (vocabIdx = {
      stopwords,
      vocab: new WordIndex(vocabWords, { exactOnly, compoundParts: germanWords }),
      vocabWords,
      wordOwners,
      sequences,
      cues,
    });
  };
  lazy(k, "needs", () =>
    data.needs.needs.map((need) => ({
      need,
      signals: new Map(need.signals.map((sg) => [sg.concept, sg.weight])),
      all: need.all,
      any: need.any,
      refines: need.refines,
    })),
  );
  lazy(k, "needById", () => new Map(k.needs.map((n) => [n.need.id, n])));
  for (const key of ["stopwords", "vocab", "vocabWords", "wordOwners", "sequences", "cues"] as const) {
    lazy(k, key, () => vocabIndexes()[key] as never);
  }
  return k;
}

export function isCodeWord(code: string): boolean {
  return CODE_WORDS.has(code);
}
