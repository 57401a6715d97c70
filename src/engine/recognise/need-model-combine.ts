/**
 * How the engine's hand-written need scores and the need model's probabilities make one reading,
 * and when that reading is unsure. Pure: the model's predictions are asked for through a function,
 * called only when the engine's own reading is not strong enough (so a clear phrase never loads
 * the model).
 *
 * The thresholds were chosen by leave-one-corpus-out measurement (`npm run eval`, which prints the
 * figures for a grid of them); they live in src/engine/thresholds.ts with the other thresholds.
 */
import type { Knowledge } from "../knowledge/knowledge-type.js";
import { predictNeeds, type NeedPrediction } from "./need-model.js";
import { MIN_SCORE, type NeedMatch } from "./need-scoring.js";
import { THRESHOLDS } from "../thresholds.js";

/** The combination's thresholds (they live with the others in src/engine/thresholds.ts). */
export const COMBINE = THRESHOLDS.combine;

export type CombineThresholds = { [K in keyof typeof COMBINE]: number };

export interface NeedGuess {
  need: string;
  confidence: number;
}

export interface NeedReading {
  /** The need read, or null when neither the engine nor the model is sure enough of one. */
  need: string | null;
  confidence: number;
  /** Which reading decided: the engine's rules, the model, or a need id typed as the text. */
  source: "engine" | "model" | "id" | null;
  uncertain: boolean;
  /** The likeliest needs, best first (the chosen one included), to offer when unsure. */
  candidates: NeedGuess[];
}

/**
 * One need reading from the engine's (best first; `best` is the engine's recognised need, or null
 * when its score was under the minimum) and, when needed, the model's.
 */
export function combineNeeds(
  engine: { best: NeedGuess | null; ranked: NeedGuess[] },
  predict: () => NeedPrediction[] | null,
  t: CombineThresholds = COMBINE,
): NeedReading {
  const eBest = engine.best;
  const eSecond = engine.ranked.find((m) => m.need !== eBest?.need)?.confidence ?? 0;
  if (eBest && eBest.confidence >= t.engineStrong) {
    return {
      need: eBest.need,
      confidence: eBest.confidence,
      source: "engine",
      uncertain: eBest.confidence - eSecond < t.margin / 2,
      candidates: pick(engine.ranked, t),
    };
  }
  const preds = predict();
  if (!preds || preds.length === 0) {
    return {
      need: eBest?.need ?? null,
      confidence: eBest?.confidence ?? 0,
      source: eBest ? "engine" : null,
      uncertain: eBest !== null && (eBest.confidence < t.sure || eBest.confidence - eSecond < t.margin),
      candidates: pick(engine.ranked, t),
    };
  }
  const model = preds.map((p) => ({ need: p.need, confidence: p.p }));
  const top = model[0]!;
  const second = model[1]?.confidence ?? 0;
  const pool = merge(model, engine.ranked, t, Infinity);
  const candidates = pool.slice(0, t.candidates);
  const ruled = new Set(engine.ranked.map((m) => m.need));
  let chosen: NeedGuess | null;
  let source: NeedReading["source"];
  if (eBest) {
    // A weak engine reading stands unless the model is confident of another need; when they agree,
    // the reading is as sure as the surer of the two.
    if (top.need !== eBest.need && top.confidence >= t.modelOverride) [chosen, source] = [top, "model"];
    else {
      const agreed = model.find((m) => m.need === eBest.need)?.confidence ?? 0;
      [chosen, source] = [{ need: eBest.need, confidence: Math.max(eBest.confidence, agreed) }, "engine"];
    }
  } else if (top.confidence >= t.modelMin) [chosen, source] = [top, "model"];
  else [chosen, source] = [null, null];
  if (!chosen) return { need: null, confidence: 0, source: null, uncertain: false, candidates };
  const runnerUp = candidates.find((c) => c.need !== chosen.need)?.confidence ?? (source === "model" ? second : 0);
  // The rules saw several needs equally ("I need a passport": new, renewal or lost?) and the model
  // chose among them: unsure unless the model is very sure.
  const rulesTied =
    engine.ranked.length > 1 &&
    engine.ranked[0]!.confidence - engine.ranked[1]!.confidence < t.margin &&
    engine.ranked.slice(0, t.candidates).some((m) => m.need === chosen.need);
  return {
    need: chosen.need,
    confidence: round(chosen.confidence),
    source,
    uncertain:
      chosen.confidence < t.sure ||
      chosen.confidence - runnerUp < t.margin ||
      (rulesTied && chosen.confidence < t.tieSure),
    // Offered first: the needs the rules' words also point to ("a passport": new, renewal or lost),
    // then the model's others.
    candidates: [
      { need: chosen.need, confidence: round(chosen.confidence) },
      ...pool.filter((c) => c.need !== chosen.need && ruled.has(c.need)),
      ...pool.filter((c) => c.need !== chosen.need && !ruled.has(c.need)),
    ].slice(0, t.candidates),
  };
}

/** The model's candidates, then the engine's not already there, each likely enough. */
function merge(model: NeedGuess[], engine: NeedGuess[], t: CombineThresholds, most = t.candidates): NeedGuess[] {
  const out: NeedGuess[] = [];
  for (const g of [...model, ...engine]) {
    if (g.confidence < t.candidateMin || out.some((o) => o.need === g.need)) continue;
    out.push({ need: g.need, confidence: round(g.confidence) });
  }
  return out.slice(0, most);
}

function pick(list: NeedGuess[], t: CombineThresholds): NeedGuess[] {
  return merge([], list, t);
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * The need a text expresses, for `classify`: a need id typed as the whole text ("passport-lost")
 * is that need; otherwise the engine's scores, with the model (from `k.needModel`, loaded on first
 * use) asked only when the engine is not sure. `best` is what the answer is built from.
 */
export function readNeed(
  k: Knowledge,
  text: string,
  matches: NeedMatch[],
  known = true,
): { best: NeedMatch | undefined; reading: NeedReading } {
  const typed = text.trim().toLowerCase();
  if (k.needById.has(typed)) {
    const best = { id: typed, score: Number.MAX_SAFE_INTEGER, confidence: 1, matched: [typed] };
    return {
      best,
      reading: { need: typed, confidence: 1, source: "id", uncertain: false, candidates: [] },
    };
  }
  const eBest = matches[0] && matches[0].score >= MIN_SCORE ? matches[0] : undefined;
  const reading = combineNeeds(
    {
      best: eBest ? { need: eBest.id, confidence: eBest.confidence } : null,
      ranked: matches.map((m) => ({ need: m.id, confidence: m.confidence })),
    },
    () => {
      const model = k.needModel?.() ?? null;
      return model && text.trim() !== "" ? predictNeeds(model, text, COMBINE.candidates + 2) : null;
    },
    known ? COMBINE : { ...COMBINE, modelMin: COMBINE.modelUnknownWords, candidateMin: COMBINE.modelUnknownWords },
  );
  if (reading.need === null) return { best: undefined, reading };
  if (eBest && reading.need === eBest.id) return { best: eBest, reading };
  const engineMatch = matches.find((m) => m.id === reading.need);
  return {
    best: {
      id: reading.need,
      score: Math.max(MIN_SCORE, engineMatch?.score ?? 0),
      confidence: reading.confidence,
      matched: engineMatch?.matched ?? [],
    },
    reading,
  };
}
