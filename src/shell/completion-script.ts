/**
 * Shell completion scripts for bash, zsh and fish, rendered from the program's own description
 * (the command table, src/cli/command-table.ts) and value lists. The scripts are self-contained: the values are written
 * into them, so pressing TAB never starts node, and bash needs no bash-completion package.
 */
import { BUILT_IN_OPTIONS, visible, type CompletionSource, type OptionSpec, type ProgramSpec } from "./program-spec.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** What an option or argument takes: nothing to offer ("any"), directories, or a named value list. */
type Values = "any" | "dirs" | `set:${string}`;

interface CompletionOption {
  /** "-h", "--help": every name the option answers to. */
  names: string[];
  description: string;
  /** null for a flag that takes no value. */
  values: Values | null;
}

interface CompletionArgument {
  name: string;
  variadic: boolean;
  values: Values;
}

interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  arguments: CompletionArgument[];
}

export interface CompletionModel {
  program: string;
  /** Comment lines written at the top of each script (version, data date). */
  header: string[];
  globalOptions: CompletionOption[];
  commands: CompletionCommand[];
  /** Named value lists; names are [a-z0-9-]. */
  sets: Record<string, string[]>;
  /** What a list's values are ("city"), shown beside them where the shell can. */
  labels: Record<string, string>;
}

const SET_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ModelInput {
  /** Named value lists (for each CompletionSource the program uses but "dirs"). */
  sets: Record<string, string[]>;
  /** What each list's values are ("city"); defaults to the list's name. */
  labels?: Record<string, string>;
  header?: string[];
}

/**
 * Builds the completion model from the command table: an option's or argument's `complete` source
 * names its value list, and declared choices become a list of their own. Hidden commands and
 * options are left out; `help [command]` and -h/--help, -V/--version are added, as commander does.
 */
export function completionModel(program: ProgramSpec, input: ModelInput): CompletionModel {
  const spec = visible(program);
  const all: Record<string, string[]> = {};
  const labels: Record<string, string> = {};
  for (const [name, values] of Object.entries(input.sets)) {
    if (!SET_NAME.test(name)) throw new Error(`completion value list name ${JSON.stringify(name)} is not kebab-case`);
    all[name] = unique(values);
    labels[name] = input.labels?.[name] ?? name.replace(/-/g, " ");
  }
  const choices = (scope: string, name: string, list: readonly string[], label: string): Values => {
    const id = `${scope}-${name}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    all[id] = unique([...list]);
    labels[id] = label;
    return `set:${id}`;
  };
  const source = (s: CompletionSource | undefined): Values => {
    if (s === undefined) return "any";
    if (s === "dirs") return "dirs";
    return s in all ? `set:${s}` : "any";
  };
  const option = (scope: string, o: OptionSpec): CompletionOption => ({
    names: [o.short ? `-${o.short}` : undefined, `--${o.name}`].filter((n): n is string => n !== undefined),
    description: o.summary,
    values: o.value === undefined ? null : o.choices ? choices(scope, o.name, o.choices, o.value) : source(o.complete),
  });
  const help = option("", BUILT_IN_OPTIONS[1]);
  const globalOptions = [...spec.options, ...BUILT_IN_OPTIONS].map((o) => option("", o));
  const commands: CompletionCommand[] = spec.commands.map((c) => ({
    name: c.name,
    description: c.summary,
    options: [...c.options.map((o) => option(c.name, o)), help],
    arguments: c.arguments.map((a) => ({
      name: a.name,
      variadic: a.variadic === true,
      values: a.choices ? choices(c.name, a.name, a.choices, a.name) : source(a.complete),
    })),
  }));
  commands.push({
    name: "help",
    description: "display help for command",
    options: [help],
    arguments: [{ name: "command", variadic: false, values: "commands" in all ? "set:commands" : "any" }],
  });
  return { program: spec.name, header: input.header ?? [], globalOptions, commands, sets: all, labels };
}

function unique(values: string[]): string[] {
  // Left out: values a shell could not take back without escaping beyond quotes and spaces.
  return [...new Set(values.filter((v) => v !== "" && !/[\p{Cc}"$`\\]/u.test(v)))];
}

/** The options a command accepts: its own, then the global ones it does not redefine. */
function optionsOf(m: CompletionModel, c: CompletionCommand | null): CompletionOption[] {
  const own = c?.options ?? [];
  const taken = new Set(own.flatMap((o) => o.names));
  return [...own, ...m.globalOptions.filter((o) => !o.names.some((n) => taken.has(n)))];
}

function funcName(m: CompletionModel): string {
  return `_${m.program.replace(/[^A-Za-z0-9]+/g, "_")}`;
}

/** Single-quoted for bash and zsh. */
function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Single-quoted for fish, where \\ and \' are escapes inside single quotes. */
function fq(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Case patterns (as "command position") for each positional argument of a command. */
function argumentPatterns(c: CompletionCommand, q: (s: string) => string): [pattern: string, values: Values][] {
  const out: [string, Values][] = [];
  c.arguments.forEach((a, i) => {
    out.push([a.variadic ? `${q(`${c.name} `)}*` : q(`${c.name} ${i}`), a.values]);
  });
  return out;
}

/**
 * Case patterns ("command option") for every option that takes a value; a global option's pattern
 * matches any command. `star` writes the leading wildcard: unquoted in bash and zsh, quoted in fish.
 */
function optionPatterns(
  m: CompletionModel,
  q: (s: string) => string,
  star: (name: string) => string = (n) => `*${q(` ${n}`)}`,
): [patterns: string[], values: Values][] {
  const out: [string[], Values][] = [];
  for (const c of m.commands) {
    for (const o of c.options) if (o.values) out.push([o.names.map((n) => q(`${c.name} ${n}`)), o.values]);
  }
  for (const o of m.globalOptions) if (o.values) out.push([o.names.map(star), o.values]);
  return out;
}

function headerLines(m: CompletionModel, shell: Shell, install: string[]): string[] {
  return [
    `# ${shell} completion for ${m.program}`,
    ...m.header.map((h) => `# ${h}`),
    "#",
    ...install.map((l) => `# ${l}`),
    "",
  ];
}

function bash(m: CompletionModel): string {
  const f = funcName(m);
  const lines = headerLines(m, "bash", [
    "Load it into the current shell:",
    `  source <(${m.program} completion bash)`,
    "Load it into every new shell: add that line to ~/.bashrc, or save the script where",
    "bash-completion looks for it:",
    `  ${m.program} completion bash > ~/.local/share/bash-completion/completions/${m.program}`,
    "Needs bash 3.2 or later, and not the bash-completion package.",
  ]);
  lines.push(`# Puts the values of list $1 into the array vals.`, `${f}_values() {`, "  case $1 in");
  for (const [name, values] of Object.entries(m.sets)) {
    lines.push(`    ${sq(name)}) vals=(${values.map(sq).join(" ")}) ;;`);
  }
  lines.push("    *) vals=() ;;", "  esac", "}", "");

  lines.push(
    "# What the option $2 of command $1 takes (any, dirs or set:NAME) in REPLY; fails for a flag.",
    `${f}_option() {`,
    '  case "$1 $2" in',
  );
  for (const [patterns, values] of optionPatterns(m, sq)) lines.push(`    ${patterns.join("|")}) REPLY=${values} ;;`);
  lines.push("    *) return 1 ;;", "  esac", "}", "");

  lines.push(
    "# What positional argument $2 (from 0) of command $1 takes, in REPLY.",
    `${f}_argument() {`,
    '  case "$1 $2" in',
  );
  for (const c of m.commands) {
    for (const [pattern, values] of argumentPatterns(c, sq)) lines.push(`    ${pattern}) REPLY=${values} ;;`);
  }
  lines.push("    *) return 1 ;;", "  esac", "}", "");

  lines.push("# The options of command $1 (none: before a command), in REPLY.", `${f}_options() {`, "  case $1 in");
  for (const c of m.commands) {
    lines.push(
      `    ${sq(c.name)}) REPLY=${sq(
        optionsOf(m, c)
          .flatMap((o) => o.names)
          .join(" "),
      )} ;;`,
    );
  }
  lines.push(
    `    *) REPLY=${sq(
      optionsOf(m, null)
        .flatMap((o) => o.names)
        .join(" "),
    )} ;;`,
    "  esac",
    "}",
    "",
  );

  lines.push(
    BASH_MAIN.replace(/@\{/g, "${")
      .replace(/@F/g, f)
      .replace(/@COMMANDS/g, sq(m.commands.map((c) => c.name).join(" ")))
      .replace(/@PROGRAM/g, m.program),
  );
  return lines.join("\n");
}

/**
 * The part of the bash script that does not depend on the program ("@{" stands for "${", @F for
 * the function prefix), kept to bash 3.2 (macOS) features.
 */
const BASH_MAIN = String.raw`# Puts the values $1 (any, dirs or set:NAME) that start with $2 into COMPREPLY, quoted the way
# the word being completed is quoted: New\ York, "New York" or 'New York'.
@F_reply() {
  local cur=$2 q= v nocase= sq="'" esc="'\''"
  local -a vals
  case $1 in
    dirs)
      compopt -o filenames 2>/dev/null
      while IFS= read -r v; do COMPREPLY+=("$v"); done < <(compgen -d -- "$cur")
      return ;;
    set:*) @F_values "@{1#set:}" ;;
    *) return ;;
  esac
  case $cur in
    \"*) q=\"; cur=@{cur#\"} ;;
    \'*) q=\'; cur=@{cur#\'} ;;
    *) cur=@{cur//\\/} ;;
  esac
  shopt -q nocasematch && nocase=1
  shopt -s nocasematch
  for v in "@{vals[@]}"; do
    [[ $v == "$cur"* ]] || continue
    case $q in
      \") ;;
      \') v=@{v//"$sq"/"$esc"} ;;
      *) printf -v v %q "$v" ;;
    esac
    COMPREPLY+=("$v")
  done
  [[ -n $nocase ]] || shopt -u nocasematch
}

@F() {
  local cur=@{COMP_WORDS[COMP_CWORD]} prev= cmd= pos=0 i=1 w dd= REPLY=
  (( COMP_CWORD > 0 )) && prev=@{COMP_WORDS[COMP_CWORD-1]}
  COMPREPLY=()
  # bash splits --option=value at "=" (COMP_WORDBREAKS): complete the option's value.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
    prev=@{COMP_WORDS[COMP_CWORD-2]}
  fi
  # Find the command and how many positional arguments come before the cursor.
  while (( i < COMP_CWORD )); do
    w=@{COMP_WORDS[i]}
    if [[ -z $dd && $w == -- ]]; then
      dd=1
    elif [[ -z $dd && $w == -* ]]; then
      if @F_option "$cmd" "$w"; then
        if [[ @{COMP_WORDS[i+1]} == = ]]; then i=$((i + 2)); else i=$((i + 1)); fi
      fi
    elif [[ -z $cmd ]]; then
      cmd=$w
    else
      pos=$((pos + 1))
    fi
    i=$((i + 1))
  done
  if [[ -z $dd && $prev == -* ]] && @F_option "$cmd" "$prev"; then
    @F_reply "$REPLY" "$cur"
  elif [[ -z $dd && $cur == -* ]]; then
    @F_options "$cmd"
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
  elif [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W @COMMANDS -- "$cur"))
  elif @F_argument "$cmd" "$pos"; then
    @F_reply "$REPLY" "$cur"
  fi
  return 0
}

complete -F @F @PROGRAM
`;

function zsh(m: CompletionModel): string {
  const f = funcName(m);
  // Autoloaded from $fpath the file is the function's body; sourced, it defines and registers it.
  const lines = [
    `#compdef ${m.program}`,
    ...headerLines(m, "zsh", [
      "Load it into the current shell (after compinit):",
      `  source <(${m.program} completion zsh)`,
      `Load it into every new shell: save it as ${f} in a directory on $fpath, e.g.`,
      `  ${m.program} completion zsh > "\${fpath[1]}/${f}"`,
      "then start a new shell (or run: autoload -U compinit && compinit).",
    ]),
  ];
  const described = (names: [string, string][]): string =>
    names.map(([n, d]) => sq(`${n.replace(/:/g, "\\:")}:${oneLine(d)}`)).join(" ");

  lines.push(`${f}_values() {`, "  case $1 in");
  for (const [name, values] of Object.entries(m.sets)) {
    lines.push(`    (${sq(name)}) reply=(${values.map(sq).join(" ")}) ;;`);
  }
  lines.push("    (*) reply=() ;;", "  esac", "}", "");

  lines.push(
    `typeset -gA ${f}_labels=(${Object.entries(m.labels)
      .map(([k, v]) => `${sq(k)} ${sq(v)}`)
      .join(" ")})`,
    "",
  );
  lines.push(`${f}_option() {`, '  case "$1 $2" in');
  for (const [patterns, values] of optionPatterns(m, sq)) lines.push(`    (${patterns.join("|")}) REPLY=${values} ;;`);
  lines.push("    (*) return 1 ;;", "  esac", "}", "");

  lines.push(`${f}_argument() {`, '  case "$1 $2" in');
  for (const c of m.commands) {
    for (const [pattern, values] of argumentPatterns(c, sq)) lines.push(`    (${pattern}) REPLY=${values} ;;`);
  }
  lines.push("    (*) return 1 ;;", "  esac", "}", "");

  lines.push(`${f}_options() {`, "  case $1 in");
  for (const c of m.commands) {
    lines.push(
      `    (${sq(c.name)}) reply=(${described(optionsOf(m, c).flatMap((o) => o.names.map((n) => [n, o.description] as [string, string])))}) ;;`,
    );
  }
  lines.push(
    `    (*) reply=(${described(optionsOf(m, null).flatMap((o) => o.names.map((n) => [n, o.description] as [string, string])))}) ;;`,
    "  esac",
    "}",
    "",
  );

  lines.push(
    `${f}_add() {`,
    "  local -a reply expl",
    "  case $1 in",
    "    (dirs) _files -/ ;;",
    `    (set:*) ${f}_values "\${1#set:}"; _wanted values expl "\${${f}_labels[\${1#set:}]}" compadd -a reply ;;`,
    "    (*) _message 'value' ;;",
    "  esac",
    "}",
    "",
    `${f}() {`,
    "  local cmd= w REPLY= dd=",
    "  local -a reply",
    "  integer i=2 pos=0",
    "  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}",
    "  while (( i < CURRENT )); do",
    "    w=${words[i]}",
    "    if [[ -z $dd && $w == -- ]]; then",
    "      dd=1",
    "    elif [[ -z $dd && $w == -* ]]; then",
    `      [[ $w != *=* ]] && ${f}_option "$cmd" "$w" && (( i++ ))`,
    "    elif [[ -z $cmd ]]; then",
    "      cmd=$w",
    "    else",
    "      (( pos++ ))",
    "    fi",
    "    (( i++ ))",
    "  done",
    `  if [[ -z $dd && $cur == -*=* ]] && ${f}_option "$cmd" "\${cur%%=*}"; then`,
    "    compset -P '*='",
    `    ${f}_add "$REPLY"`,
    `  elif [[ -z $dd && $prev == -* ]] && ${f}_option "$cmd" "$prev"; then`,
    `    ${f}_add "$REPLY"`,
    "  elif [[ -z $dd && $cur == -* ]]; then",
    `    ${f}_options "$cmd"`,
    "    _describe -t options option reply",
    "  elif [[ -z $cmd ]]; then",
    `    reply=(${described(m.commands.map((c) => [c.name, c.description]))})`,
    "    _describe -t commands command reply",
    `  elif ${f}_argument "$cmd" "$pos"; then`,
    `    ${f}_add "$REPLY"`,
    "  fi",
    "}",
    "",
    `if [[ "\${funcstack[1]}" == "${f}" ]]; then`,
    `  ${f} "$@"`,
    "else",
    `  compdef ${f} ${m.program}`,
    "fi",
    "",
  );
  return lines.join("\n");
}

function fish(m: CompletionModel): string {
  const f = funcName(m).replace(/^_/, "__");
  const p = m.program;
  const lines = headerLines(m, "fish", [
    "Load it into the current shell:",
    `  ${p} completion fish | source`,
    "Load it into every new shell:",
    `  ${p} completion fish > ~/.config/fish/completions/${p}.fish`,
  ]);
  lines.push(`function ${f}_values`, "    switch $argv[1]");
  for (const [name, values] of Object.entries(m.sets)) {
    const label = (m.labels[name] ?? name).replace(/%/g, "%%");
    lines.push(`        case ${fq(name)}`, `            printf ${fq(`%s\\t${label}\\n`)} ${values.map(fq).join(" ")}`);
  }
  lines.push("    end", "end", "");

  // Which options take a value, so that the word after them is not taken for the command.
  lines.push(`function ${f}_takes_value`, '    switch "$argv[1] $argv[2]"');
  for (const [patterns] of optionPatterns(m, fq, (n) => fq(`* ${n}`)))
    lines.push(`        case ${patterns.join(" ")}`, "            return 0");
  lines.push("    end", "    return 1", "end", "");

  lines.push(
    "# Prints the command (or -) and the number of positional arguments before the cursor.",
    `function ${f}_state`,
    "    set -l tokens (commandline -opc)",
    "    set -e tokens[1]",
    "    set -l cmd ''",
    "    set -l pos 0",
    "    set -l skip 0",
    "    set -l dd 0",
    "    for t in $tokens",
    "        if test $skip = 1",
    "            set skip 0",
    "            continue",
    "        end",
    "        if test $dd = 0",
    "            if test $t = --",
    "                set dd 1",
    "                continue",
    "            end",
    "            if string match -q -- '-*' $t",
    "                if not string match -q -- '*=*' $t",
    `                    and ${f}_takes_value "$cmd" $t`,
    "                    set skip 1",
    "                end",
    "                continue",
    "            end",
    "        end",
    '        if test -z "$cmd"',
    "            set cmd $t",
    "        else",
    "            set pos (math $pos + 1)",
    "        end",
    "    end",
    '    if test -z "$cmd"',
    "        set cmd -",
    "    end",
    '    echo "$cmd $pos"',
    "end",
    "",
    "# True before any command.",
    `function ${f}_no_command`,
    `    string match -q -- '- *' (${f}_state)`,
    "end",
    "",
    "# True in command $argv[1]; with $argv[2], at positional argument N, or N+ for N and after.",
    `function ${f}_using`,
    `    set -l state (string split ' ' -- (${f}_state))`,
    '    test "$state[1]" = "$argv[1]"; or return 1',
    "    set -q argv[2]; or return 0",
    "    if string match -q -- '*+' $argv[2]",
    "        test $state[2] -ge (string trim -r -c + -- $argv[2])",
    "    else",
    "        test $state[2] -eq $argv[2]",
    "    end",
    "end",
    "",
    `complete -c ${p} -f`,
  );

  const valueArgs = (v: Values): string => {
    if (v === "dirs") return " -x -a '(__fish_complete_directories)'";
    if (v.startsWith("set:")) return ` -x -a ${fq(`(${f}_values ${v.slice(4)})`)}`;
    return " -x";
  };
  const optionLine = (o: CompletionOption, condition: string | null): string => {
    const names = o.names.map((n) => (n.startsWith("--") ? ` -l ${n.slice(2)}` : ` -s ${n.slice(1)}`)).join("");
    const cond = condition ? ` -n ${fq(condition)}` : "";
    return `complete -c ${p}${cond}${names}${o.values ? valueArgs(o.values) : ""} -d ${fq(oneLine(o.description))}`;
  };
  for (const o of m.globalOptions) lines.push(optionLine(o, null));
  for (const c of m.commands) {
    lines.push(`complete -c ${p} -n ${f}_no_command -a ${fq(c.name)} -d ${fq(oneLine(c.description))}`);
  }
  for (const c of m.commands) {
    const global = new Set(m.globalOptions.flatMap((o) => o.names));
    for (const o of c.options) {
      if (o.names.every((n) => global.has(n))) continue;
      lines.push(optionLine(o, `${f}_using ${c.name}`));
    }
    c.arguments.forEach((a, i) => {
      if (a.values === "any") return;
      const at = a.variadic ? `${i}+` : `${i}`;
      lines.push(`complete -c ${p} -n ${fq(`${f}_using ${c.name} ${at}`)}${valueArgs(a.values)}`);
    });
  }
  lines.push("");
  return lines.join("\n");
}

/** The completion script for a shell. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  switch (shell) {
    case "bash":
      return bash(model);
    case "zsh":
      return zsh(model);
    case "fish":
      return fish(model);
  }
}
