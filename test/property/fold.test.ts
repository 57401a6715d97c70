/** Folding, the one normal form every comparison uses, on arbitrary text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, rawTokens, tokens } from "../../src/engine/text/fold.js";

/** Any UTF-16 string, lone surrogates and control characters included. */
const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string());
/** Latin letters with and without accents, as people type names. */
const latin = fc.string({
  unit: fc
    .oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0xc0, max: 0x17f }).filter((c) => c !== 0xd7 && c !== 0xf7),
    )
    .map((c) => String.fromCharCode(c)),
});

describe("fold on any input", () => {
  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = fold(s);
        expect(fold(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives lower-case words separated by single spaces", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const f = fold(s);
        expect(f).toBe(f.trim());
        expect(f).not.toMatch(/ {2}/);
        expect(f).toMatch(/^[\p{L}\p{N} ]*$/u);
        expect(f).not.toMatch(/\p{M}/u);
      }),
      { numRuns: 1000 },
    );
  });

  it("ignores Unicode normalisation form", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(fold(s.normalize("NFD"))).toBe(fold(s.normalize("NFC")));
      }),
      { numRuns: 1000 },
    );
  });

  it("ignores case and accents in Latin text", () => {
    fc.assert(
      fc.property(latin, (s) => {
        expect(fold(s.toUpperCase())).toBe(fold(s.toLowerCase()));
        expect(fold(s.normalize("NFD").replace(/\p{M}/gu, ""))).toBe(fold(s));
      }),
      { numRuns: 1000 },
    );
  });

  it("splits into tokens that are themselves folded, never empty", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const t of tokens(s)) {
          expect(t).not.toBe("");
          expect(fold(t)).toBe(t);
        }
        for (const t of rawTokens(s)) {
          expect(t.folded).not.toBe("");
          expect(t.folded).not.toContain(" ");
          expect(fold(t.folded)).toBe(t.folded);
          expect(s).toContain(t.raw);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("handles long input in linear time", () => {
    const long = "Genève, Straße; Ærø — ".repeat(50_000);
    const t0 = performance.now();
    expect(fold(long).length).toBeGreaterThan(0);
    expect(rawTokens(long).length).toBe(150_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
