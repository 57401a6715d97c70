/**
 * Reads a command line against the command table (src/cli/command-table.ts), without commander.
 *
 * A plain command line — a known command with known options, as scripts and most people type
 * them — runs straight from here: loading commander is most of the start-up time of a one-shot
 * command (bench/README.md). Anything else (help, version, "--", a mistake) goes to the commander
 * program, and when commander rejects it, the same reading tells which word was wrong
 * (src/cli/cli-errors.ts maps commander's error code to our message).
 */
import { COMMAND_TABLE, type CommandEntry, type CommandTable, type Flags } from "./command-table.js";
import type { CommandLineProblem } from "./cli-errors.js";
import type { OptionSpec } from "../shell/program-spec.js";

export interface Reading {
  /** The command, if one was named. */
  command: CommandEntry | undefined;
  /** `help <word>`: the word. */
  helpFor: string | undefined;
  positionals: string[];
  flags: Flags;
  problems: CommandLineProblem[];
  /** False when commander must read it: help, version, "--", a short or repeated option, an empty or dash-led value. */
  plain: boolean;
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The flags an option sets: --no-color sets color to false. */
function attribute(o: OptionSpec): { key: string; negated: boolean } {
  return o.name.startsWith("no-")
    ? { key: camel(o.name.slice(3)), negated: true }
    : { key: camel(o.name), negated: false };
}

/** Reads a command line (argv without node and the script) against a command table. */
export function readCommandLine(args: readonly string[], table: CommandTable = COMMAND_TABLE): Reading {
  const r: Reading = { command: undefined, helpFor: undefined, positionals: [], flags: {}, problems: [], plain: true };
  let help = false;
  let dashes = false;
  const optionsNow = (): readonly OptionSpec[] => [...(r.command?.options ?? []), ...table.options];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!dashes && a === "--") {
      dashes = true;
      r.plain = false;
      continue;
    }
    if (!dashes && a.startsWith("-") && a !== "-") {
      const eq = a.indexOf("=");
      const word = eq === -1 ? a : a.slice(0, eq);
      if (["-h", "--help", "-V", "--version"].includes(word)) {
        r.plain = false;
        continue;
      }
      if (!a.startsWith("--")) r.plain = false;
      const o = optionsNow().find((x) => `--${x.name}` === word || (x.short !== undefined && `-${x.short}` === word));
      if (!o || (!o.value && eq !== -1)) {
        const known = optionsNow()
          .filter((x) => !x.hidden)
          .map((x) => `--${x.name}`)
          .concat(["--help", "--version"]);
        r.problems.push({ kind: "unknown-option", word, known });
        r.plain = false;
        continue;
      }
      const { key, negated } = attribute(o);
      if (key in r.flags && !o.repeatable) r.plain = false;
      if (!o.value) {
        r.flags[key] = !negated;
        continue;
      }
      const value = eq === -1 ? args[++i] : a.slice(eq + 1);
      if (value === undefined) {
        r.problems.push({ kind: "missing-value", option: `--${o.name}` });
        r.plain = false;
        continue;
      }
      if (value.trim() === "" || (eq === -1 && value.startsWith("-"))) r.plain = false;
      if (o.choices && !o.choices.includes(value))
        r.problems.push({ kind: "invalid-value", what: `--${o.name}`, value, choices: o.choices });
      // A repeatable option's values come as a list, as commander gives them.
      r.flags[key] = o.repeatable ? [...((r.flags[key] as string[] | undefined) ?? []), value] : value;
      continue;
    }
    if (!r.command && !help) {
      if (a === "help") {
        help = true;
        r.plain = false;
        continue;
      }
      r.command = table.commands.find((c) => c.name === a);
      if (!r.command) {
        r.problems.push({ kind: "unknown-command", word: a });
        r.plain = false;
        break;
      }
      continue;
    }
    if (help) {
      r.helpFor ??= a;
      continue;
    }
    r.positionals.push(a);
  }
  const c = r.command;
  if (!c) {
    r.plain = false;
    return r;
  }
  const declared = c.arguments;
  const missing = declared.slice(r.positionals.length).find((x) => x.required);
  if (missing) r.problems.push({ kind: "missing-argument", name: missing.name });
  if (!declared.some((x) => x.variadic) && r.positionals.length > declared.length)
    r.problems.push({ kind: "excess-arguments", extra: r.positionals.slice(declared.length) });
  declared.forEach((x, n) => {
    const value = r.positionals[n];
    if (x.choices && value !== undefined && !x.choices.includes(value))
      r.problems.push({ kind: "invalid-value", what: `<${x.name}>`, value, choices: x.choices });
  });
  if (r.positionals.some((p) => p.trim() === "")) r.plain = false;
  if (r.problems.length) r.plain = false;
  return r;
}

/**
 * The command and its flags, if the command line is a plain one: otherwise null, and the commander
 * program takes it (and explains any mistake in it).
 */
export function fastParse(
  args: readonly string[],
): { command: CommandEntry; positionals: string[]; flags: Flags } | null {
  const r = readCommandLine(args);
  return r.plain && r.command ? { command: r.command, positionals: r.positionals, flags: r.flags } : null;
}
