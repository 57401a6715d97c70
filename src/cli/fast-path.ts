/**
 * The fast path: a plain command line — a known command with known options, as scripts and most
 * people type them — parsed here and run without loading commander. Anything this does not
 * recognise returns null and goes to the full program (src/cli/commander-program.ts), which also explains any
 * mistake. test/e2e/fast-path.test.ts keeps FAST_COMMANDS in step with the program's definitions.
 */

type Flags = Record<string, string | boolean | undefined>;
type Run = (positionals: string[], flags: Flags) => Promise<number>;

interface FastCommand {
  /** Options that take a value, and switches, by their long name. */
  values: readonly string[];
  switches: readonly string[];
  /** How many positional arguments it takes: [least, most] (Infinity for words). */
  positionals: readonly [number, number];
  run: Run;
}

/** Global options every command takes (commander's names: --no-color sets color to false). */
export const FAST_GLOBALS = { values: ["data"], switches: ["json", "no-color", "no-input"] } as const;

export const FAST_COMMANDS: Record<string, FastCommand> = {
  classify: {
    values: ["citizen", "in", "to", "org"],
    switches: ["explain", "stdin"],
    positionals: [0, Infinity],
    run: async (p, f) => (await import("./commands/classify.js")).run(p, f),
  },
  hubs: {
    values: ["city", "org", "country"],
    switches: [],
    positionals: [0, 0],
    run: async (_p, f) => (await import("./commands/hubs.js")).run(f),
  },
  orgs: {
    values: ["city", "member"],
    switches: [],
    positionals: [0, 1],
    run: async (p, f) => (await import("./commands/orgs.js")).run(p[0], f),
  },
  missions: {
    values: ["country", "org"],
    switches: [],
    positionals: [0, 0],
    run: async (_p, f) => (await import("./commands/missions.js")).run(f),
  },
  offices: {
    values: ["of", "in", "type"],
    switches: [],
    positionals: [0, 0],
    run: async (_p, f) => (await import("./commands/offices.js")).run(f),
  },
  needs: {
    values: ["category"],
    switches: [],
    positionals: [0, 0],
    run: async (_p, f) => (await import("./commands/needs.js")).run(f),
  },
  explain: {
    values: [],
    switches: [],
    positionals: [1, 1],
    run: async (p, f) => (await import("./commands/explain.js")).runExplain(p[0]!, f),
  },
  compare: {
    values: [],
    switches: [],
    positionals: [0, 2],
    run: async (p, f) => (await import("./commands/explain.js")).runCompare(p[0], p[1], f),
  },
};

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The command and its flags, if the command line is a plain one: otherwise null, and the full
 * program takes it (and explains any mistake in it).
 */
export function fastParse(args: string[]): { command: FastCommand; positionals: string[]; flags: Flags } | null {
  // Own properties only: "toString" or "__proto__" as a command must not find Object.prototype's.
  const name = args[0] ?? "";
  const command = Object.hasOwn(FAST_COMMANDS, name) ? FAST_COMMANDS[name] : undefined;
  if (!command) return null;
  const flags: Flags = {};
  const positionals: string[] = [];
  const values = new Set<string>([...command.values, ...FAST_GLOBALS.values]);
  const switches = new Set<string>([...command.switches, ...FAST_GLOBALS.switches]);
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-")) {
      positionals.push(a);
      continue;
    }
    if (!a.startsWith("--") || a === "--") return null;
    const eq = a.indexOf("=");
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (switches.has(name) && eq === -1) {
      if (name.startsWith("no-")) flags[camel(name.slice(3))] = false;
      else flags[camel(name)] = true;
      continue;
    }
    if (!values.has(name)) return null;
    const value = eq === -1 ? args[++i] : a.slice(eq + 1);
    // A missing, empty or dash-led value, or a repeated option: let the program explain.
    if (value === undefined || value.trim() === "" || value.startsWith("-") || camel(name) in flags) return null;
    flags[camel(name)] = value;
  }
  const [least, most] = command.positionals;
  if (positionals.length < least || positionals.length > most) return null;
  if (positionals.some((p) => p.trim() === "")) return null;
  return { command, positionals, flags };
}
