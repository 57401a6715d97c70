/**
 * Issue 13 §4, SPEC §3: an unsure reading says `"uncertain": true` — when the top needs are close,
 * and when a role was guessed rather than read — and `unsure` says what is unsure ("need" first,
 * then each guessed role), so a consumer that means "the need is unsure" can tell it apart.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { renderCard } from "../../src/cli/renderers/answer-card.js";
import { PLAIN } from "../../src/cli/renderers/style.js";
import { ClassifyDoc } from "../../src/model/output-schemas.js";
import { K } from "../support/knowledge.js";

const count = (s: string, re: RegExp): number => (s.match(new RegExp(re, "g")) ?? []).length;

describe("what is unsure", () => {
  it("a guessed citizenship: uncertain, and unsure names the role, not the need", () => {
    const a = classify(K, "renew my passport, I live in Boston");
    expect(a.guessed).toEqual(["citizen"]);
    expect(a.uncertain).toBe(true);
    expect(a.unsure).toEqual(["citizen"]);
  });

  it("a guessed place to apply from: unsure names `in`", () => {
    const a = classify(K, "tourist visa for Japan", { citizen: "FR" });
    expect(a.uncertain).toBe(true);
    expect(a.unsure).toEqual(["in"]);
  });

  it('close needs: unsure names "need", with the alternatives to choose from', () => {
    const a = classify(K, "I need a passport", { citizen: "US", in: "Boston" });
    expect(a.uncertain).toBe(true);
    expect(a.unsure).toEqual(["need"]);
    expect(a.alternatives.length).toBeGreaterThan(0);
  });

  it("both: the need first, then the guessed role", () => {
    const a = classify(K, "I need a passport, I live in Boston");
    expect(a.unsure).toEqual(["need", "citizen"]);
    expect(a.uncertain).toBe(true);
  });

  it("a clear reading with every role stated has neither", () => {
    for (const a of [
      classify(K, "I'm a Canadian in Geneva and lost my passport"),
      classify(K, "renew my passport, I live in Boston", { citizen: "US" }),
      classify(K, "tourist visa for Japan", { citizen: "FR", in: "Paris" }),
    ]) {
      expect(a.uncertain).toBeUndefined();
      expect(a.unsure).toBeUndefined();
    }
  });

  it("is part of the one output schema, with only known things unsure", () => {
    for (const a of [classify(K, "renew my passport, I live in Boston"), classify(K, "I need a passport")]) {
      const { trace, ...doc } = a;
      void trace;
      expect(ClassifyDoc.safeParse(doc).success).toBe(true);
      expect(ClassifyDoc.safeParse({ ...doc, unsure: ["passport"] }).success).toBe(false);
    }
  });
});

describe("the card", () => {
  it('a guessed role only: one "Assumed, not said" line with its flag, no "did you mean"', () => {
    const card = renderCard(classify(K, "renew my passport, I live in Boston"), PLAIN, { width: 88 });
    expect(count(card, /Assumed, not said: --citizen US;/)).toBe(1);
    expect(card).not.toContain("Not sure");
  });

  it('an unsure need: "Not sure ... Did you mean", no assumed line', () => {
    const card = renderCard(classify(K, "I need a passport", { citizen: "US", in: "Boston" }), PLAIN, { width: 88 });
    expect(count(card, /Not sure that you mean passport-renewal\. Did you mean:/)).toBe(1);
    expect(card).not.toContain("Assumed");
  });

  it("both: each said once", () => {
    const card = renderCard(classify(K, "I need a passport, I live in Boston"), PLAIN, { width: 88 });
    expect(count(card, /Not sure that you mean/)).toBe(1);
    expect(count(card, /Assumed, not said/)).toBe(1);
  });
});
