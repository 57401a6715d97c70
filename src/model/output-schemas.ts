/**
 * The contract of every `--json` document and of the batch line, as zod schemas. The shipped
 * JSON Schemas (schema/*.schema.json) are generated from these at build time; a test validates
 * real outputs of every command against the shipped files.
 */
import { z } from "zod";
import { FACTS, NEED_CATEGORIES, OFFICE_KINDS, OPERATORS, STANDINGS } from "./vocabularies.js";
import { OfficeType, Rule } from "./data-schemas.js";

const Code = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .describe("ISO 3166-1 alpha-2 country code");
const SchemaVersion = z.literal(1).describe("version of this document's shape");

export const SourceRef = z.object({
  title: z.string(),
  url: z.string(),
  asOf: z.string().describe("date the fact was last checked"),
});

export const ConditionTrace = z.object({
  fact: z.enum(FACTS),
  op: z.enum(OPERATORS),
  value: z.union([z.string(), z.array(z.string())]).optional(),
  actual: z.union([z.string(), z.boolean(), z.null()]),
  passed: z.boolean(),
});
export const RuleTrace = z.object({ rule: z.string(), passed: z.boolean(), conditions: z.array(ConditionTrace) });

const AnswerFields = {
  schemaVersion: SchemaVersion,
  input: z
    .object({
      text: z.string(),
      citizen: Code.nullable().describe("the citizenship the answer is for (with several, the first given)"),
      citizens: z
        .array(Code)
        .min(2)
        .optional()
        .describe("every citizenship, in order, when the person holds several (absent with one or none)"),
      in: z
        .object({
          country: Code,
          city: z.string().nullable(),
          region: z.string().optional().describe("the region that told the country ('Texas' in 'Paris, Texas')"),
          name: z.string().optional().describe("the place as understood, for people: 'Paris (Texas), United States'"),
          understood: z
            .enum(["world-city", "unlisted"])
            .optional()
            .describe(
              "world-city: a city found by its name alone; unlisted: a town no list holds, under a qualifier naming the country",
            ),
        })
        .nullable(),
      to: Code.nullable(),
      org: z.string().nullable(),
    })
    .describe("what the answer was based on: the text, and the facts read from it or given as flags"),
  need: z
    .object({
      id: z.string(),
      label: z.string(),
      category: z.enum(NEED_CATEGORIES),
      confidence: z.number().min(0).max(1),
      matched: z.array(z.string()),
    })
    .nullable()
    .describe("the need recognised, or null (exit status 3)"),
  answer: z
    .object({
      office: z.enum(OFFICE_KINDS),
      of: Code.nullable().describe("whose office (null: your country's)"),
      in: Code.nullable().describe("the country the office is in"),
      city: z.string().nullable(),
      org: z.string().nullable().describe("organization id, for missions and the organization itself"),
      title: z.string(),
      summary: z.string(),
      protectingPower: Code.optional().describe(
        "the state whose embassy acts for the citizen's, where a protecting power does (absent otherwise)",
      ),
      operator: Code.optional().describe(
        "the state that runs the office named (differs from of under a protecting power or sharing)",
      ),
      officeType: z.string().optional().describe("embassy, high-commission, consulate-general, consulate, ..."),
      resident: z
        .boolean()
        .optional()
        .describe("false when the office serves the country from elsewhere, or none is on record"),
      contact: z
        .object({
          address: z.string().optional(),
          phone: z.string().optional(),
          email: z.string().optional(),
          website: z.string().optional(),
        })
        .optional(),
      directory: z
        .object({ id: z.string(), source: z.string(), asOf: z.string() })
        .optional()
        .describe("the directory record the office comes from"),
    })
    .nullable(),
  notThis: z.array(z.object({ office: z.enum(OFFICE_KINDS), title: z.string(), why: z.string() })),
  reasons: z.array(z.string()),
  caveats: z.array(z.string()),
  missing: z.array(z.enum(["citizen", "in", "to", "org"])).describe("facts that would sharpen the answer"),
  rule: z.string().nullable(),
  sources: z.array(SourceRef),
  alternatives: z.array(
    z.object({
      need: z.string(),
      confidence: z.number(),
      office: z.enum(OFFICE_KINDS).optional().describe("the office kind this need would lead to"),
    }),
  ),
  uncertain: z
    .literal(true)
    .optional()
    .describe(
      "the reading is unsure: present exactly when `unsure` is; `unsure` says what (the need, or a role only guessed)",
    ),
  unsure: z
    .array(z.enum(["need", "citizen", "in", "to", "org"]))
    .optional()
    .describe(
      'what is unsure, the need first: "need" when the top needs are close (the alternatives are the other candidates, to choose from), then each role in `guessed`',
    ),
  guessed: z
    .array(z.enum(["citizen", "in", "to", "org"]))
    .optional()
    .describe(
      "roles the words did not state that the answer assumes (its reasons or caveats say how); a flag settles each",
    ),
  citizenships: z
    .array(
      z.object({
        citizen: Code,
        office: z.enum(OFFICE_KINDS).nullable(),
        of: Code.nullable(),
        in: Code.nullable(),
        city: z.string().nullable(),
        title: z.string().nullable(),
        summary: z.string().nullable(),
      }),
    )
    .optional()
    .describe("for a person of several citizenships: the office for each passport, in input.citizens order"),
  warnings: z
    .array(z.string())
    .optional()
    .describe("a flag that contradicts the need (also printed on stderr and listed in caveats)"),
};

/** `classify --json` (with `--explain`, the rule trace too). */
export const ClassifyDoc = z
  .object({
    ...AnswerFields,
    trace: z.array(RuleTrace).optional().describe("with --explain: every rule tried, in order"),
  })
  .strict();

const ErrorBody = z.object({ code: z.string(), message: z.string(), suggestions: z.array(z.string()).optional() });

/** One line of `classify --stdin` output. */
export const BatchLine = z.union([
  z
    .object({
      line: z.number().int().positive().describe("1-based input line number"),
      id: z.unknown().describe("the caller's id, echoed as written; null when none or unreadable"),
      ...AnswerFields,
      trace: z.array(RuleTrace).optional().describe("with --explain: every rule tried, in order"),
    })
    .strict(),
  z.object({ line: z.number().int().positive(), id: z.unknown(), error: ErrorBody }).strict(),
]);

/** One line of `classify --stdin` input, when it is JSON (a plain line is the text alone). */
export const BatchInput = z
  .object({
    text: z.string().min(1),
    citizen: z.string().optional(),
    in: z.string().optional(),
    to: z.string().optional(),
    org: z.string().optional(),
    id: z.unknown().optional(),
  })
  .strict();

/** Any `--json` error. */
export const ErrorDoc = z.object({ schemaVersion: SchemaVersion, error: ErrorBody }).strict();

export const Hub = z.object({
  city: z.string(),
  id: z.string(),
  country: Code,
  names: z.array(z.string()).describe("the city's other names"),
  organizations: z.array(
    z.object({
      id: z.string(),
      acronym: z.string(),
      name: z.string(),
      field: z.string(),
      missionStyle: z.string().nullable(),
    }),
  ),
});
export const HubsDoc = z.object({ schemaVersion: SchemaVersion, hubs: z.array(Hub) }).strict();

/** A state's standing in an organization, computed for today's date from the list and its dated changes. */
export const StandingView = z.object({
  status: z.enum(STANDINGS),
  text: z.string().describe("the standing in words: 'member, withdrawal takes effect 31 December 2026'"),
  effective: z.string().nullable().optional().describe("when a withdrawal takes or took effect (null: not known)"),
  since: z.string().nullable().optional().describe("since when suspended or not participating"),
  approximate: z.literal(true).optional().describe("the date is computed, not confirmed"),
  disputed: z
    .object({ claim: z.literal("withdrawn"), effective: z.string().nullable() })
    .optional()
    .describe("the state says it has withdrawn; the organization still lists it"),
  unconfirmed: z.literal(true).optional(),
  note: z.string().optional(),
  source: SourceRef.optional(),
});

export const OrgView = z.object({
  id: z.string(),
  acronym: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  city: z.string(),
  country: Code,
  field: z.string(),
  parent: z.string().nullable(),
  memberCount: z.number().int().nullable(),
  members: z.array(z.string()).nullable(),
  observers: z.array(Code),
  suspended: z.array(Code),
  associateMembers: z.array(Code).optional(),
  changes: z
    .array(StandingView.extend({ code: Code }))
    .optional()
    .describe("dated changes in states' standing (withdrawals, suspensions), as they stand today"),
  standing: StandingView.optional().describe("with --member: that state's standing in it"),
  signatoriesCount: z.number().int().optional().describe("for a treaty organization: states that signed"),
  ratifiedCount: z.number().int().optional().describe("for a treaty organization: states that ratified"),
  missionStyle: z.string().nullable(),
  headTitle: z.string().nullable(),
  note: z.string().nullable(),
  membersNote: z
    .string()
    .optional()
    .describe("what the membership list's source says, where note is the organization's"),
  membersIncomplete: z
    .literal(true)
    .optional()
    .describe("the list names fewer members than the count: a state not in it may still be a member"),
  url: z.string(),
  source: z.string(),
  asOf: z.string(),
});
export const OrgsDoc = z.object({ schemaVersion: SchemaVersion, organizations: z.array(OrgView) }).strict();

export const NeedView = z.object({
  id: z.string(),
  label: z.string(),
  category: z.enum(NEED_CATEGORIES),
  group: z.string(),
  office: z.enum(OFFICE_KINDS).describe("the office that typically serves it, for a person abroad"),
  officeAtHome: z.enum(OFFICE_KINDS).nullable().describe("the office when the person is at home, where it differs"),
  org: z.string().nullable(),
  rule: z.string().nullable(),
});
export const NeedsDoc = z.object({ schemaVersion: SchemaVersion, needs: z.array(NeedView) }).strict();

export const MissionView = z.object({
  org: z.string().describe("the organization's acronym"),
  title: z.string().nullable().describe("the office's official style; null where the state keeps none there"),
  headTitle: z.string().nullable(),
  city: z.string(),
  country: Code.describe("the country the office is in"),
  status: z.enum(STANDINGS).describe("the state's standing today"),
  suspended: z.literal(true).optional().describe("a member whose rights are suspended"),
  standing: StandingView.optional().describe("the standing in full: dates, dispute, source"),
});
export const MissionsDoc = z
  .object({ schemaVersion: SchemaVersion, country: Code, missions: z.array(MissionView) })
  .strict();

/** One office of the directory, as `offices --json` prints it. */
export const OfficeView = z
  .object({
    operator: Code.describe("the state that runs the office"),
    host: Code.describe("the country the office is in"),
    type: z.string().describe("embassy, high-commission, consulate-general, consulate, honorary-consulate, ..."),
    city: z.string().nullable(),
    name: z.string(),
    contact: z.object({
      address: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
      website: z.string().optional(),
    }),
    services: z.array(z.string()).optional().describe("services it is known to offer (curated records)"),
    notOffered: z.array(z.string()).optional().describe("services its type suggests but it does not offer"),
    directory: z.object({ id: z.string(), source: z.string(), asOf: z.string() }),
  })
  .strict();
/** `offices --json`. */
export const OfficesDoc = z.object({ schemaVersion: SchemaVersion, offices: z.array(OfficeView) }).strict();

/** `rules --json` (and `rules --format json`): the rule base as the engine reads it. */
export const RulesDoc = z.object({ schemaVersion: SchemaVersion, asOf: z.string(), rules: z.array(Rule) }).strict();

export const FileSummary = z.object({
  file: z.string(),
  records: z.number().int(),
  sources: z.number().int().describe("distinct source URLs"),
  oldest: z.string().describe("the oldest as-of date in the file"),
  newest: z.string(),
  stale: z.boolean().describe("whether the oldest fact is older than --max-age days"),
});
/** Where the office directory comes from and how much of its source it could use. */
export const DirectorySummary = z
  .object({
    offices: z.number().int().describe("offices imported"),
    sourceRows: z.number().int().describe("rows in the source file"),
    unmapped: z.number().int().describe("source rows not imported (non-state operators, unrecognised states, ...)"),
    unmappedByReason: z.record(z.string(), z.number().int()),
    snapshotDate: z.string().nullable().describe("the date of the source snapshot, older than the file's as-of date"),
    licence: z.string(),
    source: z.object({ title: z.string(), url: z.string() }),
    corrections: z.number().int().describe("curated closures, service exceptions, seats and additions"),
  })
  .strict();
/** `data --json`. */
export const DataDoc = z
  .object({
    schemaVersion: SchemaVersion,
    package: z.string(),
    files: z.array(FileSummary),
    directory: DirectorySummary,
  })
  .strict();
/** `data --check --json`, when the data is valid (otherwise an error document). */
export const DataCheckDoc = z
  .object({
    schemaVersion: SchemaVersion,
    valid: z.literal(true),
    overlay: z.string().nullable(),
    overlaid: z.array(z.string()).describe("the files taken from the overlay"),
    files: z.array(FileSummary),
  })
  .strict();

/** `completion <shell> --json`. */
export const CompletionDoc = z
  .object({ schemaVersion: SchemaVersion, shell: z.enum(["bash", "zsh", "fish"]), script: z.string() })
  .strict();

export const ExplainDoc = z.object({ schemaVersion: SchemaVersion, officeType: OfficeType }).strict();
export const CompareDoc = z
  .object({ schemaVersion: SchemaVersion, compare: z.tuple([OfficeType, OfficeType]) })
  .strict();

/** Every shipped schema, by file name (schema/<name>.schema.json). */
export const OUTPUT_SCHEMAS = {
  classify: ClassifyDoc,
  "batch-line": BatchLine,
  "batch-input": BatchInput,
  error: ErrorDoc,
  hubs: HubsDoc,
  orgs: OrgsDoc,
  missions: MissionsDoc,
  offices: OfficesDoc,
  needs: NeedsDoc,
  explain: ExplainDoc,
  compare: CompareDoc,
  rules: RulesDoc,
  data: DataDoc,
  "data-check": DataCheckDoc,
  completion: CompletionDoc,
} as const;

/** The JSON Schemas, generated from the zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(OUTPUT_SCHEMAS).map(([name, schema]) => [
      name,
      {
        $id: `https://mission-guide.dev/schema/${name}.schema.json`,
        title: `mission-guide ${name}`,
        ...z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }),
      },
    ]),
  );
}

// The types of these documents, for the engine and the commands that build them (types only: the
// engine and a one-shot command never load zod).
export type Answer = z.output<typeof ClassifyDoc>;
export type ConditionTrace = z.output<typeof ConditionTrace>;
export type RuleTrace = z.output<typeof RuleTrace>;
export type Hub = z.output<typeof Hub>;
export type OrgView = z.output<typeof OrgView>;
export type NeedView = z.output<typeof NeedView>;
export type MissionView = z.output<typeof MissionView>;
export type FileSummary = z.output<typeof FileSummary>;
export type DirectorySummary = z.output<typeof DirectorySummary>;
export type StandingView = z.output<typeof StandingView>;
