/**
 * Term matching shared by need recognition and entity lookup: exact words, word endings
 * (plurals, conjugations), one-edit typos and the parts of German-style compounds.
 * Everything here is compiled once; matching a token is a handful of map look-ups.
 */
import { THRESHOLDS } from "../thresholds.js";
import { LineSet, setToLines } from "./sorted-lines.js";

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

const {
  minStem: MIN_STEM,
  maxSuffix: MAX_SUFFIX,
  minFuzzy: MIN_FUZZY,
  minFuzzyToken: MIN_FUZZY_TOKEN,
} = THRESHOLDS.words;
const { typoScans: TYPO_SCANS, minCompoundPart: MIN_COMPOUND_PART } = THRESHOLDS.words;

export interface WordIndexOptions {
  /** Words that must match exactly (no endings, typos or compounds). */
  exactOnly?: ReadonlySet<string>;
  /** Longest ending a word may carry (default 3; 0 for names). */
  maxSuffix?: number;
  /** Shortest known word matched with one typo (default 5). */
  minFuzzy?: number;
  /** Whether parts of compound words are recognised (default true). */
  compounds?: boolean;
  /** Shortest token looked up as a typo (default 6). */
  minFuzzyToken?: number;
  /** Words that may be recognised as parts of compounds (default: all). German builds compounds;
   *  most languages do not, and "intern" inside "internacionalización" is no internship. */
  compoundParts?: ReadonlySet<string>;
  /** Typo look-ups answered by scanning before the one-deletion index is built (default 256). */
  typoScans?: number;
  /** Endings a known word may carry: inflections of the languages read, not any letters ("coup"
   *  is in "couple", which is no coup); the grammar's `endings` (default: none). */
  endings?: Iterable<string>;
}

/**
 * A word index as the build cache keeps it. The word lists are each one string of sorted lines
 * (src/engine/text/sorted-lines.ts), searched as read: a one-shot command looks up a few dozen of
 * the ~6,000 Latin-script words, and building a Set of them all cost ~2 ms and ~800 KB of garbage.
 */
export interface SerializedWordIndex {
  words: string;
  exactOnly: string;
  maxSuffix: number;
  minFuzzy: number;
  minFuzzyToken: number;
  compounds: boolean;
  compoundParts: string | null;
  endings: string[];
}

/** Sorted lines for a word list, or the list a word a line when a word cannot be a line. */
const toText = (words: Iterable<string>): string => {
  const list = [...words];
  return setToLines(list) ?? list.join("\n");
};
/** A word list from `toText`: searched in place when it is sorted lines. */
const fromText = (s: string): ReadonlySet<string> =>
  s === "" ? new Set() : s.endsWith("\n") ? new LineSet(s) : new Set(s.split("\n"));

/**
 * An index of known words. `match(token)` returns the known words the token stands for.
 */
export class WordIndex {
  private readonly words: ReadonlySet<string>;
  private readonly exactOnly: ReadonlySet<string>;
  private readonly maxSuffix: number;
  private readonly minFuzzy: number;
  private readonly compounds: boolean;
  private readonly minFuzzyToken: number;
  private readonly compoundParts: ReadonlySet<string> | null;
  private readonly endings: ReadonlySet<string>;
  private deletes: Map<string, string[]> | null = null;
  private byFirstLetter: Map<string, string[]> | null = null;
  private typoScansLeft: number;
  private readonly cache = new Map<string, readonly string[]>();

  /** `words`: a `LineSet` (from the build cache) is searched as it is; anything else is copied. */
  constructor(words: Iterable<string> | ReadonlySet<string>, options: WordIndexOptions = {}) {
    this.exactOnly = options.exactOnly ?? new Set();
    this.maxSuffix = options.maxSuffix ?? MAX_SUFFIX;
    this.minFuzzy = options.minFuzzy ?? MIN_FUZZY;
    this.compounds = options.compounds ?? true;
    this.minFuzzyToken = options.minFuzzyToken ?? MIN_FUZZY_TOKEN;
    this.compoundParts = options.compoundParts ?? null;
    this.typoScansLeft = options.typoScans ?? TYPO_SCANS;
    this.endings = new Set(options.endings ?? []);
    this.words = words instanceof LineSet ? words : new Set(words);
  }

  /**
   * Known words that may be one typo away from the token (a superset; the caller measures). A
   * typo keeps the first letter and changes the length by one at most, so the first look-ups scan
   * the words that share the token's first letter: a one-shot command has a few unknown words, and
   * the one-deletion index, which answers at once, costs ~15 ms to build. A batch builds it.
   */
  private typoCandidates(token: string): Iterable<string> {
    if (!this.deletes && this.typoScansLeft-- > 0) {
      if (!this.byFirstLetter) {
        this.byFirstLetter = new Map();
        for (const w of this.words) {
          if (w.length < this.minFuzzy || this.exactOnly.has(w)) continue;
          const list = this.byFirstLetter.get(w[0]!);
          if (list) list.push(w);
          else this.byFirstLetter.set(w[0]!, [w]);
        }
      }
      return (this.byFirstLetter.get(token[0]!) ?? []).filter((w) => Math.abs(w.length - token.length) <= 1);
    }
    const candidates = new Set<string>();
    const index = this.deletesIndex();
    for (const w of index.get(token) ?? []) candidates.add(w);
    for (const d of deletions(token)) {
      if (this.words.has(d) && !this.exactOnly.has(d) && d.length >= this.minFuzzy) candidates.add(d);
      for (const w of index.get(d) ?? []) candidates.add(w);
    }
    return candidates;
  }

  /** The one-deletion index for typo tolerance, built when scanning has been done often enough. */
  private deletesIndex(): Map<string, string[]> {
    if (this.deletes) return this.deletes;
    const deletes = new Map<string, string[]>();
    for (const w of this.words) {
      if (w.length < this.minFuzzy || this.exactOnly.has(w)) continue;
      for (const d of deletions(w)) {
        const list = deletes.get(d);
        if (list) list.push(w);
        else deletes.set(d, [w]);
      }
    }
    return (this.deletes = deletes);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The token itself if it is a known word, without endings, typos or compounds. */
  exact(token: string): readonly string[] {
    return this.words.has(token) ? [token] : [];
  }

  /** A plain description from which `WordIndex.from` rebuilds the same index (for the build cache). */
  toJSON(): SerializedWordIndex {
    return {
      words: toText(this.words),
      exactOnly: toText(this.exactOnly),
      maxSuffix: this.maxSuffix,
      minFuzzy: this.minFuzzy,
      minFuzzyToken: this.minFuzzyToken,
      compounds: this.compounds,
      compoundParts: this.compoundParts ? toText(this.compoundParts) : null,
      endings: [...this.endings],
    };
  }

  static from(s: SerializedWordIndex): WordIndex {
    return new WordIndex(fromText(s.words), {
      exactOnly: fromText(s.exactOnly),
      maxSuffix: s.maxSuffix,
      minFuzzy: s.minFuzzy,
      minFuzzyToken: s.minFuzzyToken,
      compounds: s.compounds,
      ...(s.compoundParts !== null ? { compoundParts: fromText(s.compoundParts) } : {}),
      endings: s.endings,
    });
  }

  /** Known words a text token stands for (empty when none). Results are cached per token. */
  match(token: string): readonly string[] {
    const hit = this.cache.get(token);
    if (hit) return hit;
    const result = this.compute(token);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, result);
    return result;
  }

  private compute(token: string): readonly string[] {
    const out = new Set<string>();
    if (this.words.has(token)) out.add(token);
    // Endings: "passports" → "passport", "renewal" → "renew".
    let shortestGap = Infinity;
    for (let k = 1; k <= this.maxSuffix; k++) {
      const stem = token.slice(0, token.length - k);
      if (stem.length < MIN_STEM) break;
      if (this.words.has(stem) && !this.exactOnly.has(stem) && this.endings.has(token.slice(token.length - k))) {
        out.add(stem);
        shortestGap = Math.min(shortestGap, k);
      }
    }
    // An exact word or a one-letter ending settles it; a longer ending may also be a typo of a
    // longer word ("reisepas": "reise" + "pas", or "reisepass" less one letter), so look for both.
    if (out.has(token) || shortestGap === 1) return [...out];
    // One typo: insertion, deletion, substitution or adjacent swap.
    if (token.length >= this.minFuzzyToken) {
      // Typos rarely touch the first letter; requiring it keeps "looking" from becoming "booking".
      // In one order whichever way the candidates were found.
      const typos = [...this.typoCandidates(token)].filter((c) => c[0] === token[0] && editDistance(token, c, 1) <= 1);
      for (const c of typos.sort()) out.add(c);
    }
    if (out.size > 0) return [...out];
    // Compounds: "passverlust" → "verlust", "visumantrag" → "visum".
    if (this.compounds && token.length >= MIN_COMPOUND_PART + 3) {
      for (let i = 3; i <= token.length - 3; i++) {
        const left = token.slice(0, i);
        const right = token.slice(i);
        for (const part of [left, left.endsWith("s") ? left.slice(0, -1) : "", right]) {
          if (
            part.length >= MIN_COMPOUND_PART &&
            this.words.has(part) &&
            !this.exactOnly.has(part) &&
            (this.compoundParts === null || this.compoundParts.has(part))
          )
            out.add(part);
        }
      }
    }
    return [...out];
  }
}

/**
 * Closest known values to a string, for "did you mean ...?" suggestions: by edit distance on the
 * folded form, then by shared prefix. Returns the original spellings.
 */
export function closest(input: string, candidates: Iterable<[folded: string, display: string]>, limit = 3): string[] {
  const scored: [number, string][] = [];
  const seen = new Set<string>();
  const maxDist = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  for (const [folded, display] of candidates) {
    if (seen.has(display)) continue;
    let d = editDistance(input, folded, maxDist);
    if (d > maxDist && folded.startsWith(input) && input.length >= 2) d = maxDist;
    if (d <= maxDist) {
      scored.push([d, display]);
      seen.add(display);
    }
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, limit).map((s) => s[1]);
}

/** The writing systems the vocabulary is split by (a word's first letter decides). */
export const SCRIPTS = ["Latin", "Cyrillic", "Arabic", "Cjk", "Other"] as const;
export type Script = (typeof SCRIPTS)[number];

/** The script of a folded word, from its first character. */
export function scriptOf(word: string): Script {
  const c = word.charCodeAt(0);
  if (c < 0x250) return "Latin";
  if (c >= 0x400 && c < 0x530) return "Cyrillic";
  if ((c >= 0x600 && c < 0x780) || (c >= 0x8a0 && c < 0x900) || (c >= 0xfb50 && c < 0xff00)) return "Arabic";
  if ((c >= 0x3040 && c < 0x3100) || (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00) || c >= 0xff00)
    return "Cjk";
  return "Other";
}

/**
 * A word index split by script: a token is matched only against the words of its own script
 * (endings, typos and compounds never cross scripts), so a text in Latin letters never reads or
 * builds the index of the Cyrillic, Arabic or Chinese and Japanese words.
 */
export class ScriptedWordIndex {
  constructor(private readonly part: (script: Script) => WordIndex) {}

  has(word: string): boolean {
    return word !== "" && this.part(scriptOf(word)).has(word);
  }

  exact(token: string): readonly string[] {
    return token === "" ? [] : this.part(scriptOf(token)).exact(token);
  }

  match(token: string): readonly string[] {
    return token === "" ? [] : this.part(scriptOf(token)).match(token);
  }
}
