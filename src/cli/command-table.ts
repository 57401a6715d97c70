/**
 * Every command, option and argument the program takes, once, as data. From this table come the
 * commander program and its help (src/cli/commander-program.ts), the fast path
 * (src/cli/fast-path.ts), the completion scripts (src/shell/completion-script.ts) and the man page
 * (src/shell/man-page.ts). Each command's module is imported only when that command runs.
 */
import type { CommandSpec, OptionSpec, ProgramSpec } from "../shell/program-spec.js";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

/** Options by their camel-case name, as commander gives them (--no-color sets color to false). */
export type Flags = Record<string, unknown>;

export interface CommandEntry extends CommandSpec {
  /** Runs the command with its positional arguments (in the order declared) and flags. */
  run: (positionals: string[], flags: Flags) => Promise<number>;
}

export interface CommandTable extends ProgramSpec {
  commands: readonly CommandEntry[];
}

/** Each command checks its own flags; the table hands them on as they were parsed. */
const f = (flags: Flags): never => flags as never;

const CITIZEN: OptionSpec = {
  name: "citizen",
  value: "country",
  summary: "your citizenship: code, name or nationality (CA, Canada, Canadian); repeat for each of several",
  complete: "countries",
  repeatable: true,
};
const IN: OptionSpec = {
  name: "in",
  value: "place",
  summary: "where you are now: a city or a country (Geneva, Genf, CH)",
  complete: "places",
};
const TO: OptionSpec = {
  name: "to",
  value: "place",
  summary: "where you are going (for visas and residence)",
  complete: "places",
};
const ORG: OptionSpec = {
  name: "org",
  value: "org",
  summary: "the international organization concerned (WTO, UN, NATO)",
  complete: "orgs",
};

export const COMMAND_TABLE: CommandTable = {
  name: "mission-guide",
  summary:
    "Which office do I need? Embassy, consulate, permanent mission, a domestic authority or the organization itself.",
  version: VERSION,
  options: [
    { name: "json", summary: "print JSON (a stable, versioned document) instead of text" },
    { name: "no-color", summary: "no colour (also NO_COLOR=1)" },
    { name: "no-input", summary: "never prompt; fail with a hint instead" },
    { name: "data", value: "dir", summary: "overlay directory of data files (validated before use)", complete: "dirs" },
    { name: "debug", summary: "", hidden: true },
  ],
  examples: [
    "mission-guide ask",
    `mission-guide classify "I'm a Canadian in Geneva and lost my passport"`,
    `mission-guide classify "raise a WTO dispute" --citizen CA`,
    `mission-guide classify "renew my passport" --citizen US --in "New York" --json`,
    "mission-guide hubs --city Geneva",
    "mission-guide orgs NATO",
    "mission-guide missions --country CA",
    "mission-guide explain permanent-mission",
    "mission-guide compare embassy consulate",
  ],
  commands: [
    {
      name: "ask",
      summary: "interactive guide: say what you need, answer a few questions, get the office",
      arguments: [
        {
          name: "words",
          summary: "the need, if you already know how to put it (skips the first question)",
          required: false,
          variadic: true,
          complete: "needs",
        },
      ],
      options: [
        {
          ...CITIZEN,
          summary: "your citizenship: code, name or nationality (skips that question); repeat for each of several",
        },
        { ...IN, summary: "where you are now: a city or a country (skips that question)" },
        { ...TO, summary: "where you are going (skips that question)" },
        { ...ORG, summary: "the international organization concerned (skips that question)" },
      ],
      examples: [
        "mission-guide ask",
        "mission-guide ask --citizen CA --in Geneva",
        `mission-guide ask "lost my passport" --citizen Canadian`,
        "mission-guide ask --json > answer.json     # questions on stderr, the answer as JSON on stdout",
      ],
      after:
        'Needs a terminal. In scripts use: mission-guide classify "<need>" --citizen C --in P [--to P] [--org O] --json',
      run: async (p, flags) => (await import("./commands/ask.js")).run(p, f(flags)),
    },
    {
      name: "classify",
      summary: "answer which office serves a need stated in words",
      arguments: [
        {
          name: "words",
          summary: "the need, in your own words (any of English, French, Spanish, German, ...)",
          required: false,
          variadic: true,
          complete: "needs",
        },
      ],
      options: [
        CITIZEN,
        IN,
        TO,
        ORG,
        { name: "explain", summary: "show the rule trace and sources" },
        {
          name: "stdin",
          summary:
            "read one need per line (text or JSON) from standard input; print NDJSON answers (with --explain, each with its trace)",
        },
      ],
      after:
        "With --stdin every input line gets one output line, its answer or its error (with the line number and the\n" +
        "caller's id as written), and the exit status is 0 every line answered, 3 some needs not recognised,\n" +
        "2 some lines malformed, 1 some line met an internal error.",
      examples: [
        `mission-guide classify "I'm a Canadian in Geneva and lost my passport"`,
        `mission-guide classify "lost my passport" --citizen CA --in Geneva`,
        `mission-guide classify "visa de turista" --to JP --in MX --json`,
        `mission-guide classify "raise a WTO dispute" --citizen CA --explain`,
      ],
      run: async (p, flags) => (await import("./commands/classify.js")).run(p, f(flags)),
    },
    {
      name: "hubs",
      summary: "cities that host international organizations, and what each hosts",
      arguments: [],
      options: [
        {
          name: "city",
          value: "city",
          summary: "one city, in any language (Geneva, Genève, Genf)",
          complete: "hub-cities",
        },
        { name: "org", value: "org", summary: "the city that hosts this organization", complete: "orgs" },
        { name: "country", value: "country", summary: "hubs in this country", complete: "countries" },
      ],
      examples: ["mission-guide hubs", "mission-guide hubs --city Genf", "mission-guide hubs --org IAEA --json"],
      run: async (_p, flags) => (await import("./commands/hubs.js")).run(f(flags)),
    },
    {
      name: "orgs",
      summary: "international organizations: seat, field, members, how missions to them are named",
      arguments: [{ name: "org", summary: "one organization (acronym or name)", required: false, complete: "orgs" }],
      options: [
        { name: "city", value: "city", summary: "organizations seated in this city", complete: "hub-cities" },
        { name: "member", value: "country", summary: "organizations this state belongs to", complete: "countries" },
      ],
      examples: ["mission-guide orgs", "mission-guide orgs NATO --json", "mission-guide orgs --city Vienna"],
      run: async (p, flags) => (await import("./commands/orgs.js")).run(p[0], f(flags)),
    },
    {
      name: "missions",
      summary: "a state's offices to international organizations: official style, city, standing",
      arguments: [],
      options: [
        {
          name: "country",
          value: "country",
          summary: "the state: code, name or nationality (CA, Canada, Canadian)",
          complete: "countries",
        },
        { name: "org", value: "org", summary: "one organization (WTO, NATO, UN)", complete: "orgs" },
      ],
      examples: [
        "mission-guide missions --country CA",
        "mission-guide missions --country NO --org EU",
        "mission-guide missions --country VA --json",
      ],
      run: async (_p, flags) => (await import("./commands/missions.js")).run(f(flags)),
    },
    {
      name: "offices",
      summary: "a state's real embassies, consulates and other offices, or the offices in a city",
      arguments: [],
      options: [
        {
          name: "of",
          value: "state",
          summary: "the state that runs the offices: code, name or nationality (AU, Australia)",
          complete: "countries",
        },
        { name: "in", value: "place", summary: "a country or a city (Switzerland, Geneva)", complete: "places" },
        {
          name: "type",
          value: "type",
          summary: "one office type (embassy, consulate-general, consulate, honorary-consulate, ...)",
          complete: "office-types",
        },
      ],
      examples: [
        "mission-guide offices --of AU --in Switzerland",
        "mission-guide offices --in Geneva --type consulate-general",
        "mission-guide offices --of MX --in US --json",
      ],
      run: async (_p, flags) => (await import("./commands/offices.js")).run(f(flags)),
    },
    {
      name: "data",
      summary: "data sources, as-of dates and counts; --check validates the bundled data or an overlay",
      arguments: [],
      options: [
        {
          name: "check",
          summary: "validate every file and cross-reference (of the bundle, or of --data DIR over it)",
        },
        {
          name: "max-age",
          value: "days",
          summary: "warn when a file's oldest fact was checked longer ago than this (default 365)",
        },
      ],
      examples: ["mission-guide data", "mission-guide data --check", "mission-guide data --check --data ./my-fixes"],
      run: async (_p, flags) => (await import("./commands/data.js")).run(f(flags)),
    },
    {
      name: "needs",
      summary: "the catalogue of needs the engine recognises, with the office each goes to",
      arguments: [],
      options: [
        {
          name: "category",
          value: "category",
          summary: "consular, visa, legalisation, bilateral, multilateral, domestic, organization or none",
          complete: "need-categories",
        },
      ],
      examples: ["mission-guide needs", "mission-guide needs --category multilateral"],
      run: async (_p, flags) => (await import("./commands/needs.js")).run(f(flags)),
    },
    {
      name: "explain",
      summary: "what an office type is and does",
      arguments: [
        {
          name: "office-type",
          summary: "embassy, consulate, high-commission, permanent-mission, nunciature, ...",
          required: true,
          complete: "office-types",
        },
      ],
      options: [],
      examples: ["mission-guide explain permanent-mission", "mission-guide explain nunciature"],
      run: async (p, flags) => (await import("./commands/explain.js")).runExplain(p[0]!, f(flags)),
    },
    {
      name: "compare",
      summary: "two office types side by side (default: embassy and permanent-mission)",
      arguments: [
        { name: "a", summary: "first office type", required: false, complete: "office-types" },
        { name: "b", summary: "second office type", required: false, complete: "office-types" },
      ],
      options: [],
      examples: ["mission-guide compare", "mission-guide compare embassy consulate"],
      run: async (p, flags) => (await import("./commands/explain.js")).runCompare(p[0], p[1], f(flags)),
    },
    {
      name: "rules",
      summary: "the rule base, or the decision graph as a Mermaid or Graphviz diagram",
      arguments: [],
      options: [
        {
          name: "format",
          value: "format",
          summary: "output format (default: table); mermaid and dot draw the decision graph",
          choices: ["table", "json", "mermaid", "dot"],
        },
      ],
      examples: [
        "mission-guide rules",
        "mission-guide rules --json | jq -r '.rules[].id'",
        "mission-guide rules --format mermaid > rules.mmd",
        "mission-guide rules --format dot | dot -Tsvg > rules.svg",
      ],
      run: async (_p, flags) => (await import("./commands/rules.js")).run(f(flags)),
    },
    {
      name: "completion",
      summary: "print a shell completion script (commands, options, cities, countries, organizations, ...)",
      arguments: [{ name: "shell", summary: "bash, zsh or fish", required: true, choices: ["bash", "zsh", "fish"] }],
      options: [],
      examples: [
        "source <(mission-guide completion bash)",
        `mission-guide completion zsh > "\${fpath[1]}/_mission_guide"`,
        "mission-guide completion fish > ~/.config/fish/completions/mission-guide.fish",
      ],
      run: async (p, flags) => (await import("./commands/completion.js")).run(p[0]!, COMMAND_TABLE, f(flags)),
    },
    {
      name: "man",
      summary: "show the manual page (in a pager on a terminal; roff when piped)",
      arguments: [],
      options: [{ name: "date", value: "date", summary: "the page's date (YYYY-MM-DD)", hidden: true }],
      examples: ["mission-guide man", "mission-guide man > mission-guide.1"],
      run: async (_p, flags) => (await import("./commands/man.js")).run(COMMAND_TABLE, f(flags)),
    },
  ],
};
