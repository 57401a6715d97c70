/** Real outputs of every command validate against the JSON Schemas shipped in schema/. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { run } from "../support/run.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
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

describe("shipped JSON Schemas", () => {
  it.each([
    ["classify", ["classify", "I'm a Canadian in Geneva and lost my passport", "--json"]],
    ["classify", ["classify", "raise a WTO dispute", "--citizen", "CA", "--json", "--explain"]],
    ["classify", ["classify", "purple elephants", "--json"]],
    ["hubs", ["hubs", "--json"]],
    ["orgs", ["orgs", "--json"]],
    ["needs", ["needs", "--json"]],
    ["explain", ["explain", "embassy", "--json"]],
    ["compare", ["compare", "--json"]],
    ["error", ["hubs", "--city", "Genva", "--json"]],
    ["error", ["orgs", "--frobnicate", "--json"]],
  ])("%s: %j", (name, args) => {
    const r = run(args);
    const doc: unknown = JSON.parse(r.stdout);
    expect((doc as { schemaVersion: number }).schemaVersion).toBe(1);
    check(name, doc);
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
