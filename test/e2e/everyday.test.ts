/**
 * Issue 15, end to end: each example a newcomer met, through the built binary, with its exit
 * status, the card's words and the JSON (validated against the shipped schema).
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { json, run } from "../support/run.js";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(
  JSON.parse(readFileSync(new URL("../../schema/classify.schema.json", import.meta.url), "utf8")) as object,
);

interface Doc {
  input: { citizen: string | null; citizens?: string[]; in: { country: string; city: string | null; name?: string } };
  answer: { office: string; of: string | null; in: string | null; title: string; org: string | null } | null;
  citizenships?: { citizen: string; office: string; of: string; title: string }[];
  caveats: string[];
  warnings?: string[];
  notThis: { title: string }[];
  rule: string;
  sources: { url: string }[];
}

function classify(...args: string[]): { status: number | null; doc: Doc; stderr: string } {
  const r = run(["classify", ...args, "--json"]);
  const doc = json<Doc>(r);
  if (r.status === 0) expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return { status: r.status, doc, stderr: r.stderr };
}

describe("dual nationals", () => {
  it('"dual Irish-British citizen in Spain" gets both states\' offices', () => {
    const { status, doc } = classify("I'm a dual Irish-British citizen in Spain and lost my passport");
    expect(status).toBe(0);
    expect(doc.input.citizens).toEqual(["IE", "GB"]);
    expect(doc.citizenships?.map((c) => [c.citizen, c.of])).toEqual([
      ["IE", "IE"],
      ["GB", "GB"],
    ]);
    const card = run(["classify", "I'm a dual Irish-British citizen in Spain and lost my passport"]).stdout;
    expect(card).toContain("For each of your citizenships");
    expect(card).toMatch(/GB passport: British Embassy Madrid/);
  });

  it("--citizen CA --citizen US keeps both, in order", () => {
    const { status, doc } = classify("lost my passport", "--citizen", "CA", "--citizen", "US", "--in", "Paris");
    expect(status).toBe(0);
    expect(doc.input.citizen).toBe("CA");
    expect(doc.input.citizens).toEqual(["CA", "US"]);
    expect(doc.citizenships?.map((c) => c.of)).toEqual(["CA", "US"]);
  });

  it("in a state of the other nationality: a sourced caveat", () => {
    const { doc } = classify("lost my passport", "--citizen", "GB", "--citizen", "US", "--in", "New York");
    expect(doc.caveats.some((c) => /also a citizen of the United States/.test(c))).toBe(true);
    expect(doc.sources.map((s) => s.url)).toContain("https://www.gov.uk/guidance/who-the-fcdo-can-support-abroad");
  });

  it("--stdin with several --citizen is refused, not one silently dropped", () => {
    const r = run(["classify", "--stdin", "--citizen", "CA", "--citizen", "US"], { input: "lost my passport\n" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/one --citizen/);
  });
});

describe("places", () => {
  it('--in "Paris, Texas" --citizen FR is in the United States, named on the card', () => {
    const { status, doc } = classify("lost my passport", "--in", "Paris, Texas", "--citizen", "FR");
    expect(status).toBe(0);
    expect(doc.input.in).toMatchObject({ country: "US", city: "Paris" });
    expect(doc.answer?.in).toBe("US");
    expect(run(["classify", "lost my passport", "--in", "Paris, Texas", "--citizen", "FR"]).stdout).toContain(
      "Where: Paris (Texas), United States",
    );
  });

  it('--in "Georgia, USA" is the US state, not Tbilisi', () => {
    const { doc } = classify("lost my passport", "--in", "Georgia, USA", "--citizen", "FR");
    expect(doc.input.in.country).toBe("US");
    expect(doc.answer?.in).toBe("US");
  });

  it("--in Atlantis is named on the card as the place understood", () => {
    const r = run(["classify", "lost my passport", "--in", "Atlantis", "--citizen", "FR"]);
    expect(r.stdout).toContain("Where: Atlantis, South Africa");
    expect(r.stdout).toMatch(/Place read as Atlantis, South Africa/);
  });

  it("an unknown place: exit 2 with suggestions", () => {
    const r = run(["classify", "lost my passport", "--in", "Atlantiss", "--citizen", "FR"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown place "Atlantiss"/);
  });

  it.each(["Congolese", "Congo"])("--citizen %s: both Congos named, exit 2, JSON error with both", (name) => {
    const r = run(["classify", "lost my passport", "--citizen", name, "--in", "France", "--json"]);
    expect(r.status).toBe(2);
    const doc = json<{ error: { code: string; suggestions: string[] } }>(r);
    expect(doc.error.code).toBe("ambiguous-country");
    expect(doc.error.suggestions).toEqual(["Republic of the Congo", "DR Congo"]);
  });
});

describe("no self-contradiction", () => {
  it("classify visa --citizen US --in US --to US: no visa needed, no office", () => {
    const { status, doc } = classify("visa", "--citizen", "US", "--in", "US", "--to", "US");
    expect(status).toBe(0);
    expect(doc.answer?.office).toBe("none");
    expect(doc.rule).toBe("visa-own-country");
  });

  it("never 'Embassy of France in France' after a question on France at the OECD", () => {
    const { doc } = classify("France delegation to the OECD");
    expect(doc.notThis.map((n) => n.title).join("\n")).not.toMatch(/Embassy of France in France/);
  });

  it("--org NATO with a WTO dispute: a warning on stderr and in caveats, the WTO answered", () => {
    const { status, doc, stderr } = classify("raise a WTO dispute", "--citizen", "CA", "--org", "NATO");
    expect(status).toBe(0);
    expect(stderr).toMatch(/^mission-guide: warning: --org NATO does not fit/m);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.answer?.org).toBe("wto");
  });

  it('"my visa is expiring, I\'m in Berlin": the immigration authority of Germany', () => {
    const { doc } = classify("my visa is expiring, I'm in Berlin");
    expect(doc.answer).toMatchObject({ office: "domestic_authority", of: "DE" });
    expect(doc.answer?.title).toMatch(/immigration authority of Germany/i);
  });
});
