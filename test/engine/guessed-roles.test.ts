/**
 * Issue 13 §4: a role the words did not state but the answer assumes is marked `guessed`, so that
 * `ask` can ask it and a script can tell it from one read.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { ClassifyDoc } from "../../src/model/output-schemas.js";
import { K } from "../support/knowledge.js";

describe("roles assumed, not read", () => {
  it("a passport asked for where one lives: the citizenship is that country's, guessed", () => {
    const a = classify(K, "renew my passport, I live in Boston");
    expect(a.input.citizen).toBe("US");
    expect(a.guessed).toEqual(["citizen"]);
  });

  it("a visa with no place given: where one applies from is guessed", () => {
    const a = classify(K, "tourist visa for Japan", { citizen: "FR" });
    expect(a.guessed).toEqual(["in"]);
  });

  it("nothing guessed when the words or the flags say it", () => {
    expect(classify(K, "I'm a Canadian in Geneva and lost my passport").guessed).toBeUndefined();
    expect(classify(K, "renew my passport, I live in Boston", { citizen: "US" }).guessed).toBeUndefined();
    expect(classify(K, "tourist visa for Japan", { citizen: "FR", in: "Paris" }).guessed).toBeUndefined();
  });

  it("is part of the one output schema", () => {
    const { trace, ...doc } = classify(K, "renew my passport, I live in Boston");
    void trace;
    expect(ClassifyDoc.safeParse(doc).success).toBe(true);
    expect(ClassifyDoc.safeParse({ ...doc, guessed: ["passport"] }).success).toBe(false);
  });
});
