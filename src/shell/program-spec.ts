/**
 * The shape of the command table (src/cli/command-table.ts): the program's commands, options,
 * arguments and examples as plain data. The commander program, its help, the completion scripts
 * and the man page are all built from one such table, so none can drift from another.
 */

/** Where a value is completed from: a named list of the knowledge (see the completion command), or directories. */
export type CompletionSource =
  "commands" | "countries" | "places" | "hub-cities" | "orgs" | "office-types" | "needs" | "need-categories" | "dirs";

export interface OptionSpec {
  /** The long name without dashes: "city" for --city; "no-color" for the negation --no-color. */
  name: string;
  /** One letter, without the dash. */
  short?: string;
  /** The value's name ("city" for "--city <city>"); absent for a switch. */
  value?: string;
  summary: string;
  /** The only values accepted. */
  choices?: readonly string[];
  /** Where the value is completed from. */
  complete?: CompletionSource;
  /** Shown in help when the option is left out. */
  defaultValue?: string;
  /** May be given several times; the values come as a list, in order. */
  repeatable?: boolean;
  /** Accepted, but left out of help, completion and the man page. */
  hidden?: boolean;
}

export interface ArgumentSpec {
  name: string;
  summary: string;
  required: boolean;
  variadic?: boolean;
  choices?: readonly string[];
  complete?: CompletionSource;
}

export interface CommandSpec {
  name: string;
  summary: string;
  arguments: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** Command lines its help leads with, without "$ "; a "  # ..." tail is a comment. */
  examples: readonly string[];
  /** A paragraph printed after the command's help. */
  after?: string;
  /** Runs, but is left out of help, completion and the man page. */
  hidden?: boolean;
}

export interface ProgramSpec {
  name: string;
  summary: string;
  version: string;
  /** Options every command takes (besides -h/--help and -V/--version, which commander adds). */
  options: readonly OptionSpec[];
  commands: readonly CommandSpec[];
  examples: readonly string[];
}

/** The options commander adds to every program: version, then help. */
export const BUILT_IN_OPTIONS: readonly [version: OptionSpec, help: OptionSpec] = [
  { name: "version", short: "V", summary: "print the version" },
  { name: "help", short: "h", summary: "show help" },
];

/** "--city <city>", "-V, --version". */
export function optionFlags(o: OptionSpec): string {
  const long = `--${o.name}${o.value ? ` <${o.value}>` : ""}`;
  return o.short ? `-${o.short}, ${long}` : long;
}

/** "[words...]", "<office-type>". */
export function argumentLabel(a: ArgumentSpec): string {
  const name = `${a.name}${a.variadic ? "..." : ""}`;
  return a.required ? `<${name}>` : `[${name}]`;
}

/** "[options] [words...]", as commander writes a command's usage. */
export function usageOf(c: CommandSpec): string {
  return ["[options]", ...c.arguments.map(argumentLabel)].join(" ");
}

/** An example line without its trailing comment. */
export function exampleCommand(line: string): string {
  return line.replace(/\s+#.*$/, "").trimEnd();
}

/** The options and commands that help, completion and the man page show. */
export function visible(spec: ProgramSpec): ProgramSpec {
  return {
    ...spec,
    options: spec.options.filter((o) => !o.hidden),
    commands: spec.commands
      .filter((c) => !c.hidden)
      .map((c) => ({ ...c, options: c.options.filter((o) => !o.hidden) })),
  };
}
