/**
 * Issue 16: every text shown on a terminal goes through one escaping function (terminalText, in
 * src/cli/output.ts's out and err). Escape, CSI, OSC 8, C1 and bidi payloads are put in the text of
 * every data file (by an overlay), in file and folder names and in user input; no command's human
 * output or message shows one raw. JSON keeps its own escaping (the same values, as \u escapes).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terminalText } from "../../src/engine/text/escape-controls.js";
import { run } from "../support/run.js";

const PAYLOAD = "\u001b[31mRED\u001b]8;;https://evil.example/\u0007LINK\u001b]8;;\u0007\u009b2J\u0085\u202eRTL\u2066";
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/** Keys whose text is shown to people (ids, codes, dates and URLs are left alone: they are checked). */
const TEXT_KEYS = new Set([
  "label",
  "description",
  "summary",
  "note",
  "title",
  "what",
  "why",
  "notes",
  "reasons",
  "caveats",
  "whoWorks",
  "examples",
]);

function poison(value: unknown, key = ""): unknown {
  if (typeof value === "string") return TEXT_KEYS.has(key) ? `${value}${PAYLOAD}` : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

const DATA = new URL("../../data/", import.meta.url);
const root = mkdtempSync(join(tmpdir(), "mg-escapes-"));
const overlay = join(root, `over\u001b]8;;x\u0007lay\u202e`);
mkdirSync(overlay);
for (const f of readdirSync(DATA).filter((f) => f.endsWith(".json")))
  writeFileSync(join(overlay, f), JSON.stringify(poison(JSON.parse(readFileSync(new URL(f, DATA), "utf8")))));

const COMMANDS = [
  ["needs"],
  ["hubs"],
  ["hubs", "--city", "Geneva"],
  ["orgs"],
  ["orgs", "WTO"],
  ["missions", "--country", "CA"],
  ["offices", "--of", "AU", "--in", "Switzerland"],
  ["explain", "permanent-mission"],
  ["compare"],
  ["rules"],
  ["data"],
  ["data", "--check"],
  ["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--explain"],
  ["classify", "raise a WTO dispute", "--citizen", "CA"],
];

describe("escape payloads", () => {
  it("the poisoned overlay is valid (so its text reaches the commands)", () => {
    const r = run(["data", "--check", "--data", overlay]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each(COMMANDS)("%s … shows none raw (human output and messages)", (...args) => {
    const r = run([...args, "--data", overlay]);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it("user input and file names in messages show none raw", () => {
    for (const args of [
      ["classify", "lost my passport", "--citizen", PAYLOAD],
      ["hubs", "--city", PAYLOAD],
      [PAYLOAD],
      ["needs", "--data", join(root, PAYLOAD)],
    ]) {
      const r = run(args);
      expect(r.stdout + r.stderr, args.join(" ")).not.toMatch(RAW);
    }
    const named = join(root, "named");
    mkdirSync(named);
    writeFileSync(join(named, `x${PAYLOAD.replaceAll("/", "_")}.json`), "{}");
    const r = run(["data", "--check", "--data", named]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
  });

  it("JSON keeps its escaping: the same values, no raw control", () => {
    const r = run(["needs", "--json", "--data", overlay]);
    expect(r.stdout).not.toMatch(RAW);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain(JSON.stringify(PAYLOAD).slice(1, -1));
  });

  it("terminalText keeps line breaks and, when colouring, only colour sequences", () => {
    expect(terminalText(`a\n${PAYLOAD}`)).not.toMatch(RAW);
    expect(terminalText("a\nb")).toBe("a\nb");
    expect(terminalText("\u001b[1mB\u001b[22m \u001b]8;;x\u0007", true)).toBe("\u001b[1mB\u001b[22m \\x1b]8;;x\\x07");
  });
});
