/**
 * Random command lines against the built binary: random commands (known and unknown), random
 * flags, and values with unicode, control characters and very long strings. Every run must end
 * with 0, 2 or 3, without a stack trace, and under --json print JSON on stdout.
 *
 * Seeded, so a failure can be replayed: FUZZ_SEED=<seed> npx vitest run test/e2e/fuzz.test.ts
 * (FUZZ_RUNS sets how many command lines; the failing one is printed in full).
 */
import { spawn } from "node:child_process";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const CONCURRENCY = 4;

interface Result {
  args: string[];
  input: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function exec(args: string[], input = ""): Promise<Result> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, DEBUG: undefined } as NodeJS.ProcessEnv,
      timeout: 30_000,
    });
    let stdout = "";
    let stderr = "";
    p.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    p.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    p.stdin.on("error", () => undefined); // the program may exit before reading its input
    p.stdin.end(input);
    p.on("error", reject);
    p.on("close", (status, signal) =>
      resolve({ args, input, status, signal, stdout, stderr, ms: performance.now() - t0 }),
    );
  });
}

/** Runs jobs with at most `limit` child processes at a time. */
async function pool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The program's commands and each one's options, read from its own help (so new ones join in). */
interface Cli {
  commands: string[];
  options: Map<string, { flag: string; takesValue: boolean; choices: string[] }[]>;
}

async function discover(): Promise<Cli> {
  const top = await exec(["--help"]);
  const commands = [...top.stdout.matchAll(/^ {2}([a-z][\w-]*)\b/gm)]
    .map((m) => m[1]!)
    .filter((c, i, all) => all.indexOf(c) === i);
  const options = new Map<string, { flag: string; takesValue: boolean; choices: string[] }[]>();
  await pool(commands, CONCURRENCY, async (c) => {
    const help = await exec([c, "--help"]);
    const opts = [...help.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)( [<[][\w.-]+[>\]])?(.*(?:\n {6,}.*)*)/gm)].map(
      (m) => ({
        flag: m[1]!,
        takesValue: m[2] !== undefined,
        choices: [...(/choices: ([^)]*)\)/.exec(m[3] ?? "")?.[1]?.matchAll(/"([^"]+)"/g) ?? [])].map((x) => x[1]!),
      }),
    );
    options.set(c, opts);
  });
  return { commands, options };
}

const CONTROL = [
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u001b[31m",
  "\u001b]0;title\u0007",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u202e",
  "\u2066",
  "\u2028",
  "\ufeff",
  "\ud800",
];
/** Names an object finds on its prototype: a look-up by name must never reach them. */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

const KNOWN_VALUES = [
  "CA",
  "ca",
  "CAN",
  "Canada",
  "Canadian",
  "Swiss",
  "US",
  "USA",
  "UK",
  "Geneva",
  "Genève",
  "Genf",
  "New York",
  "Wien",
  "Bruxelles",
  "Nairobi",
  "WTO",
  "wto",
  "UN",
  "NATO",
  "EU",
  "UNESCO",
  "IAEA",
  "embassy",
  "permanent-mission",
  "consulate",
  "nunciature",
  "consular",
  "multilateral",
  "visa",
  "bash",
  "zsh",
  "fish",
  "table",
  "json",
  "mermaid",
  "dot",
  "lost my passport",
  "I'm a Canadian in Geneva and lost my passport",
  "raise a WTO dispute",
  "visado de turista",
  "Reisepass verloren",
  "Holy See",
  "Palestine",
  "Kosovo",
  "Taiwan",
  "-",
  "--",
  ".",
  "/",
  "..",
  "__proto__",
  "constructor",
  "%s%n",
  "$(whoami)",
  "'; DROP TABLE",
];

/** Arbitrary values: known ones, near misses, unicode, control characters, and long strings. */
const value: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 6, arbitrary: fc.constantFrom(...KNOWN_VALUES) },
    { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...KNOWN_VALUES), fc.constantFrom(...CONTROL)), { minLength: 1, maxLength: 5 })
        .map((xs) => xs.join(" ")),
    },
    { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\t") },
    // Long, but under the 128 KiB a single argument may hold on Linux (4 bytes a character at most).
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("a", "passport ", "é", "🏳️‍🌈", "x\u001b"), fc.integer({ min: 1000, max: 30_000 }))
        .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
    },
  )
  .map((s) => s.replaceAll("\u0000", "")); // an argument cannot hold NUL

const GLOBAL_FLAGS = ["--json", "--no-color", "--no-input", "--help", "-h", "--version", "-V"];

function commandLine(cli: Cli): fc.Arbitrary<{ args: string[]; input: string }> {
  const command = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...cli.commands) },
    { weight: 1, arbitrary: value },
    { weight: 1, arbitrary: fc.constantFrom("", "help", "clasify", "hub", "orgz", "missons", "HUBS") },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  );
  const allFlags = [...new Set([...cli.options.values()].flat().map((o) => o.flag))];
  return fc
    .tuple(
      command,
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constant("own-flag") },
          { weight: 2, arbitrary: fc.constant("any-flag") },
          { weight: 3, arbitrary: fc.constant("value") },
          { weight: 2, arbitrary: fc.constantFrom(...GLOBAL_FLAGS.slice(0, 3)) },
          { weight: 1, arbitrary: fc.constantFrom(...GLOBAL_FLAGS.slice(3), "--", "--data") },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => `--${s}`) },
          { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES).map((s) => `--${s}`) },
        ),
        { maxLength: 7 },
      ),
      fc.infiniteStream(value),
      fc.infiniteStream(fc.nat()),
      fc.oneof(
        fc.constant(""),
        fc.array(value, { maxLength: 5 }).map((ls) => ls.join("\n")),
      ),
    )
    .map(([cmd, parts, values, picks, input]) => {
      const own = cli.options.get(cmd) ?? [];
      const args = cmd === "" ? [] : [cmd];
      const vs = values[Symbol.iterator]();
      const ns = picks[Symbol.iterator]();
      const pick = <T>(xs: T[]): T => xs[(ns.next().value as number) % xs.length]!;
      for (const p of parts) {
        if (p === "value") args.push(vs.next().value as string);
        else if (p === "own-flag" || p === "any-flag") {
          const opts = p === "own-flag" && own.length ? own : [...cli.options.values()].flat();
          const o = opts.length ? pick(opts) : { flag: pick(allFlags), takesValue: false, choices: [] };
          args.push(o.flag);
          if (o.takesValue) args.push(o.choices.length && pick([true, false]) ? pick(o.choices) : vs.next().value!);
        } else args.push(p);
      }
      return { args, input };
    });
}

/** Whether the program was asked for JSON (as src/cli/main.ts reads it) and for nothing that prints text. */
function expectsJson(args: string[]): boolean {
  const end = args.indexOf("--");
  const opts = end === -1 ? args : args.slice(0, end);
  if (!opts.includes("--json")) return false;
  // Help and version print text (after "--" they are operands, and ask for nothing).
  if (opts.some((a) => ["--help", "-h", "--version", "-V"].includes(a))) return false;
  // Commands that print a script or a page whatever the flags say.
  return !["help", "completion", "man"].includes(args[0] ?? "");
}

/** One JSON document; or, from `classify --stdin`, one per line (none for empty input). */
function isJson(stdout: string, args: string[]): boolean {
  const parses = (text: string): boolean => {
    try {
      return (JSON.parse(text) as { schemaVersion?: number; line?: number }) !== null;
    } catch {
      return false;
    }
  };
  if (parses(stdout)) return (JSON.parse(stdout) as { schemaVersion?: number }).schemaVersion === 1;
  const batch = args[0] === "classify" && args.includes("--stdin");
  return batch && stdout.split("\n").filter(Boolean).every(parses);
}

const show = (r: Result): string =>
  `${JSON.stringify(r.args).slice(0, 2000)} (stdin ${JSON.stringify(r.input.slice(0, 200))}) → ${r.status ?? r.signal}\n` +
  `stderr: ${r.stderr.slice(0, 1000)}\nstdout: ${r.stdout.slice(0, 500)}`;

describe(`random command lines (seed ${SEED}, ${RUNS} runs)`, () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await discover();
    console.log(`fuzz: seed ${SEED}, ${RUNS} command lines, ${cli.commands.length} commands`);
  }, 60_000);

  it("end with 0, 2 or 3, one line of error at most, and JSON under --json", async () => {
    expect(cli.commands).toEqual(expect.arrayContaining(["classify", "hubs", "orgs", "needs", "explain", "compare"]));
    const lines = fc.sample(commandLine(cli), { seed: SEED, numRuns: RUNS });
    const t0 = performance.now();
    const results = await pool(lines, CONCURRENCY, ({ args, input }) => exec(args, input));
    const seconds = (performance.now() - t0) / 1000;
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    if (process.env.FUZZ_SLOWEST)
      for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, 8))
        console.log(
          Math.round(r.ms),
          r.status,
          JSON.stringify(r.args.map((a) => (a.length > 40 ? `${a.slice(0, 20)}…(${a.length})` : a))),
        );
    console.log(
      `fuzz: ${results.length} runs in ${seconds.toFixed(1)} s; ` +
        `statuses ${JSON.stringify(results.reduce<Record<string, number>>((m, r) => ({ ...m, [String(r.status)]: (m[String(r.status)] ?? 0) + 1 }), {}))}; ` +
        `slowest ${Math.round(slowest.ms)} ms`,
    );
    for (const r of results) {
      expect([0, 2, 3], show(r)).toContain(r.status);
      expect(r.stderr, show(r)).not.toMatch(/^\s+at /m);
      expect(r.stderr, show(r)).not.toMatch(/internal error/);
      // eslint-disable-next-line no-control-regex
      expect(r.stderr, show(r)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2066\u2028]/);
      if (r.status !== 0) expect(r.stderr.trimEnd().split("\n").length, show(r)).toBeLessThanOrEqual(1);
      if (expectsJson(r.args)) expect(isJson(r.stdout, r.args), show(r)).toBe(true);
    }
  }, 180_000);
});
