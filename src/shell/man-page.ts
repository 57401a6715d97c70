/**
 * A man page (roff, man macros) rendered from the command table (src/cli/command-table.ts), so the
 * page lists exactly the commands, options and examples the program has.
 */
import {
  BUILT_IN_OPTIONS,
  exampleCommand,
  usageOf,
  visible,
  type CommandSpec,
  type OptionSpec,
  type ProgramSpec,
} from "./program-spec.js";

export interface ManPageOptions {
  /** The page's date (YYYY-MM-DD); empty for none. */
  date: string;
  /** DESCRIPTION paragraphs; a line starting with "- " is a bullet. */
  description: string[];
  exitStatus: [code: number, meaning: string][];
  environment: [name: string, meaning: string][];
  seeAlso: string[];
}

/**
 * Text safe in roff: backslashes escaped, characters beyond ASCII as \[uXXXX] (groff and mandoc
 * read them without a preprocessor), and a line never starts with a control character.
 */
export function roff(s: string): string {
  return s
    .replace(/\\/g, "\\e")
    .replace(/[^\p{ASCII}]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}]`)
    .split("\n")
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join("\n");
}

/** Command-line text: also with real minus signs, so that copied options work. */
function code(s: string): string {
  return roff(s).replace(/-/g, "\\-");
}

function bold(s: string): string {
  return `\\fB${code(s)}\\fR`;
}

function italic(s: string): string {
  return `\\fI${code(s)}\\fR`;
}

/** "-V, --version" → bold names; "--data <dir>" → bold name, italic value. */
function flags(o: OptionSpec): string {
  const names = [o.short ? `-${o.short}` : undefined, `--${o.name}`]
    .filter((n): n is string => !!n)
    .map(bold)
    .join(", ");
  return o.value ? `${names} ${italic(o.value)}` : names;
}

function sentence(s: string): string {
  const t = s.trim();
  return t === "" ? t : t[0]!.toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

function optionItems(options: readonly OptionSpec[]): string[] {
  const lines: string[] = [];
  for (const o of options) {
    let text = sentence(o.summary);
    if (o.choices) text += ` One of: ${o.choices.join(", ")}.`;
    if (o.defaultValue !== undefined) text += ` Default: ${o.defaultValue}.`;
    lines.push(".TP", flags(o), roff(text));
  }
  return lines;
}

function examples(list: readonly string[]): string[] {
  if (list.length === 0) return [];
  return [".PP", ".RS 4", ".nf", ...list.map((e) => `$ ${code(exampleCommand(e))}`), ".fi", ".RE"];
}

function synopsis(c: CommandSpec, program: string): string {
  const usage = usageOf(c)
    .split(" ")
    .filter(Boolean)
    .map((part) => {
      const m = /^([[<])(.+?)([\]>])$/.exec(part);
      return m ? `${m[1]}${italic(m[2]!)}${m[3]}` : code(part);
    })
    .join(" ");
  return `${bold(program)} ${bold(c.name)} ${usage}`.trimEnd();
}

function commandSection(c: CommandSpec, program: string): string[] {
  const lines = [
    ".SS " + JSON.stringify(`${program} ${c.name} ${usageOf(c)}`.trim()).replace(/-/g, "\\-"),
    roff(sentence(c.summary)),
  ];
  const args = c.arguments.filter((a) => a.summary);
  for (const a of args) {
    let text = sentence(a.summary);
    if (a.choices) text += ` One of: ${a.choices.join(", ")}.`;
    lines.push(".TP", italic(a.variadic ? `${a.name}...` : a.name), roff(text));
  }
  lines.push(...optionItems(c.options));
  if (c.examples.length) lines.push(".PP", "Examples:", ...examples(c.examples));
  return lines;
}

/** The man page, section 1, of the visible commands and options. */
export function manPage(program: ProgramSpec, o: ManPageOptions): string {
  const spec = visible(program);
  const p = spec.name;
  const lines = [
    `.\\" Generated from the command table (src/cli/command-table.ts) by scripts/build-man.mjs; do not edit.`,
    `.TH ${code(p.toUpperCase())} 1 "${o.date}" "${code(p)} ${spec.version}" "User Commands"`,
    ".SH NAME",
    `${code(p)} \\- ${roff(spec.summary.replace(/^./, (c) => c.toLowerCase()))}`,
    ".SH SYNOPSIS",
    `${bold(p)} [${italic("options")}] ${italic("command")} [${italic("arguments")}]`,
  ];
  for (const c of spec.commands) lines.push(".br", synopsis(c, p));
  lines.push(".br", `${bold(p)} ${bold("help")} [${italic("command")}]`);
  lines.push(".SH DESCRIPTION");
  for (const para of o.description) {
    if (para.startsWith("- ")) lines.push(".IP \\(bu 2", roff(para.slice(2)));
    else lines.push(".PP", roff(para));
  }
  lines.push(".SH COMMANDS");
  for (const c of spec.commands) lines.push(...commandSection(c, p));
  lines.push(".SS " + JSON.stringify(`${p} help [command]`).replace(/-/g, "\\-"), roff("Display help for command."));
  lines.push(
    ".SH OPTIONS",
    "These options are accepted before or after the command.",
    ...optionItems([...spec.options, ...BUILT_IN_OPTIONS]),
  );
  if (spec.examples.length) lines.push(".SH EXAMPLES", ...examples(spec.examples));
  lines.push(".SH EXIT STATUS");
  for (const [status, meaning] of o.exitStatus) lines.push(".TP", `\\fB${status}\\fR`, roff(sentence(meaning)));
  lines.push(".SH ENVIRONMENT");
  for (const [name, meaning] of o.environment) lines.push(".TP", bold(name), roff(sentence(meaning)));
  if (o.seeAlso.length) lines.push(".SH SEE ALSO", roff(o.seeAlso.join(", ")));
  return lines.join("\n") + "\n";
}
