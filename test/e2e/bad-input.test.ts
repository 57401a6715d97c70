/**
 * Bad input of every kind, given to the built binary as a new user or a careless script would:
 * each gets its documented exit status and one clear line on stderr, never a stack trace or a hang.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataDir } from "../../src/store/data-files.js";
import { BIN } from "../support/run.js";

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input = ""): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, DEBUG: undefined } as NodeJS.ProcessEnv,
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string): string[] => s.split("\n").filter((l) => l !== "");

/** The status, exactly one stderr line, and no stack trace anywhere. */
function expectOneLine(r: Result, status: number, label: string): string {
  expect(r.status, `${label}: ${r.stderr}`).toBe(status);
  const err = lines(r.stderr);
  expect(err, label).toHaveLength(1);
  expect(err[0], label).toMatch(/^mission-guide: /);
  for (const out of [r.stdout, r.stderr]) {
    expect(out, label).not.toMatch(/^\s+at /m);
    expect(out, label).not.toMatch(/\.(js|ts):\d+:\d+/);
  }
  expect(err[0]!.length, label).toBeLessThan(600);
  return err[0]!;
}

function expectJsonError(r: Result, code: string | RegExp, label: string): { code: string; suggestions: string[] } {
  const doc = JSON.parse(r.stdout) as {
    schemaVersion: number;
    error: { code: string; message: string; suggestions: string[] };
  };
  expect(doc.schemaVersion, label).toBe(1);
  expect(doc.error.code, label).toMatch(code);
  expect(doc.error.message.length, label).toBeGreaterThan(0);
  expect(Array.isArray(doc.error.suggestions), label).toBe(true);
  return doc.error;
}

describe("misspelt and unknown values", () => {
  it.each([
    // [args, status, a suggestion the line must offer (or null)]
    [["hubs", "--city", "Genva"], 2, "Geneva"],
    [["hubs", "--city", "Atlantis"], 2, null],
    [["orgs", "--city", "Viennna"], 2, "Vienna"],
    [["classify", "lost my passport", "--in", "Genvaa"], 2, "Geneva"],
    [["classify", "lost my passport", "--citizen", "Canadaa"], 2, "Canada"],
    [["classify", "lost my passport", "--citizen", "Narnia"], 2, null],
    [["classify", "visa", "--to", "Japn"], 2, "Japan"],
    [["hubs", "--country", "Swizerland"], 2, "Switzerland"],
    [["orgs", "--member", "Narnia"], 2, null],
    [["orgs", "NTO"], 2, "NATO"],
    [["hubs", "--org", "UNESKO"], 2, "UNESCO"],
    [["classify", "raise a trade dispute", "--org", "WTOO"], 2, "WTO"],
    [["explain", "embasy"], 2, "embassy"],
    [["compare", "embassy", "consulte"], 2, "consulate"],
    [["needs", "--category", "multilatral"], 2, "multilateral"],
  ] as [string[], number, string | null][])("%j", (args, status, suggestion) => {
    const line = expectOneLine(cli(args), status, args.join(" "));
    if (suggestion) expect(line).toContain(`Did you mean "${suggestion}"`);
    const j = expectJsonError(cli([...args, "--json"]), /^unknown-|^no-/, args.join(" "));
    if (suggestion) expect(j.suggestions).toContain(suggestion);
  });

  it("says when nothing matches, with exit 3", () => {
    expectOneLine(cli(["hubs", "--city", "Geneva", "--country", "FR"]), 3, "no hub");
    const r = cli(["classify", "purple elephants dance quietly"]);
    expect(expectOneLine(r, 3, "unrecognised need")).toMatch(/no need recognised/);
  });
});

describe("commands and options", () => {
  it.each([
    [["clasify", "lost passport"], "unknown-command", "classify"],
    [["hubz"], "unknown-command", "hubs"],
    [["nosuch"], "unknown-command", null],
    [["help", "clasify"], "unknown-command", "classify"],
    [["classify", "lost passport", "--citizn", "CA"], "unknown-option", "--citizen"],
    [["hubs", "--citi", "Geneva"], "unknown-option", "--city"],
    [["hubs", "--bogus"], "unknown-option", null],
    [["--colour", "hubs"], "unknown-option", null],
    [["classify", "--explain=yes", "x"], "unknown-option", "--explain"],
    [["hubs", "--city"], "option-missing-argument", null],
    [["explain"], "missing-argument", null],
    [["explain", "embassy", "consulate"], "excess-arguments", null],
    [["compare", "a", "b", "c"], "excess-arguments", null],
    [["hubs", "extra"], "excess-arguments", null],
    [["--json"], "missing-command", null],
    [["--no-color"], "missing-command", null],
  ] as [string[], string, string | null][])("%j", (args, code, suggestion) => {
    const line = expectOneLine(cli(args), 2, args.join(" "));
    expect(line).toMatch(/See: mission-guide( \w+)? --help$/);
    if (suggestion) expect(line).toContain(`Did you mean "${suggestion}"`);
    const j = expectJsonError(cli([...args, "--json"]), code, args.join(" "));
    if (suggestion) expect(j.suggestions).toContain(suggestion);
  });

  const has = (command: string): boolean => cli([command, "--help"]).status === 0;
  it.each([
    ["rules", ["rules", "--format", "mermai"], "mermaid"],
    ["completion", ["completion", "bsh"], "bash"],
    ["missions", ["missions", "--country", "Canadaa"], "Canada"],
  ])("checks the values of %s", (command, args, suggestion) => {
    if (!has(command)) return;
    expect(expectOneLine(cli(args), 2, args.join(" "))).toContain(`Did you mean "${suggestion}"`);
    expect(expectJsonError(cli([...args, "--json"]), /./, args.join(" ")).suggestions).toContain(suggestion);
  });

  it("points to the command's own help", () => {
    expect(expectOneLine(cli(["hubs", "--bogus"]), 2, "hubs")).toMatch(/See: mission-guide hubs --help$/);
  });
});

describe("empty and whitespace values", () => {
  it.each([
    [["classify"]],
    [["classify", ""]],
    [["classify", "   "]],
    [["classify", "\t\n "]],
    [["classify", "", "", ""]],
    [["classify", "lost passport", "--citizen", ""]],
    [["classify", "lost passport", "--in", "  "]],
    [["hubs", "--city", ""]],
    [["orgs", ""]],
    [["orgs", "--member", " "]],
    [["explain", ""]],
    [["needs", "--category", ""]],
    [["--data", "", "hubs"]],
  ])("%j", (args) => {
    expectOneLine(cli(args), 2, JSON.stringify(args));
    expectJsonError(cli([...args, "--json"]), /./, JSON.stringify(args));
  });
});

describe("untrusted text is echoed escaped", () => {
  // Every kind at once: C0 (ESC sequences, CR, BS, BEL), C1 (CSI), DEL, bidi override, separators.
  const nasty = [
    "\u001b[31mred\u001b[0m a\rb\u0008c\u0007\u007f",
    "\u009b31m \u0085 \u202egnp.exe \u2066x\u2069 x\u2028y",
  ];
  it.each(nasty)("%j", (value) => {
    for (const args of [
      ["hubs", "--city", value],
      ["classify", "lost passport", "--citizen", value],
      ["classify", `zzz ${value}`],
      [value],
      ["hubs", `--${value}`],
    ]) {
      const r = cli(args);
      const both = r.stdout + r.stderr;
      expect(both, JSON.stringify(args)).not.toMatch(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028]/,
      );
      expect(lines(r.stderr), JSON.stringify(args)).toHaveLength(1);
      const j = cli([...args, "--json"]);
      expect(j.stdout, JSON.stringify(args)).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
      JSON.parse(j.stdout);
    }
  });
});

describe("huge input", () => {
  // One argument may hold at most 128 KiB on Linux: a megabyte comes as ten words of 100 KB.
  const mb = (unit: string): string[] =>
    Array(10).fill(unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000));

  it("answers a 1 MB need", () => {
    const r = cli(["classify", ...mb("lost my passport "), "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).need.id).toBe("passport-lost");
  });

  it("rejects a 1 MB need it does not understand in one short line", () => {
    const r = cli(["classify", ...mb("zq ")]);
    expectOneLine(r, 3, "1 MB of nonsense");
  });

  it("echoes a 100 KB value shortened", () => {
    for (const args of [
      ["hubs", "--city", "x".repeat(100_000)],
      ["x".repeat(100_000)],
      ["hubs", `--${"x".repeat(100_000)}`],
      ["classify", "lost passport", "--in", "Qqq Zzz ".repeat(12_000)],
    ]) {
      const line = expectOneLine(cli(args), 2, args[0]!.slice(0, 20));
      expect(line.length).toBeLessThan(400);
    }
  });
});

describe("ask without a terminal", () => {
  const hasAsk = cli(["ask", "--help"]).status === 0;
  it.skipIf(!hasAsk)("refuses with exit 2 and names the flags to use instead", () => {
    const line = expectOneLine(cli(["ask"]), 2, "ask");
    expect(line).toMatch(/classify|--citizen/);
    expectJsonError(cli(["ask", "--json"]), /./, "ask --json");
    expectOneLine(cli(["ask", "lost passport", "--citizen", "CA"]), 2, "ask with words");
    expectOneLine(cli(["ask", "--no-input"]), 2, "ask --no-input");
  });
});

describe("classify --stdin with malformed input", () => {
  const hasStdin = (cli(["classify", "--help"]).stdout ?? "").includes("--stdin");
  const malformed = [
    "{bad json",
    '{"text": 5}',
    '{"__proto__": {"polluted": true}, "text": "lost passport"}',
    '{"constructor": {"prototype": {"polluted": true}}, "text": "lost passport"}',
    '{"text": "lost passport", "extra": 1}',
    "\u0000\u00ff\u00fe binary",
    "",
    "null",
    "lost passport",
    '{"text": "lost passport", "citizen": "Narnia", "id": 7}',
  ];

  it.skipIf(!hasStdin)("answers every line, one output line each, and exits 2", () => {
    const r = cli(["classify", "--stdin"], malformed.join("\n") + "\n");
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(1);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { line: number; error?: { code: string } });
    expect(out.map((o) => o.line)).toEqual(malformed.map((_, i) => i + 1));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out[8]!.error).toBeUndefined();
    for (const i of [0, 1, 2, 3, 4, 5, 6, 9]) expect(out[i]!.error, malformed[i]).toBeDefined();
  });

  it.skipIf(!hasStdin)("survives binary input and a 1 MB line", () => {
    const binary = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 256)).toString("latin1");
    const input = `lost passport\n${"x".repeat(1024 * 1024)}\n${binary}\nvisa for Japan\n`;
    const r = cli(["classify", "--stdin"], input);
    expect([0, 2, 3]).toContain(r.status);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { line: number });
    expect(out[0]!.line).toBe(1);
    expect(out.some((o) => (o as { error?: { code: string } }).error?.code === "line-too-long")).toBe(true);
  });

  it.skipIf(!hasStdin)("refuses words beside --stdin", () => {
    expectOneLine(cli(["classify", "--stdin", "lost", "passport"], ""), 2, "--stdin with words");
  });
});

describe("--data overlays", () => {
  const root = mkdtempSync(join(tmpdir(), "mission-guide-overlay-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bundled = (name: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(dataDir(), `${name}.json`), "utf8")) as Record<string, unknown>;
  const overlay = (name: string, files: Record<string, string>): string => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    return dir;
  };
  const cities = bundled("cities") as { cities: { name: string }[] };
  const renamed = JSON.stringify({ ...cities, cities: cities.cities.map((c) => ({ ...c, name: `${c.name}X` })) });
  const withKey = (key: string): string => {
    // Put the key inside the first city's names: a nested record, as an attacker would.
    const text = readFileSync(join(dataDir(), "cities.json"), "utf8");
    return text.replace(/"names":\s*\{/, `"names": {"${key}": {"polluted": "yes"}, `);
  };

  it.each([
    ["a missing directory", () => join(root, "nope"), /does not exist/],
    ["a file, not a directory", () => overlay("file", { "x.json": "{}" }) + "/x.json", /must be a directory/],
    ["broken JSON", () => overlay("broken", { "needs.json": '{"asOf": "2026-' }), /needs\.json.*not valid JSON/],
    ["a schema-invalid file", () => overlay("invalid", { "cities.json": '{"asOf": 7}' }), /cities\.json at asOf/],
    ["__proto__", () => overlay("proto", { "cities.json": withKey("__proto__") }), /__proto__.*not allowed/],
    ["constructor", () => overlay("ctor", { "cities.json": withKey("constructor") }), /constructor.*not allowed/],
    ["prototype", () => overlay("prototype", { "cities.json": withKey("prototype") }), /prototype.*not allowed/],
    ["an unknown file name", () => overlay("unknown", { "citties.json": "{}" }), /citties\.json.*unknown data file/],
    [
      "one good file and one bad",
      () => overlay("mixed", { "cities.json": renamed, "needs.json": "[]" }),
      /needs\.json/,
    ],
  ] as [string, () => string, RegExp][])("rejects %s, whole", (_label, make, reason) => {
    const dir = make();
    const r = cli(["hubs", "--city", "Geneva", "--data", dir]);
    const line = expectOneLine(r, 2, _label);
    expect(line).toMatch(/Invalid data/);
    expect(line).toMatch(reason);
    expect(r.stdout).toBe("");
    const j = expectJsonError(cli(["hubs", "--json", "--data", dir]), "bad-data", _label);
    expect(j.suggestions).toEqual([]);
  });

  it("names the path inside the file", () => {
    const dir = overlay("proto-path", { "cities.json": withKey("__proto__") });
    const line = expectOneLine(cli(["hubs", "--data", dir]), 2, "path");
    expect(line).toContain(join(dir, "cities.json"));
    expect(line).toMatch(/at cities\.0\.names\.__proto__/);
  });

  it("applies a valid overlay", () => {
    const dir = overlay("good", { "cities.json": renamed });
    const r = cli(["hubs", "--city", "GenevaX", "--json", "--data", dir]);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { hubs: { city: string }[] }).hubs[0]!.city).toBe("GenevaX");
  });
});
