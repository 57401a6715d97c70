import { describe, expect, it } from "vitest";
import { closest, editDistance, WordIndex } from "../../src/engine/matcher.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(editDistance("passport", "passport")).toBe(0);
    expect(editDistance("pasport", "passport")).toBe(1);
    expect(editDistance("passprot", "passport")).toBe(1);
    expect(editDistance("visa", "visum")).toBe(2);
    expect(editDistance("abc", "xyzxyz", 2)).toBe(3);
  });
});

describe("WordIndex", () => {
  const idx = new WordIndex(["passport", "renew", "verlust", "reisepass", "reise", "visum", "pass", "booking"], {
    exactOnly: new Set(["pass"]),
    compoundParts: new Set(["verlust", "visum", "reisepass"]),
  });

  it("matches exact words and endings", () => {
    expect(idx.match("passport")).toEqual(["passport"]);
    expect(idx.match("passports")).toEqual(["passport"]);
    expect(idx.match("renewal")).toEqual(["renew"]);
  });

  it("tolerates one typo, but not in the first letter", () => {
    expect(idx.match("pasport")).toEqual(["passport"]);
    expect(idx.match("looking")).toEqual([]);
  });

  it("finds German compound parts, only for words allowed as parts", () => {
    expect(idx.match("passverlust")).toEqual(["verlust"]);
    expect(idx.match("visumantrag")).toEqual(["visum"]);
  });

  it("keeps exact-only words exact", () => {
    expect(idx.match("passe")).toEqual([]);
    expect(idx.match("pass")).toEqual(["pass"]);
  });

  it("takes only real endings, and looks for a typo when there is none", () => {
    // "pas" is no ending: "reisepas" is "reisepass" less one letter, not "reise" + "pas".
    expect([...idx.match("reisepas")]).toEqual(["reisepass"]);
    expect(idx.match("passports")).toEqual(["passport"]);
  });
});

describe("closest", () => {
  it("suggests the nearest known values", () => {
    const c: [string, string][] = [
      ["geneva", "Geneva"],
      ["genoa", "Genoa"],
      ["vienna", "Vienna"],
    ];
    expect(closest("genva", c)[0]).toBe("Geneva");
    expect(closest("xxxxxxxx", c)).toEqual([]);
  });
});
