/**
 * How many words a name can span from a given word of a text: `findMentions` tries every window of
 * up to `maxNameWords` words at every word, and most windows are the start of no name at all. The
 * word prefixes of every multi-word name (and of the loose names, as their words are made loose)
 * tell, by extending a window one word at a time, how far a name can still reach; windows beyond it
 * cannot match and are not tried. An optimisation only: the mentions found are the same.
 *
 * Building it reads every name index whole, which a one-shot command should not pay for; it is
 * built once a knowledge has read enough texts to be in a batch.
 */
import type { Knowledge } from "../knowledge/knowledge-type.js";
import { looseWord } from "../knowledge/compile-name-indexes.js";

/** Texts read before the prefixes are built (a one-shot command reads one or a few). */
const BUILD_AFTER = 16;

interface Prefixes {
  /** Every word prefix (one word or more) of a name of two words or more. */
  plain: Set<string>;
  /** The same for the loose names' keys (each word already made loose). */
  loose: Set<string>;
  /** Words made loose, as met (a batch meets the same words again and again). */
  looseOf: Map<string, string>;
  /** Whether a word, as met, can start a name of two words or more (plain or loose). */
  starts: Map<string, boolean>;
}

const state = new WeakMap<Knowledge, { texts: number; prefixes: Prefixes | null }>();

function addPrefixes(into: Set<string>, key: string): void {
  let at = key.indexOf(" ");
  if (at === -1) return;
  while (at !== -1) {
    into.add(key.slice(0, at));
    at = key.indexOf(" ", at + 1);
  }
  into.add(key);
}

function build(k: Knowledge): Prefixes {
  const plain = new Set<string>();
  for (const names of [k.orgNames, k.countryNames, k.cityNames, k.demonyms, k.capitals])
    for (const key of names.keys()) addPrefixes(plain, key);
  const loose = new Set<string>();
  for (const key of k.looseNames.keys()) addPrefixes(loose, key);
  return { plain, loose, looseOf: new Map(), starts: new Map() };
}

/** The prefixes for `k` once it has read enough texts, else null (then every window is tried). */
export function namePrefixes(k: Knowledge): Prefixes | null {
  let s = state.get(k);
  if (!s) state.set(k, (s = { texts: 0, prefixes: null }));
  if (!s.prefixes && ++s.texts > BUILD_AFTER) s.prefixes = build(k);
  return s.prefixes;
}

/**
 * The most words, at most `max`, that a name (plain or loose) starting at word `i` can span: a
 * window longer than this is the start of no name. At least 1: one-word windows are always tried.
 */
export function nameReach(p: Prefixes, folded: readonly string[], i: number, max: number): number {
  let key = folded[i]!;
  // Most words start no name of two words: one lookup says so.
  let starts = p.starts.get(key);
  if (starts === undefined) {
    starts = p.plain.has(key) || p.loose.has(looseOf(p, key));
    if (p.starts.size >= 50_000) p.starts.clear();
    p.starts.set(key, starts);
  }
  if (!starts) return 1;
  let reach = 1;
  for (let n = 2; n <= max && p.plain.has(key); n++) {
    key = `${key} ${folded[i + n - 1]!}`;
    if (p.plain.has(key)) reach = n;
  }
  if (reach >= max) return max;
  let loose = looseOf(p, folded[i]!);
  for (let n = 2; n <= max && p.loose.has(loose); n++) {
    loose = `${loose} ${looseOf(p, folded[i + n - 1]!)}`;
    if (p.loose.has(loose) && n > reach) reach = n;
  }
  return reach;
}

function looseOf(p: Prefixes, word: string): string {
  let loose = p.looseOf.get(word);
  if (loose === undefined) {
    if (p.looseOf.size >= 50_000) p.looseOf.clear();
    p.looseOf.set(word, (loose = looseWord(word)));
  }
  return loose;
}
