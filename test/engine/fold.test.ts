import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, rawTokens, tokens } from "../../src/engine/text/fold.js";

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
});
