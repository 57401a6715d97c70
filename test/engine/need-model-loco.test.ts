/**
 * A ratchet on the combined reading (rules + need model): leave-one-corpus-out on two corpora (one
 * written for the tests, one in a language the rules do not read), each tested by a model trained on
 * all the other phrasings, through `classify` itself. Each case is held to its office kind:
 * test/engine/known-misses.json (section "loco") lists those wrong today; a new miss fails, and so
 * does a listed one that is now right (`node scripts/known-misses.mjs --loco` rewrites the list).
 * The full report is `npm run eval`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseKey, loadKnownMisses, ratchet, ratchetMessage, type KnownMiss } from "../support/known-misses.js";

const committed = JSON.parse(readFileSync(new URL("./need-model-loco.json", import.meta.url), "utf8")) as {
  folds: string[];
};

interface Phrasing {
  text: string;
  office: string;
  need: string;
  roles?: Record<string, string>;
  rolesFrom?: string;
}

/** The fold's cases as the evaluation keys them (roles given as flags count as flags). */
function phrasings(corpus: string): Phrasing[] {
  return (
    JSON.parse(readFileSync(new URL(`../../data/phrasings/${corpus}.json`, import.meta.url), "utf8")) as {
      phrasings: Phrasing[];
    }
  ).phrasings;
}
const flagsOf = (p: Phrasing): Record<string, string> | undefined =>
  p.rolesFrom === "flags" && Object.keys(p.roles ?? {}).length > 0 ? p.roles : undefined;

describe("need model, leave-one-corpus-out ratchet", () => {
  it("gets every case's office kind right, but for the known misses", { timeout: 240_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), "need-model-loco-")), "loco.json");
    execFileSync(process.execPath, ["scripts/eval.mjs", "--folds", committed.folds.join(","), "--json", out], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const got = JSON.parse(readFileSync(out, "utf8")) as {
      corpora: Record<string, { combinedOffice: number }>;
      misses: KnownMiss[];
    };
    const listed = loadKnownMisses().loco;
    const messages: string[] = [];
    for (const corpus of committed.folds) {
      console.log(`${corpus}: combined office ${got.corpora[corpus]!.combinedOffice} %`);
      const wrong = new Map(
        got.misses.filter((m) => m.corpus === corpus).map((m) => [caseKey(corpus, m.text, m.flags), m]),
      );
      const key = (p: Phrasing): string => caseKey(corpus, p.text, flagsOf(p));
      const r = ratchet(
        corpus,
        phrasings(corpus),
        listed,
        key,
        (p) => wrong.has(key(p)),
        (p) => {
          const m = wrong.get(key(p));
          return `${JSON.stringify(p.text)}: ${m ? `got ${m.got.need}/${m.got.office}, ` : ""}expected ${p.need}/${p.office}`;
        },
      );
      messages.push(ratchetMessage(corpus, r));
    }
    expect(messages.filter(Boolean).join("\n")).toBe("");
  });
});
