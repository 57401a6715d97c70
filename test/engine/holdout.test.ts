/**
 * Two more corpora, written later, each in another voice, by people who had not seen the lexicon:
 * forum posts, chats and search-box queries (holdout.json), and a call centre's ticket log
 * (holdout3.json), in six languages. Each was first run as a held-out measure — 89.2 % office kind
 * and 87.9 % state for the first, 91.7 % and 90.6 % for the second — and the gaps each showed were
 * then fixed in the vocabulary, the roles of places and the place data. They now guard those
 * fixes; they no longer measure generalisation.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { K } from "../support/knowledge.js";
import { runCorpus, type Case } from "../support/corpus.js";

const load = (name: string): Case[] =>
  (JSON.parse(readFileSync(new URL(`../cases/${name}`, import.meta.url), "utf8")) as { cases: Case[] }).cases;

describe.each(["holdout.json", "holdout3.json"])("corpus %s", (name) => {
  const cases = load(name);
  const results = runCorpus(K, cases);
  const rate = (f: (r: (typeof results)[number]) => boolean): number => results.filter(f).length / results.length;

  it("covers six languages", () => {
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(["en", "fr", "es", "de", "it", "pt"]));
  });

  it("gets the office kind and the state right for nearly all", () => {
    const office = rate((r) => r.officeOk);
    const state = rate((r) => r.ofOk);
    console.log(
      `${name}: ${results.length} phrasings, office ${(office * 100).toFixed(1)} %, state ${(state * 100).toFixed(1)} %`,
    );
    expect(office).toBeGreaterThanOrEqual(0.95);
    expect(state).toBeGreaterThanOrEqual(0.93);
  });
});
