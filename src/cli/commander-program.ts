/**
 * The full program, built with commander from the command table (src/cli/command-table.ts): every
 * command, help, version, and commander's own errors mapped to ours by their code. Loaded by
 * src/cli/main.ts when a command line is not a plain one it can run directly.
 */
import { Argument, Command, CommanderError, Option } from "commander";
import { EXIT, UsageError, commanderFailure } from "./cli-errors.js";
import { COMMAND_TABLE, type CommandTable, type Flags } from "./command-table.js";
import { readCommandLine } from "./fast-path.js";
import { failureOf, printFailure, wantsJson, type Failure } from "./failure-report.js";
import { discardOutput, err, out } from "./output.js";
import { escapeJson, escapeText } from "../engine/text/escape-controls.js";
import { BUILT_IN_OPTIONS, argumentLabel, optionFlags, type OptionSpec } from "../shell/program-spec.js";

const ISSUES = "https://github.com/mission-guide/mission-guide/issues";

function examples(lines: readonly string[]): string {
  return `Examples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;
}

/** Rewrites one of commander's own errors as ours, by its code. */
async function fromCommander(e: CommanderError, argv: string[], table: CommandTable): Promise<Failure> {
  const { closest } = await import("../engine/text/word-matcher.js");
  const reading = readCommandLine(argv, table);
  return commanderFailure(
    e.code,
    {
      command: reading.command?.name,
      helpFor: reading.helpFor,
      commands: table.commands.filter((c) => !c.hidden).map((c) => c.name),
      problems: reading.problems,
    },
    (input, names) =>
      closest(
        input.toLowerCase(),
        names.map((n) => [n, n]),
      ),
  );
}

/** Maps anything thrown to its exit status, one line on stderr and, with --json, a JSON error. */
export async function report(
  e: unknown,
  json: boolean,
  argv: string[] = [],
  table: CommandTable = COMMAND_TABLE,
): Promise<number> {
  let f: Failure;
  const known = failureOf(e);
  if (known) {
    f = known;
  } else if (e instanceof CommanderError) {
    // --help and --version end here too, having printed what they print.
    if (e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
    f = await fromCommander(e, argv, table);
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

function option(o: OptionSpec): Option {
  const opt = new Option(optionFlags(o), o.summary);
  if (o.choices) opt.choices(o.choices);
  if (o.hidden) opt.hideHelp();
  // A repeatable option keeps every value, in order ("--citizen IE --citizen GB").
  if (o.repeatable)
    opt.argParser((value: string, previous: string[] | undefined): string[] => {
      if (value.trim() === "") throw new UsageError(`--${o.name} needs a value, and it was empty.`, "empty-value");
      return [...(previous ?? []), value];
    });
  return opt;
}

/** The commander program for a command table; each command's action sets the exit status. */
export function buildProgram(setExit: (code: number) => void, table: CommandTable = COMMAND_TABLE): Command {
  const program = new Command();
  // Configure before adding commands: commander copies these only to commands created later.
  program
    .name(table.name)
    .description(table.summary)
    .version(table.version, optionFlags(BUILT_IN_OPTIONS[0]), BUILT_IN_OPTIONS[0].summary)
    .helpOption(optionFlags(BUILT_IN_OPTIONS[1]), BUILT_IN_OPTIONS[1].summary)
    .exitOverride()
    // Errors are reported by report(), in one line; help shown as an error is replaced by one too.
    .configureOutput({ outputError: () => undefined, writeErr: () => undefined })
    .showSuggestionAfterError(false)
    // Each command's help also lists --json, --data and the other options every command takes.
    .configureHelp({ showGlobalOptions: true })
    .hook("preAction", (_program, action) => rejectEmptyValues(action))
    .allowExcessArguments(false)
    .addHelpText("before", examples(table.examples))
    .addHelpText(
      "after",
      "\nExit status: 0 answered, 1 internal error, 2 usage error, 3 nothing found or need not recognised, 130 cancelled.",
    );
  for (const o of table.options) program.addOption(option(o));

  for (const c of table.commands) {
    const cmd = program.command(c.name, { hidden: c.hidden === true }).description(c.summary);
    for (const a of c.arguments) {
      const arg = new Argument(argumentLabel(a), a.summary);
      if (a.choices) arg.choices(a.choices);
      cmd.addArgument(arg);
    }
    for (const o of c.options) cmd.addOption(option(o));
    if (c.examples.length) cmd.addHelpText("before", examples(c.examples));
    if (c.after) cmd.addHelpText("after", `\n${c.after}\n`);
    cmd.action(async (...args: unknown[]) => {
      // commander passes the declared arguments (a variadic one as an array), the options, the command.
      const self = args.at(-1) as Command;
      const positionals = args
        .slice(0, c.arguments.length)
        .flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]));
      setExit(await c.run(positionals, self.optsWithGlobals<Flags>()));
    });
  }
  // After "--" every word is an operand: "--help" there asks for nothing. commander looks for help
  // among all the words it could not parse (an unknown option makes that everything after it).
  for (const c of [program, ...program.commands]) {
    const cmd = c as unknown as { _outputHelpIfRequested: (args: string[]) => void };
    const original = cmd._outputHelpIfRequested.bind(c);
    cmd._outputHelpIfRequested = (args) => {
      const end = args.indexOf("--");
      original(end === -1 ? args : args.slice(0, end));
    };
  }
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
    return await report(e, wantsJson(args), args);
  }
}
