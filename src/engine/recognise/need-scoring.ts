/**
 * Need recognition: which catalogue need a text expresses. Words are matched against the shared
 * multilingual concepts (with endings, one-typo tolerance and compound parts); each need scores the
 * concepts it is built from, its own terms and its own phrases.
 */
import type { Token } from "../text/fold.js";
import type { Knowledge } from "../knowledge/knowledge-type.js";
import type { Mention } from "./mentions.js";
import { THRESHOLDS } from "../thresholds.js";

export interface NeedMatch {
  id: string;
  score: number;
  confidence: number;
  matched: string[];
}

/** Below this score a text is not taken to express any need. */
export const MIN_SCORE = THRESHOLDS.needs.minScore;
const TERM_WEIGHT = THRESHOLDS.needs.termWeight;
const PHRASE_WEIGHT = THRESHOLDS.needs.phraseWeight;

export interface Evidence {
  /** Concept ids found, plus org:<id> and org:* for organizations mentioned. */
  concepts: Set<string>;
  /** Need ids whose own terms or phrases were found. */
  terms: Set<string>;
  phrases: Set<string>;
  /** The words each owner was found through, for `matched`. */
  words: Map<string, Set<string>>;
}

/** Collects the evidence in a text: concept, term and phrase hits. */
export function gatherEvidence(k: Knowledge, toks: Token[], mentions: Mention[]): Evidence {
  const covered = new Set<number>();
  const concepts = new Set<string>();
  for (const m of mentions) {
    if (m.kind === "org") {
      concepts.add(`org:${m.id}`);
      concepts.add("org:*");
      const org = k.orgs.get(m.id);
      if (org?.parent) concepts.add(`org:${org.parent}`);
      if (org?.parent === "un" || m.id === "un") concepts.add("un-system");
    }
    // Places and nationalities are not need words ("Nice", "Chile").
    if (m.kind !== "org") for (let i = m.start; i < m.end; i++) covered.add(i);
  }
  // Two different states named: a hint of relations between them ("Deutschland–Kenia").
  if (new Set(mentions.filter((m) => m.kind === "country" || m.kind === "demonym").map((m) => m.country)).size >= 2) {
    concepts.add("two-states");
  }
  // Stop-words are skipped between the words of a phrase, but acronyms written in capitals that
  // fold to one ("UN", "EU") are words here.
  const n = toks.length;
  const isStop: boolean[] = [];
  const matches: (readonly string[])[] = [];
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    isStop.push(k.stopwords.has(t.folded) && !/^[A-Z]{2,}$/.test(t.raw));
    // A place name is matched only exactly: it can complete a phrase ("registre des Français"),
    // but is no typo of a need word.
    matches.push(covered.has(i) ? k.vocab.exact(t.folded) : k.vocab.match(t.folded));
  }
  const terms = new Set<string>();
  const phrases = new Set<string>();
  const words = new Map<string, Set<string>>();
  const hit = (owner: string, word: string): void => {
    const kind = owner.charAt(0);
    const id = owner.slice(2);
    if (kind === "c") concepts.add(id);
    else if (kind === "t") terms.add(id);
    else phrases.add(id);
    let set = words.get(id);
    if (!set) words.set(id, (set = new Set()));
    set.add(word);
  };
  /** Where a phrase's remaining words end if they follow position i, else -1. */
  const follow = (i: number, rest: string[]): number => {
    let j = i + 1;
    for (const w of rest) {
      let skipped = 0;
      while (j < n && !matches[j]!.includes(w) && isStop[j] && skipped < 2) {
        j++;
        skipped++;
      }
      if (j >= n || !matches[j]!.includes(w)) return -1;
      j++;
    }
    return j;
  };
  for (let i = 0; i < n; i++) {
    for (const w of matches[i]!) {
      // Place names are no need words ("Nice", "Chile"), but may sit inside a phrase.
      if (!isStop[i] && !covered.has(i)) for (const owner of k.wordOwners.get(w) ?? []) hit(owner, toks[i]!.folded);
      for (const seq of k.sequences.get(w) ?? []) {
        const end = follow(i, seq.words.slice(1));
        if (end > 0 && !(covered.has(i) && covered.has(end - 1)))
          hit(
            seq.owner,
            toks
              .slice(i, end)
              .map((t) => t.folded)
              .join(" "),
          );
      }
    }
  }
  return { concepts, terms, phrases, words };
}

/** Scores every need against the evidence; best first, only those at or above half the minimum. */
export function scoreNeeds(k: Knowledge, ev: Evidence): NeedMatch[] {
  const out: NeedMatch[] = [];
  for (const cn of k.needs) {
    const id = cn.need.id;
    const phrase = ev.phrases.has(id);
    const gated =
      cn.all.every((c) => ev.concepts.has(c)) && (cn.any.length === 0 || cn.any.some((c) => ev.concepts.has(c)));
    if (!phrase && !gated) continue;
    let score = 0;
    const matched = new Set<string>();
    for (const [concept, weight] of cn.signals) {
      if (!ev.concepts.has(concept)) continue;
      score += weight;
      for (const w of ev.words.get(concept) ?? []) matched.add(w);
      if (concept.startsWith("org:")) matched.add(concept);
    }
    if (ev.terms.has(id)) {
      score += TERM_WEIGHT;
      for (const w of ev.words.get(id) ?? []) matched.add(w);
    }
    if (phrase) {
      score += PHRASE_WEIGHT;
      for (const w of ev.words.get(id) ?? []) matched.add(w);
    }
    if (score >= MIN_SCORE / 2) out.push({ id, score, confidence: 0, matched: [...matched] });
  }
  // Stable: on equal scores the catalogue's order decides (the more common need comes first).
  out.sort((a, b) => b.score - a.score);
  // A more specific need takes over from the general one it refines when its own concepts are
  // there: "extend my student visa" is an extension, not a student visa.
  const top0 = out[0];
  if (top0) {
    const topNeed = k.needById.get(top0.id)!.need;
    const refiner = out.find(
      (m) =>
        m !== top0 &&
        m.score >= MIN_SCORE / 2 &&
        k.needById.get(m.id)!.refines.some((r) => r === topNeed.id || r === topNeed.category),
    );
    if (refiner) {
      out.splice(out.indexOf(refiner), 1);
      out.unshift(refiner);
      refiner.score = Math.max(refiner.score, top0.score);
    }
  }
  const top = out[0]?.score ?? 0;
  const second = out[1]?.score ?? 0;
  for (const m of out) {
    const strength = m.score / (m.score + 4);
    const margin = m === out[0] ? 0.7 + (0.3 * (top - second)) / top : 0.7 * (m.score / top);
    m.confidence = Math.round(strength * margin * 100) / 100;
  }
  return out;
}
