/**
 * Sixteen more corpora, written later, each in another voice, by people who had not seen the lexicon:
 * forum posts, chats and search-box queries (holdout.json, six languages), a call centre's ticket
 * log (holdout3.json, six languages), questions put to a search engine or an assistant
 * (holdout4.json), situations described rather than services named (holdout5.json; both
 * en/fr/es/de), messages, letters and keyword strings (holdout6.json, six languages), and
 * non-native and hurried writing (holdout7.json, en/fr/es/de), mostly multilateral and
 * organizational questions (holdout8.json) and what happened or is planned, in one to three
 * sentences (holdout9.json; both six languages), situational stories that never name the
 * service (holdout10.json, six languages), half stories, half requests in other words, with
 * Italian, Portuguese and Dutch as well (holdout11.json), and mostly stories that never name the
 * service, in chat, slang and voice-to-text too (holdout12.json), and a help desk's mixed week, half
 * requests, half stories (holdout13.json, written after all the fixes above), and search-box
 * queries and messages written for someone else (holdout14.json), and the less common situations
 * (kidnappings, children's passports with a parent abroad, procurement, press accreditation;
 * holdout15.json), and everyday help-line reasons mostly in the four main languages with regional
 * wording (holdout16.json), and short stories that never name the service (holdout17.json; all seven
 * in seven languages). Each was first run as a held-out measure —
 * office kind / state 89.2 / 87.9 %, 91.7 / 90.6 %, 88.0 / 88.0 %, 84.0 / 83.0 %, 96.7 / 92.2 %,
 * 96.5 / 94.5 %, 96.7 / 93.9 %, 79.3 / 83.3 %, 78.3 / 76.7 %, 78.1 / 84.4 %, 59.4 / 68.1 %, 85.6 / 88.8 %, 93.1 / 93.1 %, 78.8 / 81.9 %, 90.0 / 90.6 % and 82.5 / 83.8 % — and the gaps each showed were then fixed in the
 * vocabulary, the roles of places and the place data. They now guard those fixes; they no longer
 * measure generalisation (`npm run eval` does, leave-one-corpus-out). Each case is held to its answer:
 * test/engine/known-misses.json lists those wrong today, and a new miss fails, as does a listed one
 * that is now right.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/engine/answer/classify-need.js";
import { EngineError } from "../../src/engine/engine-error.js";
import { K } from "../support/knowledge.js";
import { runCorpus, type Case } from "../support/corpus.js";
import { corpusRatchet, ratchetMessage } from "../support/known-misses.js";

const load = (name: string): Case[] =>
  (JSON.parse(readFileSync(new URL(`../cases/${name}`, import.meta.url), "utf8")) as { cases: Case[] }).cases;

describe.each([
  "holdout.json",
  "holdout3.json",
  "holdout4.json",
  "holdout5.json",
  "holdout6.json",
  "holdout7.json",
  "holdout8.json",
  "holdout9.json",
  "holdout10.json",
  "holdout11.json",
  "holdout12.json",
  "holdout13.json",
  "holdout14.json",
  "holdout15.json",
  "holdout16.json",
  "holdout17.json",
])("corpus %s", (name) => {
  const cases = load(name);
  const results = runCorpus(K, cases);
  const rate = (f: (r: (typeof results)[number]) => boolean): number => results.filter(f).length / results.length;

  it("covers the four main languages at least", () => {
    const langs = new Set(cases.map((c) => c.lang));
    for (const l of ["en", "fr", "es", "de"]) expect(langs).toContain(l);
  });

  it("gets the office kind and the state right, but for the known misses", () => {
    const office = rate((r) => r.officeOk);
    const state = rate((r) => r.ofOk);
    console.log(
      `${name}: ${results.length} phrasings, office ${(office * 100).toFixed(1)} %, state ${(state * 100).toFixed(1)} %`,
    );
    expect(ratchetMessage(name, corpusRatchet(name, results))).toBe("");
  });

  it("never names the answer among the offices it is not", () => {
    for (const c of cases) {
      let r: ReturnType<typeof classify>;
      try {
        r = classify(K, c.text, c.flags ?? {});
      } catch (e) {
        // A flag naming a place the data lacks ("Lampedusa") is a usage error, counted as a miss above.
        if (e instanceof EngineError) continue;
        throw e;
      }
      if (r.answer)
        expect(
          r.notThis.map((n) => n.title),
          c.text,
        ).not.toContain(r.answer.title);
    }
  });
});
