/**
 * Issue 13's misreadings, end to end: each phrasing read as a person meant it, through the built
 * binary, its JSON validated against the shipped schema. (The driving licence is tested with its
 * need, in test/e2e/everyday.test.ts.)
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
  need: { id: string } | null;
  uncertain?: boolean;
  alternatives?: { need: string }[];
  input: { citizen: string | null; in: { country: string } | null };
  answer: { office: string; of: string | null; in: string | null; title: string; protectingPower?: string } | null;
  rule: string;
}

function classify(text: string, ...flags: string[]): Doc {
  const r = run(["classify", text, ...flags, "--json"]);
  expect(r.status, r.stderr).toBe(0);
  const doc = json<Doc>(r);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return doc;
}

describe("the misreadings issue 13 lists", () => {
  it('"I need a passport" is a passport need, unsure whether new or renewed, and asks', () => {
    const doc = classify("I need a passport");
    expect(doc.answer?.office).toBe("embassy_or_consulate");
    expect(doc.uncertain).toBe(true);
    const offered = [doc.need?.id, ...(doc.alternatives ?? []).map((a) => a.need)];
    expect(offered).toContain("passport-application");
    expect(offered).toContain("passport-renewal");
    // Every need offered is an input that works.
    for (const id of offered) expect(run(["classify", id!]).status).toBe(0);
  });

  it('"an American in Kabul, I need to get out" is an evacuation, served by the protecting power', () => {
    const doc = classify("I'm an American in Kabul, I need to get out");
    expect(doc.need?.id).toBe("crisis-evacuation");
    expect(doc.input.citizen).toBe("US");
    expect(doc.answer?.protectingPower).toBe("QA");
  });

  it('"a Chinese student in Berlin, my visa is expiring" is an extension in Germany', () => {
    const doc = classify("a Chinese student in Berlin, my visa is expiring");
    expect(doc.need?.id).toBe("visa-extension");
    expect([doc.answer?.office, doc.answer?.of]).toEqual(["domestic_authority", "DE"]);
  });

  it('"Ukrainian, fled to Poland, want to register as a refugee" goes to Poland\'s authorities, not UNHCR', () => {
    const doc = classify("Ukrainian, fled to Poland, want to register as a refugee");
    expect(doc.input.in?.country).toBe("PL");
    expect([doc.answer?.office, doc.answer?.of]).toEqual(["domestic_authority", "PL"]);
    expect(doc.rule).toBe("refugee-registration-state-registers");
  });

  it("where UNHCR registers (Jordan), a refugee is sent to UNHCR there", () => {
    const doc = classify("I'm Syrian, in Jordan, how do I register as a refugee");
    expect([doc.answer?.office, doc.answer?.in]).toEqual(["international_organization", "JO"]);
  });

  it('"outside France" (hors de, fuera de, living outside) names a place the person is not in', () => {
    for (const [text, citizen] of [
      ["je suis français, je vis hors de France, comment voter ?", "FR"],
      ["I'm a British citizen living outside the UK, how do I vote?", "GB"],
      ["soy español y vivo fuera de España, ¿cómo voto?", "ES"],
    ] as const) {
      const doc = classify(text);
      expect([doc.input.citizen, doc.input.in], text).toEqual([citizen, null]);
      expect([doc.answer?.office, doc.answer?.of], text).toEqual(["embassy_or_consulate", citizen]);
    }
  });

  it('"journalist accreditation to cover the General Assembly" is the UN\'s own press accreditation', () => {
    const doc = classify("journalist accreditation to cover the General Assembly");
    expect(doc.need?.id).toBe("un-media-accreditation");
    expect(doc.answer?.office).toBe("international_organization");
  });

  it('"report a human rights violation to the UN" is a complaint to the organization itself', () => {
    const doc = classify("report a human rights violation to the UN");
    expect(doc.need?.id).toBe("human-rights-complaint");
    expect(doc.answer?.office).toBe("international_organization");
  });

  it('"which embassy handles US citizens in Iran?" is consular help, from Switzerland as protecting power', () => {
    const doc = classify("which embassy handles US citizens in Iran?");
    expect(doc.need?.id).toBe("consular-assistance");
    expect(doc.answer?.protectingPower).toBe("CH");
    expect(doc.answer?.title).toContain("Switzerland");
  });
});
