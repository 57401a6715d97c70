/**
 * The commander program described as plain data: commands, options, arguments and the examples
 * their help leads with. The completion scripts and the man page are rendered from it, so they
 * cannot drift from what the program actually accepts.
 */
import type { EventEmitter } from "node:events";
import type { Argument, Command, Option } from "commander";

export interface OptionSpec {
  /** As written in the definition: "--city <city>". */
  flags: string;
  long: string | undefined;
  short: string | undefined;
  description: string;
  takesValue: boolean;
  /** The value's name: "city" for "--city <city>". */
  valueName: string | undefined;
  choices: string[] | undefined;
  defaultValue: string | undefined;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  choices: string[] | undefined;
}

export interface CommandSpec {
  name: string;
  description: string;
  /** "[options] [words...]" */
  usage: string;
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  /** The example command lines its help shows, without the "$ ". */
  examples: string[];
}

export interface ProgramSpec extends CommandSpec {
  commands: CommandSpec[];
}

function describeOption(o: Option): OptionSpec {
  const takesValue = o.required || o.optional;
  const valueName = takesValue ? /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] : undefined;
  return {
    flags: o.flags,
    long: o.long ?? undefined,
    short: o.short ?? undefined,
    description: o.description,
    takesValue,
    valueName,
    choices: o.argChoices ? [...o.argChoices] : undefined,
    defaultValue: typeof o.defaultValue === "string" ? o.defaultValue : undefined,
  };
}

function describeArgument(a: Argument): ArgumentSpec {
  return {
    name: a.name(),
    description: a.description,
    required: a.required,
    variadic: a.variadic,
    choices: a.argChoices ? [...a.argChoices] : undefined,
  };
}

/**
 * The text a command's help prints before and after its own (addHelpText), collected by replaying
 * the help events with a writer that only records.
 */
function helpTexts(cmd: Command): string {
  let text = "";
  const context = { error: false, command: cmd, write: (s: string) => (text += s) };
  // Command is an EventEmitter at run time; its typings leave emit() out.
  const events = cmd as unknown as EventEmitter;
  events.emit("beforeHelp", context);
  events.emit("afterHelp", context);
  return text;
}

/** The example lines ("$ mission-guide ...") in a command's help. */
export function examplesOf(cmd: Command): string[] {
  const out: string[] = [];
  for (const line of helpTexts(cmd).split("\n")) {
    // "$ mission-guide ask --json > a.json    (questions on stderr)": the part after a wide gap is a comment.
    const m = /^\s*\$ (.+?)(?:\s{3,}.*)?$/.exec(line);
    if (m) out.push(m[1]!.trimEnd());
  }
  return out;
}

function describeCommand(cmd: Command, help: ReturnType<Command["createHelp"]>): CommandSpec {
  return {
    name: cmd.name(),
    description: cmd.description(),
    usage: cmd.usage(),
    options: help.visibleOptions(cmd).map(describeOption),
    arguments: cmd.registeredArguments.map(describeArgument),
    examples: examplesOf(cmd),
  };
}

/**
 * Describes a program and its visible commands (hidden ones are left out, the implicit `help`
 * command is included), in definition order.
 */
export function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  return {
    ...describeCommand(program, help),
    commands: help.visibleCommands(program).map((c) => describeCommand(c, help)),
  };
}
