/**
 * Every answer the engine gives for the phrasing corpora (test/cases) is a document the shipped
 * JSON Schema accepts: the schema users validate against, not a type written beside it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import type { Case } from "../support/corpus.js";
import { K } from "../support/knowledge.js";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(
  JSON.parse(readFileSync(new URL("../../schema/classify.schema.json", import.meta.url), "utf8")),
);
const cases = (): { file: string; c: Case }[] => {
  const dir = new URL("../cases/", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((file) =>
      (JSON.parse(readFileSync(new URL(file, dir), "utf8")) as { cases: Case[] }).cases.map((c) => ({ file, c })),
    );
};

describe("corpus answers against schema/classify.schema.json", () => {
  it("every answer validates, with and without the trace", () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(1000);
    for (const { file, c } of all) {
      let a;
      try {
        a = classify(K, c.text, c.flags ?? {});
      } catch {
        continue; // an unknown flag value: the CLI answers with an error document instead
      }
      // `uncertain` exactly when something is unsure, and every guessed role is among what is.
      expect(a.uncertain === true, `${file}: ${c.text}`).toBe((a.unsure?.length ?? 0) > 0);
      for (const g of a.guessed ?? []) expect(a.unsure, `${file}: ${c.text}`).toContain(g);
      const { trace: _trace, ...plain } = a;
      for (const doc of [plain, a]) {
        if (!validate(doc)) expect.fail(`${file}: ${JSON.stringify(c.text)}: ${JSON.stringify(validate.errors)}`);
      }
    }
  });

  it("an answer through a protecting power validates", () => {
    const a = classify(K, "lost my passport", { citizen: "US", in: "IR" });
    expect(a.answer?.protectingPower).toBe("CH");
    const { trace: _trace, ...plain } = a;
    expect(validate(plain), JSON.stringify(validate.errors)).toBe(true);
  });
});
