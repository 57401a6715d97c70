/** Runs the phrasing corpus through the engine and measures how often it is right. */
import { readFileSync } from "node:fs";
import { classify } from "../../src/engine/answer/classify-need.js";
import type { Knowledge } from "../../src/engine/knowledge/knowledge-type.js";

export interface Case {
  text: string;
  lang: string;
  office: string;
  of: string | null;
  in?: string;
  flags?: { citizen?: string; in?: string; to?: string };
}

export interface Result {
  c: Case;
  office: string | null;
  of: string | null;
  in: string | null;
  need: string | null;
  officeOk: boolean;
  ofOk: boolean;
}

export function loadCorpus(): Case[] {
  return (JSON.parse(readFileSync(new URL("../cases/corpus.json", import.meta.url), "utf8")) as { cases: Case[] })
    .cases;
}

export function runCorpus(k: Knowledge, cases: Case[]): Result[] {
  return cases.map((c) => {
    let a: ReturnType<typeof classify>;
    try {
      a = classify(k, c.text, c.flags ?? {});
    } catch {
      return { c, office: null, of: null, in: null, need: null, officeOk: false, ofOk: false };
    }
    const office = a.answer?.office ?? null;
    const of = a.answer?.of ?? null;
    return {
      c,
      office,
      of,
      in: a.answer?.in ?? null,
      need: a.need?.id ?? null,
      officeOk: office === c.office,
      ofOk: of === c.of,
    };
  });
}
