/** Real outputs of every command validate against the JSON Schemas shipped in schema/. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { run } from "../support/run.js";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
const schema = (name: string) => {
  let v = compiled.get(name);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), "utf8")));
    compiled.set(name, v);
  }
  return v;
};

function check(name: string, doc: unknown): void {
  const validate = schema(name);
  const ok = validate(doc);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

const CASES: [string, string[]][] = [
  ["classify", ["classify", "I'm a Canadian in Geneva and lost my passport", "--json"]],
  ["classify", ["classify", "raise a WTO dispute", "--citizen", "CA", "--json", "--explain"]],
  ["classify", ["classify", "purple elephants", "--json"]],
  // Through a protecting power (Switzerland acts for the United States in Iran).
  ["classify", ["classify", "lost my passport", "--citizen", "US", "--in", "IR", "--json"]],
  ["classify", ["classify", "lost my passport", "--citizen", "US", "--in", "IR", "--json", "--explain"]],
  // Unsure (SPEC §3): a guessed role; close needs; both at once.
  ["classify", ["classify", "renew my passport, I live in Boston", "--json"]],
  ["classify", ["classify", "I need a passport", "--citizen", "US", "--in", "Boston", "--json"]],
  ["classify", ["classify", "I need a passport, I live in Boston", "--json"]],
  ["missions", ["missions", "--country", "CA", "--json"]],
  ["missions", ["missions", "--country", "NO", "--org", "EU", "--json"]],
  // Dated standing: withdrawn, withdrawal pending, not participating, a partner's own office,
  // a disputed withdrawal, a non-member with no office.
  ["missions", ["missions", "--country", "US", "--json"]],
  ["missions", ["missions", "--country", "AT", "--org", "NATO", "--json"]],
  ["missions", ["missions", "--country", "AR", "--org", "WHO", "--json"]],
  ["missions", ["missions", "--country", "TW", "--org", "UN", "--json"]],
  ["orgs", ["orgs", "WHO", "--json"]],
  ["orgs", ["orgs", "CTBTO", "--json"]],
  ["orgs", ["orgs", "--member", "US", "--json"]],
  ["hubs", ["hubs", "--city", "Bonn", "--json"]],
  ["classify", ["classify", "follow the Security Council vote", "--citizen", "Taiwan", "--json"]],
  ["classify", ["classify", "vote at the World Health Assembly", "--citizen", "US", "--json"]],
  ["offices", ["offices", "--of", "AU", "--in", "Switzerland", "--json"]],
  ["offices", ["offices", "--in", "Geneva", "--json"]],
  ["classify", ["classify", "lost my passport", "--citizen", "AU", "--in", "Geneva", "--json"]],
  ["classify", ["classify", "lost my passport", "--citizen", "UA", "--in", "Moscow", "--json"]],
  ["rules", ["rules", "--json"]],
  ["rules", ["rules", "--format", "json"]],
  ["data", ["data", "--json"]],
  ["data-check", ["data", "--check", "--json"]],
  ["completion", ["completion", "bash", "--json"]],
  ["hubs", ["hubs", "--json"]],
  ["orgs", ["orgs", "--json"]],
  ["needs", ["needs", "--json"]],
  ["explain", ["explain", "embassy", "--json"]],
  ["compare", ["compare", "--json"]],
  ["error", ["hubs", "--city", "Genva", "--json"]],
  ["error", ["orgs", "--frobnicate", "--json"]],
];

describe("shipped JSON Schemas", () => {
  it.each(CASES)("%s: %j", (name, args) => {
    const r = run(args);
    if (r.status === 0) expect(r.stderr).toBe("");
    const doc: unknown = JSON.parse(r.stdout);
    expect((doc as { schemaVersion: number }).schemaVersion).toBe(1);
    check(name, doc);
  });

  it("classify --json and --stdin say what is unsure: a guessed role, the need, or nothing", () => {
    const doc = (args: string[]) => JSON.parse(run(["classify", ...args, "--json"]).stdout) as Record<string, unknown>;
    const role = doc(["renew my passport, I live in Boston"]);
    expect(role).toMatchObject({ uncertain: true, unsure: ["citizen"], guessed: ["citizen"] });
    const need = doc(["I need a passport", "--citizen", "US", "--in", "Boston"]);
    expect(need).toMatchObject({ uncertain: true, unsure: ["need"] });
    const clear = doc(["I'm a Canadian in Geneva and lost my passport"]);
    expect(clear).not.toHaveProperty("uncertain");
    expect(clear).not.toHaveProperty("unsure");
    const input = ["renew my passport, I live in Boston", "I'm a Canadian in Geneva and lost my passport"].join("\n");
    const lines = run(["classify", "--stdin"], { input })
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) check("batch-line", l);
    expect(lines[0]).toMatchObject({ uncertain: true, unsure: ["citizen"] });
    expect(lines[1]).not.toHaveProperty("unsure");
  });

  it("every command with --json has a shipped schema", () => {
    const covered = new Set(CASES.map(([, args]) => args[0]));
    for (const c of [
      "classify",
      "hubs",
      "orgs",
      "missions",
      "offices",
      "needs",
      "explain",
      "compare",
      "rules",
      "data",
      "completion",
    ])
      expect(covered, c).toContain(c);
  });

  it("every batch line validates, answers and errors alike", () => {
    const input = [
      "lost my passport",
      JSON.stringify({ text: "raise a WTO dispute", citizen: "CA", id: "req-1" }),
      "",
      "{not json",
      JSON.stringify({ text: "lost my passport", citizen: "Atlantis", id: 3 }),
    ].join("\n");
    const r = run(["classify", "--stdin"], { input });
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(5);
    for (const l of lines) check("batch-line", JSON.parse(l));
    check("batch-input", JSON.parse(input.split("\n")[1]!));
  });
});
