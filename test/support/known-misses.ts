/**
 * The ratchet on the phrasing corpora (issue 13 §5): instead of a floor on each corpus's figure,
 * test/engine/known-misses.json lists every case that is wrong today. A case that goes wrong and is
 * not listed fails the test (a new miss); a listed case that is now right fails it too, asking to
 * be removed from the list, so the list only ever shrinks unless someone decides otherwise.
 * `node scripts/known-misses.mjs` rewrites the list from the engine as it is (review the diff).
 */
import { readFileSync } from "node:fs";
import type { Result } from "./corpus.js";

/** One case wrong today: which corpus, which text (and flags), what it got, what is expected. */
export interface KnownMiss {
  corpus: string;
  text: string;
  flags?: Record<string, string>;
  got: { need?: string | null; office: string | null; of?: string | null };
  expected: { need?: string | null; office: string; of?: string | null };
}

interface KnownMissesFile {
  corpora: KnownMiss[];
  loco: KnownMiss[];
}

export const KNOWN_MISSES_FILE = "test/engine/known-misses.json";

export function loadKnownMisses(): KnownMissesFile {
  return JSON.parse(readFileSync(new URL("../engine/known-misses.json", import.meta.url), "utf8")) as KnownMissesFile;
}

/** The key of a case: its corpus, its text and its flags (no text repeats with the same flags). */
export function caseKey(corpus: string, text: string, flags?: object | null): string {
  return `${corpus}\u0000${text}\u0000${JSON.stringify(flags ?? {})}`;
}

export interface Ratchet {
  /** Wrong now and not listed: fix it, or (decided) list it. */
  newMisses: string[];
  /** Listed and right now: remove it from the list. */
  nowRight: string[];
}

/**
 * Compares one corpus's results with the listed misses. `wrong` says whether a result is a miss
 * (for the corpora: office kind or state wrong).
 */
export function ratchet<R>(
  corpus: string,
  results: readonly R[],
  listed: readonly KnownMiss[],
  key: (r: R) => string,
  wrong: (r: R) => boolean,
  describe: (r: R) => string,
): Ratchet {
  const mine = new Set(listed.filter((m) => m.corpus === corpus).map((m) => caseKey(m.corpus, m.text, m.flags)));
  const newMisses: string[] = [];
  const nowRight: string[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const k = key(r);
    seen.add(k);
    if (wrong(r) && !mine.has(k)) newMisses.push(describe(r));
    else if (!wrong(r) && mine.has(k)) nowRight.push(describe(r));
  }
  // A listed case no longer in its corpus is stale too.
  for (const m of listed)
    if (m.corpus === corpus && !seen.has(caseKey(m.corpus, m.text, m.flags)))
      nowRight.push(`${JSON.stringify(m.text)} (no longer in ${corpus})`);
  return { newMisses, nowRight };
}

/** The corpora's results: a miss is a wrong office kind or a wrong state. */
export function corpusRatchet(corpus: string, results: readonly Result[]): Ratchet {
  return ratchet(
    corpus,
    results,
    loadKnownMisses().corpora,
    (r) => caseKey(corpus, r.c.text, r.c.flags),
    (r) => !(r.officeOk && r.ofOk),
    (r) =>
      `${JSON.stringify(r.c.text)}${r.c.flags ? ` ${JSON.stringify(r.c.flags)}` : ""}: got ${r.office}/${r.of} (${r.need}), expected ${r.c.office}/${r.c.of}`,
  );
}

/** The failure message for a ratchet that moved, or "" when it holds. */
export function ratchetMessage(corpus: string, r: Ratchet): string {
  const parts: string[] = [];
  if (r.newMisses.length > 0)
    parts.push(
      `${corpus}: ${r.newMisses.length} new miss(es), not in ${KNOWN_MISSES_FILE}; fix them (or, if accepted, run node scripts/known-misses.mjs and review the diff):\n  ${r.newMisses.join("\n  ")}`,
    );
  if (r.nowRight.length > 0)
    parts.push(
      `${corpus}: ${r.nowRight.length} listed miss(es) now right: remove them from ${KNOWN_MISSES_FILE} (node scripts/known-misses.mjs does):\n  ${r.nowRight.join("\n  ")}`,
    );
  return parts.join("\n");
}
