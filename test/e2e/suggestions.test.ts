/**
 * Issue 13 §4: every suggestion printed after an unrecognised or unsure need is an input that
 * works. Many weak inputs (gibberish, single words, typos of need words, other languages) go
 * through the built CLI; every suggestion it prints — the ids under "Closest needs" and "Did you
 * mean", the "Say ... by its id" commands, the closest needs on stderr, the commands and flags it
 * names — is run as printed, and must exit 0.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runAsync(args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: "100" } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs every command, a few at a time (the machine has two cores). */
async function runAll(commands: string[][], at = 4): Promise<Ran[]> {
  const out: Ran[] = new Array<Ran>(commands.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: at }, async () => {
      while (next < commands.length) {
        const i = next++;
        out[i] = await runAsync(commands[i]!);
      }
    }),
  );
  return out;
}

/** Weak inputs: what a person types that the tool may not read, or not be sure of. */
const WEAK: { text: string; flags?: string[] }[] = [
  // gibberish and noise
  ...["asdfgh", "qwerty uiop", "xyzzy", "zzzz", "lorem ipsum dolor sit amet", "12345", "???", "42"].map((text) => ({
    text,
  })),
  // single words and small talk
  ...[
    "hello",
    "hello world",
    "thanks",
    "banana",
    "the",
    "why",
    "ok",
    "yes",
    "nothing",
    "maybe tomorrow",
    "football scores",
    "what time is it",
    "embassy",
    "embassy question",
    "need help from consulate",
    "problem with my visa papers",
    "passport",
    "visa",
    "WTO",
    "deportation",
  ].map((text) => ({ text })),
  // typos of need words
  ...["pasport", "pasprot", "vsa", "visaa", "embasy", "embassey", "apostile", "consulat"].map((text) => ({ text })),
  // other languages
  ...[
    "ambasada",
    "ambasada polska",
    "paszport",
    "pasaporte",
    "pasaport",
    "büyükelçilik",
    "паспорт",
    "визa",
    "посольство",
    "помогите",
    "签证",
    "大使馆",
    "帮助",
    "ビザ",
    "大使館",
    "助けて",
    "سفارة",
    "مساعدة",
    "Ich brauche Hilfe",
    "j'ai besoin d'aide",
    "necesito ayuda",
    "preciso de ajuda",
    "ho bisogno di aiuto",
    "ik heb hulp nodig",
    "pomocy",
  ].map((text) => ({ text })),
  // with flags: a suggestion "with the same flags" keeps them
  { text: "asdfgh", flags: ["--citizen", "CA", "--in", "Geneva"] },
  { text: "I need a passport", flags: ["--citizen", "FR", "--in", "Tokyo"] },
  { text: "visa", flags: ["--citizen", "IN", "--to", "Japan"] },
  // a role the answer assumed: the flag it names
  { text: "renew my passport, I live in Boston" },
  { text: "tourist visa for Japan", flags: ["--citizen", "FR"] },
];

/** Every suggestion a run printed, each as the arguments to run it with. */
function suggestions(printed: Ran, flags: string[], text: string): string[][] {
  const found: string[][] = [];
  const id = (need: string, withFlags = true): void => void found.push(["classify", need, ...(withFlags ? flags : [])]);
  const out = printed.stdout;
  // "Closest needs:" and "Did you mean:" lists: one id a line.
  for (const block of out.split(/\n(?=\S)/)) {
    if (/^(Closest needs:|Not sure that you mean)/.test(block))
      for (const m of block.matchAll(/^ {2}[-?] ([a-z0-9-]+)/gm)) id(m[1]!);
  }
  // "Say one by its id: mission-guide classify X", "Say it by its id: ... (with the same flags)".
  for (const m of out.matchAll(
    /Say (?:one|it) by its id: mission-guide classify ([a-z0-9-]+)(\s+\(with the same\s+flags\))?/g,
  ))
    id(m[1]!, m[2] !== undefined);
  // Other commands named: "list what is known with: mission-guide needs".
  for (const m of (out + printed.stderr).matchAll(/(?:with|See): mission-guide ([a-z]+)\b(?! ")/g))
    if (m[1] !== "classify") found.push([m[1]!]);
  // On stderr: "no need recognised in "..."; closest: a, b, c."
  const closest = /closest: ([a-z0-9, -]+)\./.exec(printed.stderr);
  if (closest) for (const need of closest[1]!.split(", ")) id(need);
  // Flags it asks for with a value: "Assumed, not said: --citizen US".
  const assumed = /Assumed, not said: ([^;]+);/.exec(out.replace(/\n\s*/g, " "));
  if (assumed)
    for (const f of assumed[1]!.split(", ")) {
      const [flag, value] = f.split(" ");
      found.push(["classify", text, ...flags, flag!, value!]);
    }
  return found;
}

describe("every suggestion printed after a weak input works", () => {
  it("runs each as printed: exit 0", { timeout: 180_000 }, async () => {
    expect(WEAK.length).toBeGreaterThanOrEqual(40);
    const first = await runAll(WEAK.map((w) => ["classify", w.text, ...(w.flags ?? [])]));
    const commands = new Map<string, { args: string[]; from: string }>();
    let unrecognised = 0;
    first.forEach((r, i) => {
      const w = WEAK[i]!;
      expect([0, 3], `${w.text}: ${r.stderr}`).toContain(r.status);
      if (r.status === 3) unrecognised++;
      for (const args of suggestions(r, w.flags ?? [], w.text))
        commands.set(JSON.stringify(args), { args, from: w.text });
    });
    // The inputs are weak enough to exercise both kinds of suggestion.
    expect(unrecognised).toBeGreaterThanOrEqual(15);
    expect(commands.size).toBeGreaterThanOrEqual(30);
    const list = [...commands.values()];
    console.log(`suggestions: ${list.length} distinct commands from ${WEAK.length} inputs`);
    const ran = await runAll(list.map((c) => c.args));
    const failed = ran.flatMap((r, i) =>
      r.status === 0
        ? []
        : [
            `mission-guide ${list[i]!.args.join(" ")} (suggested for ${JSON.stringify(list[i]!.from)}): exit ${r.status} ${r.stderr.trim()}`,
          ],
    );
    expect(failed).toEqual([]);
  });
});
