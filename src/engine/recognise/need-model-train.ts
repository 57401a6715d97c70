/**
 * Training for the need model (build time only; the engine never imports this file). Pure and
 * deterministic: the same examples, options and seed give byte-identical weights.
 *
 * Softmax regression over the hashed features of `featureBuckets`, trained by AdaGrad with L2 on the
 * weights a step touches, then pruned to the largest weights and quantised to int8 per need.
 */
import {
  DEFAULT_FEATURES,
  featureBuckets,
  NEED_MODEL_VERSION,
  softmax,
  type FeatureSpec,
  type NeedModel,
} from "./need-model.js";

export interface TrainExample {
  text: string;
  need: string;
  /** Relative weight of the example (default 1). */
  weight?: number;
  /** The language, for balancing languages (see `langFloor`). */
  lang?: string;
}

/** An example cut into features once, so that many trainings (folds) can share the work. */
export interface Prepared {
  f: Int32Array;
  y: number;
  w: number;
  lang: string;
}

export interface TrainOptions {
  features?: FeatureSpec;
  epochs?: number;
  /** AdaGrad learning rate. */
  lr?: number;
  /** L2 penalty per update on the weights an example touches. */
  l2?: number;
  seed?: number;
  /** How many weights to keep after training (the largest in magnitude). */
  keep?: number;
  /**
   * At most this many weights per bucket survive pruning (its largest), before the global cut: a
   * bucket only a small language uses keeps its strongest need instead of losing every weight to
   * the larger languages' (0 = no limit).
   */
  perBucket?: number;
  /** Each example's weight is multiplied so that every language weighs as if it had at least this
   *  share of the examples (0 = as they come). */
  langFloor?: number;
  /** Buckets seen in fewer training phrasings than this get no weight (they only memorise). */
  minCount?: number;
  /** Epochs of training again after pruning, only the kept weights moving (recovers accuracy). */
  retrain?: number;
  temperature?: number;
  meta?: Record<string, unknown>;
}

export const DEFAULT_TRAIN = {
  epochs: 5,
  lr: 0.25,
  l2: 1e-6,
  seed: 20261203,
  keep: 300_000,
  retrain: 2,
  minCount: 2,
  perBucket: 0,
  langFloor: 0.1,
};

/** A small seeded generator (mulberry32), for the order of examples in each epoch. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function prepareExamples(examples: TrainExample[], labels: string[], spec = DEFAULT_FEATURES): Prepared[] {
  const index = new Map(labels.map((l, i) => [l, i]));
  return examples.map((e) => {
    const y = index.get(e.need);
    if (y === undefined) throw new Error(`unknown need ${e.need}`);
    return { f: featureBuckets(e.text, spec), y, w: e.weight ?? 1, lang: e.lang ?? "" };
  });
}

/** Trains a model on prepared examples; `labels` fixes the order of the needs. */
export function trainPrepared(data: Prepared[], labels: string[], options: TrainOptions = {}): NeedModel {
  const spec = options.features ?? DEFAULT_FEATURES;
  const epochs = options.epochs ?? DEFAULT_TRAIN.epochs;
  const lr = options.lr ?? DEFAULT_TRAIN.lr;
  const l2 = options.l2 ?? DEFAULT_TRAIN.l2;
  const seed = options.seed ?? DEFAULT_TRAIN.seed;
  const keep = options.keep ?? DEFAULT_TRAIN.keep;
  const retrain = options.retrain ?? DEFAULT_TRAIN.retrain;
  const minCount = options.minCount ?? DEFAULT_TRAIN.minCount;
  const perBucket = options.perBucket ?? DEFAULT_TRAIN.perBucket;
  const langFloor = options.langFloor ?? DEFAULT_TRAIN.langFloor;
  const C = labels.length;
  if (C > 255) throw new Error("need model: at most 255 needs");
  const nb = 2 ** spec.bits;
  const W = new Float32Array(nb * C);
  const G = new Float32Array(nb * C);
  const bias = new Float64Array(C);
  const Gb = new Float64Array(C);
  const z = new Float64Array(C);
  const g = new Float64Array(C);
  // Keep only the buckets seen often enough, per example, in ascending order.
  const df = new Uint32Array(nb);
  for (const d of data) for (let i = 0; i < d.f.length; i++) df[d.f[i]!]!++;
  const feats = data.map((d) => (minCount > 1 ? d.f.filter((b) => df[b]! >= minCount) : d.f));
  // A language with less than `langFloor` of the examples weighs as if it had that share.
  const perLang = new Map<string, number>();
  for (const d of data) perLang.set(d.lang, (perLang.get(d.lang) ?? 0) + 1);
  const boost = new Map<string, number>();
  for (const [l, n] of perLang) boost.set(l, Math.max(1, (langFloor * data.length) / n));
  const order = Array.from(data.keys());
  const rand = rng(seed);
  let mask: Uint8Array | null = null;
  for (let epoch = 0; epoch < epochs + retrain; epoch++) {
    if (epoch === epochs && retrain > 0) {
      // Prune to the largest weights, then let only those move.
      mask = pruneMask(W, C, keep, perBucket);
      for (let k = 0; k < W.length; k++) if (mask[k] === 0) W[k] = 0;
    }
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { y, w } = data[idx]!;
      const f = feats[idx]!;
      // Scaled by the number of all its buckets, as inference does (it cannot know which were rare).
      const x = data[idx]!.f.length > 0 ? 1 / Math.sqrt(data[idx]!.f.length) : 0;
      z.set(bias);
      for (let i = 0; i < f.length; i++) {
        const base = f[i]! * C;
        for (let c = 0; c < C; c++) z[c]! += W[base + c]! * x;
      }
      const p = softmax(z);
      const wl = w * boost.get(data[idx]!.lang)!;
      for (let c = 0; c < C; c++) g[c] = (p[c]! - (c === y ? 1 : 0)) * wl;
      for (let c = 0; c < C; c++) {
        Gb[c]! += g[c]! * g[c]!;
        bias[c]! -= (lr * g[c]!) / (Math.sqrt(Gb[c]!) + 1e-8);
      }
      for (let i = 0; i < f.length; i++) {
        const base = f[i]! * C;
        for (let c = 0; c < C; c++) {
          const gc = g[c]!;
          if (gc < 1e-3 && gc > -1e-3) continue;
          const k = base + c;
          if (mask !== null && mask[k] === 0) continue;
          const grad = gc * x + l2 * W[k]!;
          G[k]! += grad * grad;
          W[k]! -= (lr * grad) / (Math.sqrt(G[k]!) + 1e-8);
        }
      }
    }
  }
  return quantise(
    W,
    bias,
    labels,
    spec,
    pruneMask(W, C, keep, perBucket),
    options.temperature ?? 1,
    options.meta ?? {},
  );
}

/**
 * Subtracts from each bucket's weights their median. Adding the same amount to every need's weight
 * of a bucket changes no probability (softmax is shift-invariant), but most of a common feature's
 * weights are one shared small negative: centred, they are near zero and pruning keeps the weights
 * that tell needs apart, so the rarer languages' features are no longer outweighed.
 */
function centre(W: Float32Array, C: number): void {
  const row = new Float32Array(C);
  for (let base = 0; base < W.length; base += C) {
    let any = false;
    for (let c = 0; c < C; c++) if ((row[c] = W[base + c]!) !== 0) any = true;
    if (!any) continue;
    row.sort();
    const med = C % 2 ? row[(C - 1) / 2]! : (row[C / 2 - 1]! + row[C / 2]!) / 2;
    for (let c = 0; c < C; c++) W[base + c]! -= med;
  }
}

/** Which weights survive: at most `perBucket` per bucket (its largest), then about `keep` in all. */
function pruneMask(W: Float32Array, C: number, keep: number, perBucket: number): Uint8Array {
  centre(W, C);
  const cand = new Float32Array(W.length);
  if (perBucket > 0 && perBucket < C) {
    const idx = Array.from({ length: C }, (_, c) => c);
    for (let base = 0; base < W.length; base += C) {
      idx.sort((a, b) => Math.abs(W[base + b]!) - Math.abs(W[base + a]!) || a - b);
      for (let j = 0; j < perBucket; j++) cand[base + idx[j]!] = W[base + idx[j]!]!;
    }
  } else cand.set(W);
  const thr = threshold(cand, keep);
  const mask = new Uint8Array(W.length);
  for (let k = 0; k < W.length; k++) if (cand[k] !== 0 && Math.abs(cand[k]!) >= thr) mask[k] = 1;
  return mask;
}

/** The magnitude above which about `keep` weights lie, from a histogram (no sort of millions). */
function threshold(W: Float32Array, keep: number): number {
  let max = 0;
  for (let k = 0; k < W.length; k++) {
    const a = Math.abs(W[k]!);
    if (a > max) max = a;
  }
  const BINS = 1 << 16;
  const hist = new Uint32Array(BINS);
  for (let k = 0; k < W.length; k++) {
    const a = Math.abs(W[k]!);
    if (a > 0) hist[Math.min(BINS - 1, Math.floor((a / max) * BINS))]!++;
  }
  let cut = 0;
  for (let bin = BINS - 1, n = 0; bin >= 0; bin--) {
    n += hist[bin]!;
    if (n >= keep) {
      cut = bin;
      break;
    }
  }
  return max > 0 ? (cut / BINS) * max : Infinity;
}

/** Keeps the `keep` largest weights (by magnitude) and stores them as int8 with a scale per need. */
function quantise(
  W: Float32Array,
  bias: Float64Array,
  labels: string[],
  spec: FeatureSpec,
  mask: Uint8Array,
  temperature: number,
  meta: Record<string, unknown>,
): NeedModel {
  const C = labels.length;
  const nb = 2 ** spec.bits;
  const classMax = new Float64Array(C);
  for (let k = 0; k < W.length; k++) {
    const a = Math.abs(W[k]!);
    if (mask[k] === 1 && a > classMax[k % C]!) classMax[k % C] = a;
  }
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++) scale[c] = classMax[c]! > 0 ? classMax[c]! / 127 : 1;
  const start = new Uint32Array(nb + 1);
  const cls: number[] = [];
  const q: number[] = [];
  for (let b = 0; b < nb; b++) {
    start[b] = cls.length;
    const base = b * C;
    for (let c = 0; c < C; c++) {
      const v = W[base + c]!;
      if (v === 0 || mask[base + c] === 0) continue;
      const qi = Math.max(-127, Math.min(127, Math.round(v / scale[c]!)));
      if (qi === 0) continue;
      cls.push(c);
      q.push(qi);
    }
  }
  start[nb] = cls.length;
  return {
    labels: [...labels],
    features: { ...spec },
    temperature,
    bias: Float32Array.from(bias),
    scale,
    start,
    cls: Uint8Array.from(cls),
    q: Int8Array.from(q),
    meta: { ...meta, weights: cls.length },
  };
}

/** Trains on raw examples. */
export function trainNeedModel(examples: TrainExample[], labels: string[], options: TrainOptions = {}): NeedModel {
  return trainPrepared(prepareExamples(examples, labels, options.features), labels, options);
}

function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Writes a model in the layout `decodeNeedModel` reads. */
export function encodeNeedModel(model: NeedModel): Uint8Array {
  const C = model.labels.length;
  const header = new TextEncoder().encode(
    JSON.stringify({
      version: NEED_MODEL_VERSION,
      labels: model.labels,
      features: model.features,
      temperature: model.temperature,
      ...model.meta,
    }),
  );
  const index: number[] = [];
  const entries: number[] = [];
  let used = 0;
  let prev = 0;
  const nb = model.start.length - 1;
  for (let b = 0; b < nb; b++) {
    const s = model.start[b]!;
    const e = model.start[b + 1]!;
    if (e === s) continue;
    used++;
    pushVarint(index, b - prev);
    prev = b;
    index.push(e - s);
    for (let k = s; k < e; k++) entries.push(model.cls[k]!, model.q[k]! & 0xff);
  }
  const size = 8 + header.length + 8 * C + 4 + index.length + entries.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x314d444e, true);
  dv.setUint32(4, header.length, true);
  out.set(header, 8);
  let off = 8 + header.length;
  for (let c = 0; c < C; c++, off += 4) dv.setFloat32(off, model.bias[c]!, true);
  for (let c = 0; c < C; c++, off += 4) dv.setFloat32(off, model.scale[c]!, true);
  dv.setUint32(off, used, true);
  off += 4;
  out.set(index, off);
  out.set(entries, off + index.length);
  return out;
}

/**
 * The softmax temperature that minimises the negative log-likelihood of held-out predictions
 * (temperature scaling, Guo et al. 2017): a coarse log grid, then a finer one around the best.
 */
export function fitTemperature(logits: Float64Array[], ys: number[]): number {
  const nll = (t: number): number => {
    let s = 0;
    for (let i = 0; i < logits.length; i++) s -= Math.log(Math.max(1e-12, softmax(logits[i]!, t)[ys[i]!]!));
    return s;
  };
  let best = 1;
  let bestNll = nll(1);
  for (let e = -20; e <= 20; e++) {
    const t = 2 ** (e / 8);
    const v = nll(t);
    if (v < bestNll) [best, bestNll] = [t, v];
  }
  const lo = best / 2 ** (1 / 8);
  const hi = best * 2 ** (1 / 8);
  for (let i = 0; i <= 20; i++) {
    const t = lo + ((hi - lo) * i) / 20;
    const v = nll(t);
    if (v < bestNll) [best, bestNll] = [t, v];
  }
  return Math.round(best * 1000) / 1000;
}

export { DEFAULT_FEATURES, decodeNeedModel, featureBuckets, needLogits, predictNeeds, softmax } from "./need-model.js";
export { combineNeeds, COMBINE } from "./need-model-combine.js";
