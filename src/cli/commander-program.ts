/**
 * The full program, built with commander: every command, help, version, and commander's own
 * errors mapped to ours. Loaded by src/cli/main.ts when a command line is not a plain one it can run
 * directly. Each command's module is imported only when that command runs.
 */
import { Argument, Command, CommanderError, Option } from "commander";
import { EXIT, UsageError } from "./cli-errors.js";
import { failureOf, printFailure, wantsJson, type Failure } from "./failure-report.js";
import { discardOutput, err, out } from "./output.js";
import { escapeJson, escapeText } from "../engine/text/escape-controls.js";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
const ISSUES = "https://github.com/mission-guide/mission-guide/issues";

type Flags = Record<string, unknown>;

const EXAMPLES = `Examples:
  $ mission-guide ask
  $ mission-guide classify "I'm a Canadian in Geneva and lost my passport"
  $ mission-guide classify "raise a WTO dispute" --citizen CA
  $ mission-guide classify "renew my passport" --citizen US --in "New York" --json
  $ mission-guide hubs --city Geneva
  $ mission-guide orgs NATO
  $ mission-guide missions --country CA
  $ mission-guide explain permanent-mission
  $ mission-guide compare embassy consulate
`;

function examples(lines: string[]): string {
  return `Examples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;
}

/** A value as echoed in a message: quoted, and shortened when long (it may be a pasted page). */
function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

/** The command a command line is about, for "See: mission-guide <command> --help". */
function commandOf(program: Command | undefined, argv: string[]): Command | undefined {
  if (!program) return undefined;
  for (const a of argv) {
    if (a === "--") break;
    const c = program.commands.find((x) => x.name() === a || x.aliases().includes(a));
    if (c) return c;
  }
  return undefined;
}

/** Rewrites one of commander's own errors as ours: one line, kebab-case code, our suggestions. */
async function fromCommander(e: CommanderError, program: Command | undefined, argv: string[]): Promise<Failure> {
  const { closest } = await import("../engine/text/word-matcher.js");
  const cmd = commandOf(program, argv);
  const where = cmd ? ` ${cmd.name()}` : "";
  const value = /'(.*)'/s.exec(e.message)?.[1] ?? "";
  const code = e.code.replace(/^commander\./, "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const commands = (program?.commands ?? []).map((c) => c.name());
  const pick = (input: string, names: string[]): string[] =>
    closest(
      input.toLowerCase(),
      names.map((n) => [n, n]),
    );
  const usage = (message: string, suggestions: string[] = [], c = code): Failure => ({
    code: c,
    message,
    suggestions,
    exitCode: EXIT.usage,
    see: `See: mission-guide${where} --help`,
  });
  switch (e.code) {
    case "commander.unknownCommand":
      return usage(`Unknown command ${quote(value)}.`, pick(value, commands));
    case "commander.help": {
      // Help shown as an error: `help <unknown>`, or global options and no command at all.
      const i = argv.indexOf("help");
      const asked = i >= 0 ? argv[i + 1] : undefined;
      if (asked !== undefined && asked !== "help" && !commands.includes(asked))
        return usage(`Unknown command ${quote(asked)}.`, pick(asked, commands), "unknown-command");
      return usage(`Missing command: give one of ${commands.join(", ")}.`, [], "missing-command");
    }
    case "commander.unknownOption": {
      const flags = [...(cmd?.options ?? []), ...(program?.options ?? [])]
        .filter((o) => !o.hidden)
        .flatMap((o) => [o.long, o.short])
        .filter((f): f is string => typeof f === "string")
        .concat(["--help", "--version"]);
      return usage(`Unknown option ${quote(value)}${where ? ` for${where}` : ""}.`, pick(value.split("=")[0]!, flags));
    }
    case "commander.optionMissingArgument":
      return usage(`Option ${value.split(" ")[0]} needs a value: ${value}.`);
    case "commander.invalidArgument": {
      // "option '--format <format>' argument 'x' is invalid. Allowed choices are a, b." or
      // "command-argument value 'x' is invalid for argument 'shell'. Allowed choices are a, b."
      const given = /(?:argument|value) '(.*)' is invalid/s.exec(e.message)?.[1] ?? "";
      const what =
        /^error: option '([^' ]+)/.exec(e.message)?.[1] ??
        `<${/for argument '(.*?)'/.exec(e.message)?.[1] ?? "value"}>`;
      const choices = /Allowed choices are (.*)\.\s*$/s.exec(e.message)?.[1]?.split(/,\s*/) ?? [];
      return usage(
        `Invalid ${what} ${quote(given)}${choices.length ? `: use one of ${choices.join(", ")}` : ""}.`,
        pick(given, choices),
      );
    }
    case "commander.missingArgument":
      return usage(`Missing argument <${value}>${where ? ` for${where}` : ""}.`);
    default: {
      const msg = e.message
        .replace(/^error: /, "")
        .replace(/\s*\(Did you mean .*?\)/s, "")
        .replace(/\s+/g, " ")
        .trim();
      return usage(`${msg.charAt(0).toUpperCase()}${msg.slice(1)}${/[.!?]$/.test(msg) ? "" : "."}`);
    }
  }
}

/** Maps anything thrown to its exit status, one line on stderr and, with --json, a JSON error. */
export async function report(e: unknown, json: boolean, program?: Command, argv: string[] = []): Promise<number> {
  let f: Failure;
  const known = failureOf(e);
  if (known) {
    f = known;
  } else if (e instanceof CommanderError) {
    // --help and --version end here too, having printed what they print.
    if (e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
    f = await fromCommander(e, program, argv);
  } else {
    const internal = e instanceof Error ? e : new Error(String(e));
    err(escapeText(`mission-guide: internal error: ${internal.message}. Please report it at ${ISSUES}`));
    if ((process.env.DEBUG ?? "").split(",").includes("mission-guide")) err(internal.stack ?? "");
    f = { code: "internal", message: internal.message, suggestions: [], exitCode: EXIT.internal };
    if (json)
      out(
        escapeJson(JSON.stringify({ schemaVersion: 1, error: { code: f.code, message: f.message, suggestions: [] } })),
      );
    return f.exitCode;
  }
  printFailure(f, json);
  return f.exitCode;
}

/**
 * An empty value is a mistake, not a request for everything: `--city ""` from a script whose
 * variable was unset would otherwise list every hub.
 */
function rejectEmptyValues(cmd: Command): void {
  const options = [...cmd.options, ...(cmd.parent?.options ?? [])];
  for (const [key, value] of Object.entries(cmd.optsWithGlobals())) {
    if (typeof value !== "string" || value.trim() !== "") continue;
    const flag = options.find((o) => o.attributeName() === key)?.long ?? `--${key}`;
    throw new UsageError(`${flag} needs a value, and it was empty.`, "empty-value");
  }
  cmd.registeredArguments.forEach((arg, i) => {
    const value: unknown = cmd.processedArgs[i];
    if (typeof value === "string" && value.trim() === "") {
      throw new UsageError(`<${arg.name()}> is empty: give a value, or leave it out.`, "empty-value");
    }
  });
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  // Configure before adding commands: commander copies these only to commands created later.
  program
    .name("mission-guide")
    .description(
      "Which office do I need? Embassy, consulate, permanent mission, a domestic authority or the organization itself.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--json", "print JSON (a stable, versioned document) instead of text")
    .option("--no-color", "no colour (also NO_COLOR=1)")
    .option("--no-input", "never prompt; fail with a hint instead")
    .option("--data <dir>", "overlay directory of data files (validated before use)")
    .exitOverride()
    // Errors are reported by report(), in one line; help shown as an error is replaced by one too.
    .configureOutput({ outputError: () => undefined, writeErr: () => undefined })
    .showSuggestionAfterError(false)
    // Each command's help also lists --json, --data and the other options every command takes.
    .configureHelp({ showGlobalOptions: true })
    .hook("preAction", (_program, action) => rejectEmptyValues(action))
    .allowExcessArguments(false)
    .addHelpText("beforeAll", "")
    .addHelpText("before", EXAMPLES)
    .addHelpText(
      "after",
      "\nExit status: 0 answered, 1 internal error, 2 usage error, 3 nothing found or need not recognised, 130 cancelled.",
    );

  /** A repeatable option: every value kept, in order ("--citizen IE --citizen GB"). */
  const collect = (value: string, previous: string[] | undefined): string[] => {
    if (value.trim() === "") throw new UsageError("--citizen needs a value, and it was empty.", "empty-value");
    return [...(previous ?? []), value];
  };
  const act =
    <A extends unknown[]>(load: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      setExit(await load(...args));
    };
  const globals = (cmd: Command): Flags => cmd.optsWithGlobals();
  /** The action of a command that takes flags only: load its module when it runs, pass the flags. */
  const flagsOnly = (load: () => Promise<{ run: (flags: Flags) => Promise<number> }>) =>
    act(async (_o: Flags, cmd: Command) => (await load()).run(globals(cmd)));

  program
    .command("ask")
    .description("interactive guide: say what you need, answer a few questions, get the office")
    .argument("[words...]", "the need, if you already know how to put it (skips the first question)")
    .option(
      "--citizen <country>",
      "your citizenship: code, name or nationality (skips that question); repeat for each of several",
      collect,
    )
    .option("--in <place>", "where you are now: a city or a country (skips that question)")
    .option("--to <place>", "where you are going (skips that question)")
    .option("--org <org>", "the international organization concerned (skips that question)")
    .addHelpText(
      "before",
      examples([
        "mission-guide ask",
        "mission-guide ask --citizen CA --in Geneva",
        `mission-guide ask "lost my passport" --citizen Canadian`,
        "mission-guide ask --json > answer.json     # questions on stderr, the answer as JSON on stdout",
      ]),
    )
    .addHelpText(
      "after",
      '\nNeeds a terminal. In scripts use: mission-guide classify "<need>" --citizen C --in P [--to P] [--org O] --json\n',
    )
    .action(
      act(async (words: string[], _o: Flags, cmd: Command) => {
        const m = await import("./commands/ask.js");
        return m.run(words, globals(cmd));
      }),
    );

  program
    .command("classify")
    .description("answer which office serves a need stated in words")
    .argument("[words...]", "the need, in your own words (any of English, French, Spanish, German, ...)")
    .option(
      "--citizen <country>",
      "your citizenship: code, name or nationality (CA, Canada, Canadian); repeat for each of several",
      collect,
    )
    .option("--in <place>", "where you are now: a city or a country (Geneva, Genf, CH)")
    .option("--to <place>", "where you are going (for visas and residence)")
    .option("--org <org>", "the international organization concerned (WTO, UN, NATO)")
    .option("--explain", "show the rule trace and sources")
    .option("--stdin", "read one need per line (text or JSON) from standard input; print NDJSON answers")
    .addHelpText(
      "before",
      examples([
        `mission-guide classify "I'm a Canadian in Geneva and lost my passport"`,
        `mission-guide classify "lost my passport" --citizen CA --in Geneva`,
        `mission-guide classify "visa de turista" --to JP --in MX --json`,
        `mission-guide classify "raise a WTO dispute" --citizen CA --explain`,
      ]),
    )
    .action(
      act(async (words: string[], _o: Flags, cmd: Command) => {
        const m = await import("./commands/classify.js");
        return m.run(words, globals(cmd));
      }),
    );

  program
    .command("hubs")
    .description("cities that host international organizations, and what each hosts")
    .option("--city <city>", "one city, in any language (Geneva, Genève, Genf)")
    .option("--org <org>", "the city that hosts this organization")
    .option("--country <country>", "hubs in this country")
    .addHelpText(
      "before",
      examples(["mission-guide hubs", "mission-guide hubs --city Genf", "mission-guide hubs --org IAEA --json"]),
    )
    .action(flagsOnly(() => import("./commands/hubs.js")));

  program
    .command("orgs")
    .description("international organizations: seat, field, members, how missions to them are named")
    .argument("[org]", "one organization (acronym or name)")
    .option("--city <city>", "organizations seated in this city")
    .option("--member <country>", "organizations this state belongs to")
    .addHelpText(
      "before",
      examples(["mission-guide orgs", "mission-guide orgs NATO --json", "mission-guide orgs --city Vienna"]),
    )
    .action(
      act(async (org: string | undefined, _o: Flags, cmd: Command) => {
        const m = await import("./commands/orgs.js");
        return m.run(org, globals(cmd));
      }),
    );

  program
    .command("missions")
    .description("a state's offices to international organizations: official style, city, standing")
    .option("--country <country>", "the state: code, name or nationality (CA, Canada, Canadian)")
    .option("--org <org>", "one organization (WTO, NATO, UN)")
    .addHelpText(
      "before",
      examples([
        "mission-guide missions --country CA",
        "mission-guide missions --country NO --org EU",
        "mission-guide missions --country VA --json",
      ]),
    )
    .action(flagsOnly(() => import("./commands/missions.js")));

  program
    .command("offices")
    .description("a state's real embassies, consulates and other offices, or the offices in a city")
    .option("--of <state>", "the state that runs the offices: code, name or nationality (AU, Australia)")
    .option("--in <place>", "a country or a city (Switzerland, Geneva)")
    .option("--type <type>", "one office type (embassy, consulate-general, consulate, honorary-consulate, ...)")
    .addHelpText(
      "before",
      examples([
        "mission-guide offices --of AU --in Switzerland",
        "mission-guide offices --in Geneva --type consulate-general",
        "mission-guide offices --of MX --in US --json",
      ]),
    )
    .action(flagsOnly(() => import("./commands/offices.js")));

  program
    .command("data")
    .description("data sources, as-of dates and counts; --check validates the bundled data or an overlay")
    .option("--check", "validate every file and cross-reference (of the bundle, or of --data DIR over it)")
    .option("--max-age <days>", "warn when a file's oldest fact was checked longer ago than this (default 365)")
    .addHelpText(
      "before",
      examples(["mission-guide data", "mission-guide data --check", "mission-guide data --check --data ./my-fixes"]),
    )
    .action(flagsOnly(() => import("./commands/data.js")));

  program
    .command("needs")
    .description("the catalogue of needs the engine recognises, with the office each goes to")
    .option(
      "--category <category>",
      "consular, visa, legalisation, bilateral, multilateral, domestic, organization or none",
    )
    .addHelpText("before", examples(["mission-guide needs", "mission-guide needs --category multilateral"]))
    .action(flagsOnly(() => import("./commands/needs.js")));

  program
    .command("explain")
    .description("what an office type is and does")
    .argument("<office-type>", "embassy, consulate, high-commission, permanent-mission, nunciature, ...")
    .addHelpText("before", examples(["mission-guide explain permanent-mission", "mission-guide explain nunciature"]))
    .action(
      act(async (type: string, _o: Flags, cmd: Command) => {
        const m = await import("./commands/explain.js");
        return m.runExplain(type, globals(cmd));
      }),
    );

  program
    .command("compare")
    .description("two office types side by side (default: embassy and permanent-mission)")
    .argument("[a]", "first office type")
    .argument("[b]", "second office type")
    .addHelpText("before", examples(["mission-guide compare", "mission-guide compare embassy consulate"]))
    .action(
      act(async (a: string | undefined, b: string | undefined, _o: Flags, cmd: Command) => {
        const m = await import("./commands/explain.js");
        return m.runCompare(a, b, globals(cmd));
      }),
    );

  program
    .command("rules")
    .description("the rule base, or the decision graph as a Mermaid or Graphviz diagram")
    .addOption(
      new Option(
        "--format <format>",
        "output format (default: table); mermaid and dot draw the decision graph",
      ).choices(["table", "json", "mermaid", "dot"]),
    )
    .addHelpText(
      "before",
      examples([
        "mission-guide rules",
        "mission-guide rules --json | jq -r '.rules[].id'",
        "mission-guide rules --format mermaid > rules.mmd",
        "mission-guide rules --format dot | dot -Tsvg > rules.svg",
      ]),
    )
    .action(flagsOnly(() => import("./commands/rules.js")));

  program
    .command("completion")
    .description("print a shell completion script (commands, options, cities, countries, organizations, ...)")
    .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(["bash", "zsh", "fish"]))
    .addHelpText(
      "before",
      examples([
        "source <(mission-guide completion bash)",
        `mission-guide completion zsh > "\${fpath[1]}/_mission_guide"`,
        "mission-guide completion fish > ~/.config/fish/completions/mission-guide.fish",
      ]),
    )
    .action(
      act(async (shell: string, _o: Flags, cmd: Command) => {
        const m = await import("./commands/completion.js");
        return m.run(shell, cmd.parent ?? cmd, globals(cmd));
      }),
    );

  // The man page, rendered from these definitions; scripts/build-man.mjs writes it at build time.
  program
    .command("man", { hidden: true })
    .description("print the man page (roff)")
    .option("--date <date>", "the page's date (YYYY-MM-DD)")
    .action(
      act(async (_o: Flags, cmd: Command) => {
        const m = await import("./commands/man.js");
        return m.run(cmd.parent ?? cmd, globals(cmd));
      }),
    );

  program.addOption(new Option("--debug").hideHelp());
  return program;
}

/**
 * Parses the command line with commander and runs the command: the full path, with help, version,
 * suggestions for mistakes and every command. Resolves with the exit status.
 */
export async function runProgram(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const args = argv.slice(2);
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    // Whatever a failed command printed is not its answer; with --json stdout is the error alone.
    discardOutput();
    return await report(e, wantsJson(args), program, args);
  }
}
