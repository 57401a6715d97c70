/**
 * The CLI's typed errors. Commands throw them; src/cli/main.ts alone turns them into an exit status
 * and one line on stderr (SPEC §4).
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, notFound: 3, cancelled: 130 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flag, bad value, or input needed but not available. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string, code = "usage", suggestions: string[] = []) {
    super(message, EXIT.usage, code, suggestions);
  }
}

/** A lookup that found nothing, or a need not recognised. Exit 3. */
export class NotFoundError extends CliError {
  constructor(message: string, code = "not-found", suggestions: string[] = []) {
    super(message, EXIT.notFound, code, suggestions);
  }
}

/** Invalid data (bundled or overlay). Exit 2: the user gave a bad --data directory. */
export class DataError extends CliError {
  constructor(message: string, code = "bad-data") {
    super(message, EXIT.usage, code);
  }
}

/** The user pressed Ctrl-C. Exit 130. */
export class CancelledError extends CliError {
  constructor() {
    super("Cancelled.", EXIT.cancelled, "cancelled");
  }
}

/** A usage mistake that commander caught, told our way: one line, kebab-case code, suggestions. */
export interface CommandLineFailure {
  code: string;
  message: string;
  suggestions: string[];
  exitCode: number;
  see: string;
}

/** What is wrong with a command line, as far as the command table can tell (src/cli/fast-path.ts). */
export type CommandLineProblem =
  | { kind: "unknown-command"; word: string }
  | { kind: "unknown-option"; word: string; known: string[] }
  | { kind: "missing-value"; option: string }
  | { kind: "invalid-value"; what: string; value: string; choices: readonly string[] }
  | { kind: "missing-argument"; name: string }
  | { kind: "excess-arguments"; extra: string[] };

/** What the command table says about the command line (see readCommandLine in src/cli/fast-path.ts). */
export interface CommandLineFacts {
  command: string | undefined;
  helpFor: string | undefined;
  commands: string[];
  problems: readonly CommandLineProblem[];
}

/** A value as echoed in a message: quoted, and shortened when long (it may be a pasted page). */
function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

/**
 * Maps one of commander's errors, by its code (never its English message), to ours. The word at
 * fault comes from the command table's own reading of the command line; `suggest` picks the
 * closest of some names.
 */
export function commanderFailure(
  commanderCode: string,
  facts: CommandLineFacts,
  suggest: (input: string, names: readonly string[]) => string[],
): CommandLineFailure {
  const where = facts.command ? ` ${facts.command}` : "";
  const code = commanderCode.replace(/^commander\./, "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const usage = (message: string, suggestions: string[] = [], c = code): CommandLineFailure => ({
    code: c,
    message,
    suggestions,
    exitCode: EXIT.usage,
    see: `See: mission-guide${where} --help`,
  });
  const find = <K extends CommandLineProblem["kind"]>(kind: K) =>
    facts.problems.find((p) => p.kind === kind) as Extract<CommandLineProblem, { kind: K }> | undefined;
  switch (commanderCode) {
    case "commander.unknownCommand": {
      const word = find("unknown-command")?.word ?? "";
      return usage(`Unknown command ${quote(word)}.`, suggest(word, facts.commands));
    }
    case "commander.help": {
      // Help shown as an error: `help <unknown>`, or global options and no command at all.
      const asked = facts.helpFor;
      if (asked !== undefined && !facts.commands.includes(asked))
        return usage(`Unknown command ${quote(asked)}.`, suggest(asked, facts.commands), "unknown-command");
      return usage(`Missing command: give one of ${facts.commands.join(", ")}.`, [], "missing-command");
    }
    case "commander.unknownOption": {
      const p = find("unknown-option");
      const word = p?.word ?? "";
      return usage(`Unknown option ${quote(word)}${where ? ` for${where}` : ""}.`, suggest(word, p?.known ?? []));
    }
    case "commander.optionMissingArgument": {
      const option = find("missing-value")?.option ?? "The option";
      return usage(`Option ${option} needs a value.`);
    }
    case "commander.invalidArgument": {
      const p = find("invalid-value");
      if (!p) return usage("Invalid value.");
      return usage(
        `Invalid ${p.what} ${quote(p.value)}: use one of ${p.choices.join(", ")}.`,
        suggest(p.value, p.choices),
      );
    }
    case "commander.missingArgument":
      return usage(`Missing argument <${find("missing-argument")?.name ?? "argument"}>${where ? ` for${where}` : ""}.`);
    case "commander.excessArguments": {
      const extra = find("excess-arguments")?.extra ?? [];
      return usage(
        `Too many arguments${where ? ` for${where}` : ""}${extra.length ? `: ${extra.map(quote).join(" ")}` : ""}.`,
      );
    }
    default:
      return usage(`The command line could not be read (${code}).`);
  }
}
