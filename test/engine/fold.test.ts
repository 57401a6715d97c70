import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, rawTokens, spaceCjk, tokens } from "../../src/engine/text/fold.js";

describe("fold", () => {
  it.each([
    ["Genève", "geneve"],
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["Ærø", "aero"],
    ["Œuvre", "oeuvre"],
    ["Łódź", "lodz"],
    ["Côte d'Ivoire", "cote d ivoire"],
    ["  São   Paulo!! ", "sao paulo"],
    ["¿Dónde está la embajada?", "donde esta la embajada"],
  ])("%s → %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("is idempotent and never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = fold(s);
        expect(fold(once)).toBe(once);
      }),
    );
  });

  it("keeps the raw spelling beside the folded token", () => {
    expect(rawTokens("I'm in the UK")).toEqual([
      { folded: "i", raw: "I" },
      { folded: "m", raw: "m" },
      { folded: "in", raw: "in" },
      { folded: "the", raw: "the" },
      { folded: "uk", raw: "UK" },
    ]);
    expect(tokens("")).toEqual([]);
  });

  it("folds each word of a text as fold folds it alone (plain ASCII words take a shorter way)", () => {
    // Chinese and Japanese are read a character at a time, and one character may fold to two
    // ("ヿ" → "コト"): each is then a token of its own.
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), (text) => {
        for (const t of rawTokens(text)) expect(spaceCjk(fold(t.raw)).split(" ")).toContain(t.folded);
      }),
    );
    expect(rawTokens("ヿ").map((t) => t.folded)).toEqual(["コ", "ト"]);
    expect(rawTokens("Visa2026 ÄRGER x9Z")).toEqual([
      { folded: "visa2026", raw: "Visa2026" },
      { folded: "arger", raw: "ÄRGER" },
      { folded: "x9z", raw: "x9Z" },
    ]);
  });
});
