/**
 * Compiles the bundled data into the indexes the engine works with. Pure: it takes parsed data
 * and returns lookup tables; it is run once per process (or once per overlay).
 */
import type {
  MembershipList,
  City,
  Country,
  CountryExtra,
  FileData,
  Need,
  Organization,
  OfficeType,
  Rule,
} from "../data/schemas.js";
import { fold } from "./fold.js";
import { WordIndex } from "./matcher.js";

export type DataSet = FileData;

export interface CountryInfo {
  code: string;
  cca3: string;
  /** English common name, e.g. "Netherlands". */
  name: string;
  /** Name for running text, e.g. "the Netherlands". */
  shortName: string;
  capital: string | null;
  raw: Country;
  extra: CountryExtra | undefined;
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
  countries: Map<string, CountryInfo>;
  /** Folded name (may be several words) → country code, or null when ambiguous. */
  countryNames: Map<string, string | null>;
  /** Multi-word names with each word's inflection stripped ("vereinten nationen" → "vereint nation"). */
  looseNames: Map<string, { kind: "country" | "city" | "org"; id: string }>;
  demonyms: Map<string, string | null>;
  demonymIndex: WordIndex;
  /** Upper-case alpha-2/alpha-3 codes → alpha-2. */
  codes: Map<string, string>;
  cities: Map<string, City>;
  cityNames: Map<string, string>;
  /** City names that are also common words: matched in text only when capitalised. */
  citiesNeedingCapital: Set<string>;
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
  wordOwners: Map<string, string[]>;
  sequences: Map<string, Sequence[]>;
  needs: CompiledNeed[];
  needById: Map<string, CompiledNeed>;
  rules: Rule[];
  /** City id → organizations seated there. */
  hubs: Map<string, Organization[]>;
  seats: Map<string, { city: string; capital: string }>;
  /** Organization id → its membership list (UN bodies share the UN's). */
  memberships: Map<string, MembershipList>;
  cues: Record<keyof DataSet["lexicon"]["cues"], Map<string, number>>;
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
/** City names that are ordinary words in a language the tool reads. */
const COMMON_WORD_CITIES = new Set([
  "nice",
  "porto",
  "split",
  "reading",
  "bath",
  "mobile",
  "male",
  "victoria",
  "praia",
  "mar",
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

/** Builds every index from the data. */
export function compile(data: DataSet): Knowledge {
  const stopwords = new Set(data.lexicon.stopwords.map(fold));
  const extras = new Map(data["country-extras"].countries.map((e) => [e.code, e]));

  // Countries: package names first, then our own aliases; a name shared by two countries is
  // ambiguous unless it is one of them's common English name.
  const countries = new Map<string, CountryInfo>();
  const nameCandidates = new Map<string, Set<string>>();
  const demonymCandidates = new Map<string, Set<string>>();
  const ourNames = new Map<string, Set<string>>();
  const independent = new Set<string>();
  const primary = new Map<string, string>();
  const codes = new Map<string, string>();
  const capitals = new Map<string, string>();
  for (const c of data.countries.countries) {
    const extra = extras.get(c.code);
    const shortName =
      extra?.shortName ?? (ARTICLE_NAMES.test(c.name) && !/^the /i.test(c.name) ? `the ${c.name}` : c.name);
    countries.set(c.code, {
      code: c.code,
      cca3: c.cca3,
      name: c.name,
      shortName,
      capital: c.capital[0] ?? null,
      raw: c,
      extra,
    });
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
  const countryNames = settle(nameCandidates, primary, independent, ourNames);
  const demonyms = settle(demonymCandidates, primary, independent, ourNames);
  // Upper-case aliases written as codes ("UK", "USA", "UAE") behave like codes.
  for (const e of data["country-extras"].countries) {
    for (const a of e.aliases) if (/^[A-Z.]{2,5}$/.test(a)) codes.set(a.replace(/\./g, ""), e.code);
  }

  const cities = new Map<string, City>();
  const cityNames = new Map<string, string>();
  const citiesNeedingCapital = new Set<string>();
  for (const city of data.cities.cities) {
    cities.set(city.id, city);
    const names = [city.name, ...city.aliases, ...Object.values(city.names).flat()];
    for (const n of names) {
      const key = fold(n);
      if (key && !cityNames.has(key)) cityNames.set(key, city.id);
      if (COMMON_WORD_CITIES.has(key)) citiesNeedingCapital.add(key);
    }
  }

  const orgs = new Map<string, Organization>();
  const orgNames = new Map<string, string>();
  const orgCaseSensitive = new Map<string, string>();
  const hubs = new Map<string, Organization[]>();
  for (const o of data.organizations.organizations) {
    orgs.set(o.id, o);
    for (const n of [o.acronym, o.name, ...Object.values(o.names), ...o.aliases]) {
      const key = fold(n);
      if (!key) continue;
      if (/^[A-Z]{2,3}$/.test(n) && !SAFE_LOWER_ACRONYMS.has(key)) orgCaseSensitive.set(n, o.id);
      else if (!orgNames.has(key)) orgNames.set(key, o.id);
    }
    orgNames.set(o.id, orgNames.get(o.id) ?? o.id);
    const list = hubs.get(o.city);
    if (list) list.push(o);
    else hubs.set(o.city, [o]);
  }

  const looseNames = new Map<string, { kind: "country" | "city" | "org"; id: string }>();
  const addLoose = (key: string, kind: "country" | "city" | "org", id: string | null | undefined): void => {
    const lk = id ? looseKey(key) : null;
    if (lk && id && !looseNames.has(lk)) looseNames.set(lk, { kind, id });
  };
  for (const [key, code] of countryNames) addLoose(key, "country", code);
  for (const [key, id] of orgNames) addLoose(key, "org", id);
  for (const [key, id] of cityNames) addLoose(key, "city", id);

  const officeTypes = new Map<string, OfficeType>();
  const officeTypeNames = new Map<string, string>();
  for (const t of data["office-types"].officeTypes) {
    officeTypes.set(t.id, t);
    for (const n of [t.id, t.name, ...Object.values(t.names), ...t.aliases]) {
      const key = fold(n);
      if (key && !officeTypeNames.has(key)) officeTypeNames.set(key, t.id);
    }
  }

  let maxNameWords = 1;
  const singleNames: string[] = [];
  for (const map of [countryNames, cityNames, orgNames, demonyms]) {
    for (const k of map.keys()) {
      const n = k.split(" ").length;
      if (n > maxNameWords) maxNameWords = n;
      if (n === 1 && k.length >= 6 && map !== orgNames) singleNames.push(k);
    }
  }
  const placeIndex = new WordIndex(singleNames, { maxSuffix: 0, minFuzzy: 6, compounds: false });
  const demonymIndex = new WordIndex(
    [...demonyms.keys()].filter((k) => !k.includes(" ")),
    { maxSuffix: 3, minFuzzy: 6, compounds: false },
  );

  // Vocabulary: every concept term and need term, single words indexed, phrases as sequences.
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
    for (const [lang, list] of Object.entries(concept.terms)) for (const t of list) addTerm(t, `c:${concept.id}`, lang);
  }
  const needs: CompiledNeed[] = [];
  for (const need of data.needs.needs) {
    for (const [lang, list] of Object.entries(need.terms)) for (const t of list) addTerm(t, `t:${need.id}`, lang);
    for (const [lang, list] of Object.entries(need.phrases)) for (const t of list) addTerm(t, `p:${need.id}`, lang);
    needs.push({
      need,
      signals: new Map(need.signals.map((s) => [s.concept, s.weight])),
      all: need.all,
      any: need.any,
      refines: need.refines,
    });
  }
  const vocabWords = new Set<string>(wordOwners.keys());
  for (const list of sequences.values()) for (const s of list) for (const w of s.words) vocabWords.add(w);
  const vocab = new WordIndex(vocabWords, { exactOnly, compoundParts: germanWords });

  // A one-word name from the package that is also a word the needs are made of ("Mann", a name of
  // the Isle of Man, is German for husband) is dropped, unless it is the country's own name.
  for (const map of [countryNames, cityNames] as Map<string, unknown>[]) {
    for (const key of [...map.keys()]) {
      if (!key.includes(" ") && (vocabWords.has(key) || stopwords.has(key)) && !primary.has(key)) map.delete(key);
    }
  }

  const cueMap = (list: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of list) {
      const k = fold(c);
      if (k) m.set(k, k.split(" ").length);
    }
    return m;
  };
  const cueData = data.lexicon.cues;
  const cues = Object.fromEntries(
    (Object.keys(cueData) as (keyof typeof cueData)[]).map((k) => [k, cueMap(cueData[k])]),
  ) as Knowledge["cues"];

  const seats = new Map(data["embassy-seats"].seats.map((s) => [s.country, { city: s.city, capital: s.capital }]));

  const memberships = new Map(data.memberships.lists.map((l) => [l.org, l]));

  return {
    data,
    memberships,
    countries,
    countryNames,
    looseNames,
    demonyms,
    demonymIndex,
    codes,
    cities,
    cityNames,
    citiesNeedingCapital,
    capitals,
    orgs,
    orgNames,
    orgCaseSensitive,
    officeTypes,
    officeTypeNames,
    placeIndex,
    maxNameWords: Math.min(maxNameWords, 8),
    stopwords,
    vocab,
    wordOwners,
    sequences,
    needs,
    needById: new Map(needs.map((n) => [n.need.id, n])),
    rules: data.rules.rules,
    hubs,
    seats,
    cues,
  };
}

export function isCodeWord(code: string): boolean {
  return CODE_WORDS.has(code);
}
