/**
 * The knowledge the engine works with: the bundled data and the indexes compiled from it
 * (compile-knowledge.ts), and which of those indexes a build-time cache may give.
 */
import type { CompactOffice } from "../lookup/office-directory.js";
import type { NeedModel } from "../recognise/need-model.js";
import type { Arrangements, DirectoryOffice } from "../lookup/office-choice.js";
import type {
  ProtectingArrangement,
  FullMembershipList,
  City,
  FileData,
  MissionNaming,
  Need,
  Organization,
  OfficeType,
  Rule,
} from "../../model/data-schemas.js";
import type { ScriptedWordIndex, WordIndex } from "../text/word-matcher.js";

export type DataSet = FileData;

/** The names of the grammar's word lists (data/lexicon.json, `grammar`). */
export type GrammarList = keyof DataSet["lexicon"]["grammar"];
/** Each grammar list, every language's words together, matched as written. */
export type Grammar = Record<GrammarList, ReadonlySet<string>>;

export interface CountryInfo {
  code: string;
  cca3: string;
  /** English common name, e.g. "Netherlands". */
  name: string;
  /** Name for running text, e.g. "the Netherlands". */
  shortName: string;
  capital: string | null;
}

/** A need as answers read it: its record without the terms and phrases, which only the vocabulary
 *  (built at build time) reads. */
export type NeedRecord = Omit<Need, "terms" | "phrases">;

/** What mission-naming.json says of one organization's offices (see `Knowledge.orgNaming`). */
export interface OrgNaming {
  orgStyles: MissionNaming["orgStyles"];
  observerStyles: MissionNaming["observerStyles"];
  orgConventions: NonNullable<MissionNaming["orgConventions"]>;
  nonMemberOffices: NonNullable<MissionNaming["nonMemberOffices"]>;
}

interface CompiledNeed {
  need: NeedRecord;
  /** Concept id (or org:id / org:*) → weight. */
  signals: Map<string, number>;
  all: string[];
  any: string[];
  refines: string[];
}

/** A multi-word term: its words after stop-word removal, and who owns it. */
export interface Sequence {
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
  /** Names that mean several countries ("congo" → CD, CG), folded. */
  ambiguousNames: ReadonlyMap<string, string[]>;
  /** Upper-case alpha-2/alpha-3 codes → alpha-2. */
  codes: Map<string, string>;
  cities: ReadonlyMap<string, City>;
  cityNames: Map<string, string>;
  /** Folded name → [name, country, population] of the most populous world city of that name. */
  worldCityNames: Map<string, [string, string, number]>;
  capitals: Map<string, string>;
  orgs: ReadonlyMap<string, Organization>;
  orgNames: Map<string, string>;
  /** Short acronyms that are also words ("UN", "WHO", "EU"): matched only as written. */
  orgCaseSensitive: Map<string, string>;
  officeTypes: Map<string, OfficeType>;
  officeTypeNames: Map<string, string>;
  /** Single-token names of places and nationalities, for typo-tolerant lookup in text. */
  placeIndex: WordIndex;
  maxNameWords: number;
  stopwords: Set<string>;
  /** The words of every term, matched with endings, typos and compounds (ScriptedWordIndex). */
  vocab: ScriptedWordIndex;
  /** Every word of every term, for telling names from need words. */
  vocabWords: { has(word: string): boolean };
  /** The vocabulary's words of one script each: a text in Latin letters reads only the first. */
  vocabLatin: WordIndex;
  vocabCyrillic: WordIndex;
  vocabArabic: WordIndex;
  vocabCjk: WordIndex;
  vocabOther: WordIndex;
  wordOwners: Map<string, string[]>;
  sequences: Map<string, Sequence[]>;
  /** The needs' records without terms and phrases (cached: a classify need not parse needs.json). */
  needRecords: NeedRecord[];
  needs: CompiledNeed[];
  needById: Map<string, CompiledNeed>;
  rules: Rule[];
  /** What names a state's office in another state (mission-naming.json's bilateral part: a classify
   *  need not read the ~60 KB file for a title). */
  bilateralNaming: Pick<MissionNaming, "bilateral" | "stateOverrides" | "holySeeRepresentation" | "taiwanAllies">;
  /** By organization id, what names states' offices to it (mission-naming.json's entries for that
   *  organization; observer styles also of its parent), in file order. */
  orgNaming: ReadonlyMap<string, OrgNaming>;
  /** City id → organizations seated there. */
  hubs: ReadonlyMap<string, Organization[]>;
  seats: ReadonlyMap<string, { city: string; capital: string }>;
  /** Organization id → its membership list (UN bodies share the UN's). */
  memberships: ReadonlyMap<string, FullMembershipList>;
  /** Active protecting-power arrangements, by "protected>host". */
  protecting: ReadonlyMap<string, ProtectingArrangement>;
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
  unhcrRegistersAsylum: ReadonlySet<string>;
  /** Countries where a source says the state itself registers asylum seekers (elsewhere: not known). */
  stateRegistersAsylum: ReadonlySet<string>;
  /** Parties to the Apostille Convention in force, and objections ("A>B": A objected to B). */
  apostille: { parties: Set<string>; objections: Set<string> };
  cues: Record<keyof DataSet["lexicon"]["cues"], Map<string, number>>;
  /** The grammar's word lists (articles, words for a place, endings, ...), all languages together. */
  grammar: Grammar;
  /** The need model, loaded on first call by the store (absent: the rules alone read needs). */
  needModel?: () => NeedModel | null;
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
  "vocabLatin",
  "vocabCyrillic",
  "vocabArabic",
  "vocabCjk",
  "vocabOther",
  "wordOwners",
  "sequences",
  "cues",
  "grammar",
  "needRecords",
  "rules",
  "bilateralNaming",
  "orgNaming",
  "officeRecords",
  "officeCoverage",
  "officesMeta",
  "cityPoints",
  "memberships",
  "protecting",
  "arrangements",
  "cities",
  "orgs",
  "hubs",
  "seats",
  "ambiguousNames",
  "unhcrRegistersAsylum",
  "stateRegistersAsylum",
] as const satisfies readonly (keyof Knowledge)[];
export type CachedIndex = (typeof CACHED_INDEXES)[number];
