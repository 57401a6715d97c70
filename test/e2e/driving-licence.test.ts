/**
 * Issue 13, end to end: driving licences are a domestic matter of the country where one lives
 * (Directive 2006/126/EC; Your Europe), never a student visa because French "licence" is a degree.
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
  input: { citizen: string | null; in: { country: string } | null };
  need: { id: string; category: string } | null;
  answer: { office: string; of: string | null } | null;
  caveats: string[];
  missing: string[];
  rule: string;
  sources: { url: string }[];
}

function classify(...args: string[]): Doc {
  const r = run(["classify", ...args, "--json"]);
  expect(r.status).toBe(0);
  const doc = json<Doc>(r);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return doc;
}

const DIRECTIVE = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32006L0126";

describe("driving licences", () => {
  it('"renew my Italian driving licence, I live in London": the licensing authority where one lives, not a visa', () => {
    const doc = classify("renew my Italian driving licence, I live in London");
    expect(doc.need?.id).toBe("driving-licence");
    expect(doc.answer?.office).toBe("domestic_authority");
    expect(doc.answer?.of).toBe("GB");
    expect(doc.input.citizen).toBe("IT");
    expect(doc.rule).toBe("driving-licence-where-you-live");
    expect(doc.sources.map((s) => s.url)).toContain(DIRECTIVE);
    // The other case: the issuing state renews while one still lives there.
    expect(doc.caveats.some((c) => /still live in the country that issued it/.test(c))).toBe(true);
    const card = run(["classify", "renew my Italian driving licence, I live in London"]).stdout;
    expect(card).toContain("driving licence authority of the United Kingdom");
    expect(card).not.toMatch(/visa/i);
  });

  it("\"exchange my US driver's license in Germany\": Germany's licensing authority", () => {
    const doc = classify("exchange my US driver's license in Germany");
    expect(doc.need?.id).toBe("driving-licence");
    expect(doc.answer?.office).toBe("domestic_authority");
    expect(doc.answer?.of).toBe("DE");
    expect(doc.input.in?.country).toBe("DE");
  });

  it('"international driving permit": a domestic authority, the country where one lives still to be said', () => {
    const doc = classify("international driving permit");
    expect(doc.need?.id).toBe("driving-licence");
    expect(doc.answer?.office).toBe("domestic_authority");
    expect(doc.missing).toContain("in");
    expect(doc.caveats.some((c) => /international driving permit is issued .*by the country that issued/.test(c))).toBe(
      true,
    );
  });

  it("in other languages too", () => {
    expect(classify("renouveler mon permis de conduire, j'habite à Madrid").answer?.of).toBe("ES");
    expect(classify("Führerschein umschreiben, ich wohne in München").answer?.of).toBe("DE");
    expect(classify("renew my driving licence").need?.id).toBe("driving-licence");
  });

  it('French "en licence" is still a degree', () => {
    expect(classify("je suis étudiant en licence, je veux étudier au Canada").need?.id).toBe("visa-student");
  });
});
