/**
 * The phrasing corpus: written independently of the lexicon, in English, French, Spanish, German
 * and a little Italian and Portuguese, with typos, questions and statements. The engine must get
 * the office kind and the state right for nearly all of it.
 */
import { describe, expect, it } from "vitest";
import { K } from "../support/knowledge.js";
import { loadCorpus, runCorpus } from "../support/corpus.js";

const results = runCorpus(K, loadCorpus());
const rate = (xs: typeof results, f: (r: (typeof results)[number]) => boolean): number =>
  xs.filter(f).length / xs.length;

describe("phrasing corpus", () => {
  it("has at least 300 phrasings in at least four languages", () => {
    expect(results.length).toBeGreaterThanOrEqual(300);
    const langs = new Set(results.map((r) => r.c.lang));
    for (const l of ["en", "fr", "es", "de"]) expect(langs).toContain(l);
  });

  it("picks the right office kind and state for nearly all", () => {
    const office = rate(results, (r) => r.officeOk);
    const state = rate(results, (r) => r.ofOk);
    console.log(
      `corpus: ${results.length} phrasings, office ${(office * 100).toFixed(1)} %, state ${(state * 100).toFixed(1)} %`,
    );
    expect(office).toBeGreaterThanOrEqual(0.95);
    expect(state).toBeGreaterThanOrEqual(0.93);
  });

  it.each(["en", "fr", "es", "de"])("does well in %s", (lang) => {
    const subset = results.filter((r) => r.c.lang === lang);
    expect(rate(subset, (r) => r.officeOk)).toBeGreaterThanOrEqual(0.93);
    expect(rate(subset, (r) => r.ofOk)).toBeGreaterThanOrEqual(0.9);
  });
});
