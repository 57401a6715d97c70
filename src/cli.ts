/**
 * The program: builds the commands, and is the only place that sets the exit status.
 * Each command's module is imported only when that command runs.
 */
import { Command, CommanderError, Option } from "commander";
import { CancelledError, CliError, EXIT } from "./errors.js";
import { err, guardStdout, out } from "./output.js";
import { escapeText } from "./render/escape.js";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
const ISSUES = "https://github.com/mission-guide/mission-guide/issues";

type Flags = Record<string, unknown>;

const EXAMPLES = `Examples:
  $ mission-guide classify "I'm a Canadian in Geneva and lost my passport"
  $ mission-guide classify "raise a WTO dispute" --citizen CA
  $ mission-guide classify "renew my passport" --citizen US --in "New York" --json
  $ mission-guide hubs --city Geneva
  $ mission-guide orgs NATO
  $ mission-guide explain permanent-mission
  $ mission-guide compare embassy consulate
`;

function examples(lines: string[]): string {
  return `Examples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;
}

/** Whether --json was asked for, read from argv so even parse errors can answer in JSON. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

function report(e: unknown, json: boolean): number {
  if (e instanceof CliError) {
    const hint = e.suggestions.length
      ? ` Did you mean ${e.suggestions.map((s) => JSON.stringify(s)).join(" or ")}?`
      : "";
    err(`mission-guide: ${escapeText(e.message)}${hint}`);
    if (json && e.exitCode !== EXIT.cancelled) {
      out(
        JSON.stringify({ schemaVersion: 1, error: { code: e.code, message: e.message, suggestions: e.suggestions } }),
      );
    }
    return e.exitCode;
  }
  if (e instanceof CommanderError) {
    if (
      e.code === "commander.helpDisplayed" ||
      e.code === "commander.version" ||
      e.code === "commander.help" ||
      e.exitCode === 0
    ) {
      return EXIT.ok;
    }
    const msg = e.message
      .replace(/^error: /, "")
      .replace(/\n+/g, " ")
      .trim();
    const suggestion = /Did you mean (.+?)\?/.exec(msg)?.[1];
    err(`mission-guide: ${escapeText(msg)} See: mission-guide --help`);
    if (json) {
      out(
        JSON.stringify({
          schemaVersion: 1,
          error: {
            code: e.code.replace(/^commander\./, ""),
            message: msg,
            suggestions: suggestion ? [suggestion.replace(/^--?/, "")] : [],
          },
        }),
      );
    }
    return EXIT.usage;
  }
  const internal = e instanceof Error ? e : new Error(String(e));
  err(`mission-guide: internal error: ${escapeText(internal.message)}. Please report it at ${ISSUES}`);
  if ((process.env.DEBUG ?? "").split(",").includes("mission-guide")) err(internal.stack ?? "");
  if (json) {
    out(JSON.stringify({ schemaVersion: 1, error: { code: "internal", message: internal.message, suggestions: [] } }));
  }
  return EXIT.internal;
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
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText("beforeAll", "")
    .addHelpText("before", EXAMPLES)
    .addHelpText(
      "after",
      "\nExit status: 0 answered, 1 internal error, 2 usage error, 3 nothing found or need not recognised, 130 cancelled.",
    );

  const act =
    <A extends unknown[]>(load: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      setExit(await load(...args));
    };
  const globals = (cmd: Command): Flags => cmd.optsWithGlobals();

  program
    .command("classify")
    .description("answer which office serves a need stated in words")
    .argument("[words...]", "the need, in your own words (any of English, French, Spanish, German, ...)")
    .option("--citizen <country>", "your citizenship: code, name or nationality (CA, Canada, Canadian)")
    .option("--in <place>", "where you are now: a city or a country (Geneva, Genf, CH)")
    .option("--to <place>", "where you are going (for visas and residence)")
    .option("--org <org>", "the international organization concerned (WTO, UN, NATO)")
    .option("--explain", "show the rule trace and sources")
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
    .action(
      act(async (_o: Flags, cmd: Command) => {
        const m = await import("./commands/hubs.js");
        return m.run(globals(cmd));
      }),
    );

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
    .command("needs")
    .description("the catalogue of needs the engine recognises, with the office each goes to")
    .option(
      "--category <category>",
      "consular, visa, legalisation, bilateral, multilateral, domestic, organization or none",
    )
    .addHelpText("before", examples(["mission-guide needs", "mission-guide needs --category multilateral"]))
    .action(
      act(async (_o: Flags, cmd: Command) => {
        const m = await import("./commands/needs.js");
        return m.run(globals(cmd));
      }),
    );

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

  program.addOption(new Option("--debug").hideHelp());
  return program;
}

/** Runs the CLI; resolves with the exit status (never calls process.exit). */
export async function main(argv: string[]): Promise<number> {
  guardStdout();
  let code: number = EXIT.ok;
  const json = wantsJson(argv.slice(2));
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
    return report(e, json);
  }
}

const onSigint = (): void => {
  err(new CancelledError().message);
  process.exitCode = EXIT.cancelled;
  process.exit();
};
process.once("SIGINT", onSigint);

main(process.argv).then(
  (c) => {
    process.exitCode = c;
  },
  (e: unknown) => {
    process.exitCode = report(e, wantsJson(process.argv.slice(2)));
  },
);
