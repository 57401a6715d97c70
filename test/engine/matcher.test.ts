import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getKnowledge } from "../../src/store/knowledge-store.js";
import { closest, editDistance, WordIndex } from "../../src/engine/text/word-matcher.js";

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
    endings: getKnowledge().grammar.endings,
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

  it("matches the same when rebuilt from the build cache's form (sorted lines searched in place)", () => {
    const words = [
      "passport",
      "renew",
      "verlust",
      "reisepass",
      "reise",
      "visum",
      "pass",
      "booking",
      "паспорт",
      "çalışma",
    ];
    const options = { endings: ["s", "al", "а"], exactOnly: new Set(["pass"]), compoundParts: new Set(["verlust"]) };
    const built = new WordIndex(words, options);
    const read = WordIndex.from(JSON.parse(JSON.stringify(built.toJSON())));
    const tokens = [
      "passport",
      "passports",
      "renewal",
      "pasport",
      "passe",
      "passverlust",
      "паспорта",
      "çalışma",
      "x",
      "",
    ];
    for (const t of tokens) expect(read.match(t)).toEqual(built.match(t));
    for (const w of [...words, "nothing"]) expect(read.has(w)).toBe(built.has(w));
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

describe("WordIndex typo look-ups, scanned or indexed", () => {
  // The real vocabulary (its words in Latin letters), and tokens one edit away from its words (and
  // some further away).
  const vocab = getKnowledge().vocabLatin.toJSON().words.split("\n");
  const token = fc
    .tuple(
      fc.constantFrom(...vocab),
      fc.nat(),
      fc.constantFrom("delete", "insert", "swap", "replace", "twice"),
      fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
    )
    .map(([w, at, edit, ch]) => {
      const i = at % w.length;
      const c = ch;
      if (edit === "delete") return w.slice(0, i) + w.slice(i + 1);
      if (edit === "insert") return w.slice(0, i) + c + w.slice(i);
      if (edit === "swap") return w.slice(0, i) + (w[i + 1] ?? "") + w[i] + w.slice(i + 2);
      if (edit === "replace") return w.slice(0, i) + c + w.slice(i + 1);
      return `${c}${w.slice(1, -1)}${c}`;
    });

  it("give the same words in the same order, whichever way", () => {
    const scanning = new WordIndex(vocab, { typoScans: Infinity });
    const indexed = new WordIndex(vocab, { typoScans: 0 });
    fc.assert(
      fc.property(token, (t) => {
        expect(scanning.match(t)).toEqual(indexed.match(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("switch to the index after the scans allowed, answering the same", () => {
    const switching = new WordIndex(vocab, { typoScans: 3 });
    const indexed = new WordIndex(vocab, { typoScans: 0 });
    for (const t of ["pasport", "pasaportte", "embasy", "consulat", "visaas", "reisepas", "travail", "ambassad"])
      expect(switching.match(t), t).toEqual(indexed.match(t));
  });
});
