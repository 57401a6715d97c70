/**
 * The need model: which catalogue need a text expresses, as calibrated probabilities.
 *
 * A multinomial logistic regression over hashed features of the folded text — character n-grams
 * (2 to 5, across word boundaries, so scripts written without spaces work too) and word unigrams and
 * bigrams — in the spirit of fastText and of Snips NLU's fallback classifier. Trained at build time by
 * scripts/train-need-model.mjs; the weights ship quantised (int8 with one scale per need) and sparse
 * (only the largest weights are kept). Pure: no file system, no clock, no randomness.
 */
import { fold } from "../text/fold.js";

/** Format and feature version; a model written for another version is refused. */
export const NEED_MODEL_VERSION = 1;
const MAGIC = 0x314d444e; // "NDM1", little-endian

/** How the text is cut into features; stored with the model so training and inference agree. */
export interface FeatureSpec {
  /** log2 of the number of hash buckets. */
  bits: number;
  charMin: number;
  charMax: number;
  words: boolean;
  bigrams: boolean;
}

export const DEFAULT_FEATURES: FeatureSpec = { bits: 16, charMin: 1, charMax: 5, words: true, bigrams: true };

/** A decoded model, ready for `predictNeeds`. */
export interface NeedModel {
  labels: string[];
  features: FeatureSpec;
  /** Softmax temperature fitted on held-out folds (1 = none). */
  temperature: number;
  bias: Float32Array;
  /** Per need, the factor that turns an int8 weight back into a weight. */
  scale: Float32Array;
  /** Compressed sparse rows: bucket b's weights are entries start[b] .. start[b + 1] - 1. */
  start: Uint32Array;
  cls: Uint8Array;
  q: Int8Array;
  /** Free-form facts about the training run (data, seed, size), from the file's header. */
  meta: Record<string, unknown>;
}

export interface NeedPrediction {
  need: string;
  p: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;

/** A final avalanche so that neighbouring FNV states land in unrelated buckets. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Grows with the longest text seen; holds one text's buckets, repeats included. */
let scratch = new Int32Array(4096);

/**
 * Every feature bucket of folded text, repeats included, into `scratch` (grown as needed); returns
 * how many. Character n-grams first, then words and word bigrams, as training cut them.
 */
function rawBuckets(folded: string, spec: FeatureSpec): number {
  const mask = (1 << spec.bits) - 1;
  const s = ` ${folded} `;
  const grams = spec.charMax >= spec.charMin ? spec.charMax - Math.max(1, spec.charMin) + 1 : 0;
  // At most `grams` n-grams start at each character, and two word features per character.
  const most = s.length * (grams + 2);
  if (scratch.length < most) scratch = new Int32Array(Math.max(most, scratch.length * 2));
  const out = scratch;
  let n = 0;
  // Character n-grams: the FNV state after n characters from i is the hash of that n-gram.
  for (let i = 0; i < s.length - 1; i++) {
    let h = FNV_OFFSET;
    const end = Math.min(s.length, i + spec.charMax);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ s.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= spec.charMin) out[n++] = mix(h) & mask;
    }
  }
  if (spec.words) {
    // Words are the runs between single spaces (folded text has no other separators), hashed
    // as they are read.
    let prev = 0;
    let first = true;
    let h = (FNV_OFFSET ^ WORD_SEED) >>> 0;
    for (let i = 0; i <= folded.length; i++) {
      const c = i < folded.length ? folded.charCodeAt(i) : 32;
      if (c !== 32) {
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
      h >>>= 0;
      out[n++] = mix(h ^ 0x51ed270b) & mask;
      if (spec.bigrams && !first) out[n++] = mix(Math.imul(prev, 31) ^ h ^ 0x2545f491) & mask;
      prev = h;
      first = false;
      h = (FNV_OFFSET ^ WORD_SEED) >>> 0;
    }
  }
  return n;
}

/**
 * The distinct feature buckets of a text, ascending. Exported for training, which must cut text
 * exactly as inference does.
 */
export function featureBuckets(text: string, spec: FeatureSpec): Int32Array {
  const folded = fold(text);
  if (folded === "") return new Int32Array(0);
  const count = rawBuckets(folded, spec);
  const a = scratch.slice(0, count).sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[n++] = a[i]!;
  return a.subarray(0, n);
}

/** Per bucket, the stamp of the last text that had it: repeats are skipped without sorting. */
let seen = new Uint32Array(0);
let stamp = 0;

/** Raw scores (logits, before temperature) of every need for a text. */
export function needLogits(model: NeedModel, text: string): Float64Array {
  const C = model.labels.length;
  const acc = new Float64Array(C);
  const folded = fold(text);
  let distinct = 0;
  if (folded !== "") {
    const count = rawBuckets(folded, model.features);
    const buckets = 1 << model.features.bits;
    if (seen.length !== buckets) {
      seen = new Uint32Array(buckets);
      stamp = 0;
    }
    if (++stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    const { start, cls, q } = model;
    // Each distinct bucket once; the weights are integers, so the sums do not depend on order.
    for (let i = 0; i < count; i++) {
      const b = scratch[i]!;
      if (seen[b] === stamp) continue;
      seen[b] = stamp;
      distinct++;
      for (let e = start[b]!, end = start[b + 1]!; e < end; e++) acc[cls[e]!]! += q[e]!;
    }
  }
  // Features are binary, the vector scaled to unit length.
  const x = distinct > 0 ? 1 / Math.sqrt(distinct) : 0;
  const out = new Float64Array(C);
  for (let c = 0; c < C; c++) out[c] = model.bias[c]! + acc[c]! * model.scale[c]! * x;
  return out;
}

/** Softmax of logits divided by a temperature. */
export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const z of logits) if (z > max) max = z;
  const p = new Float64Array(logits.length);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += p[c] = Math.exp((logits[c]! - max) / temperature);
  for (let c = 0; c < p.length; c++) p[c]! /= sum;
  return p;
}

/**
 * The k likeliest needs for a text, most likely first, with calibrated probabilities (they sum to
 * at most 1). Deterministic; ties are broken by catalogue order.
 */
export function predictNeeds(model: NeedModel, text: string, k = 3): NeedPrediction[] {
  const p = softmax(needLogits(model, text), model.temperature);
  // The k best by insertion, likeliest first, the earlier need first among equals.
  const top: number[] = [];
  const want = Math.min(Math.max(0, k), p.length);
  for (let c = 0; c < p.length; c++) {
    if (top.length === want && !(p[c]! > p[top[want - 1]!]!)) continue;
    let at = top.length === want ? want - 1 : top.length;
    while (at > 0 && p[c]! > p[top[at - 1]!]!) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = c;
  }
  top.length = want;
  return top.map((c) => ({ need: model.labels[c]!, p: p[c]! }));
}

function readVarint(bytes: Uint8Array, pos: { i: number }): number {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos.i++];
    if (b === undefined) throw new Error("need model: truncated");
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return v;
    shift += 7;
  }
}

/**
 * Decodes a model file (as written by the training script). Layout, little-endian: magic "NDM1",
 * u32 header length, the UTF-8 JSON header {version, labels, features, temperature, ...}, then
 * f32 bias[C], f32 scale[C], u32 bucketsUsed, per used bucket (varint bucket delta, u8 count), then
 * per entry u8 need index and i8 weight, grouped by bucket in ascending order.
 */
export function decodeNeedModel(bytes: Uint8Array): NeedModel {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || dv.getUint32(0, true) !== MAGIC) throw new Error("need model: not a model file");
  const hlen = dv.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen))) as {
    version: number;
    labels: string[];
    features: FeatureSpec;
    temperature: number;
    [k: string]: unknown;
  };
  if (header.version !== NEED_MODEL_VERSION) throw new Error(`need model: version ${header.version} not supported`);
  const C = header.labels.length;
  let off = 8 + hlen;
  const bias = new Float32Array(C);
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++, off += 4) bias[c] = dv.getFloat32(off, true);
  for (let c = 0; c < C; c++, off += 4) scale[c] = dv.getFloat32(off, true);
  const used = dv.getUint32(off, true);
  off += 4;
  const pos = { i: off };
  const buckets = new Uint32Array(used);
  const counts = new Uint8Array(used);
  let b = 0;
  for (let u = 0; u < used; u++) {
    b += readVarint(bytes, pos);
    buckets[u] = b;
    counts[u] = bytes[pos.i++]!;
  }
  const nb = 2 ** header.features.bits;
  const start = new Uint32Array(nb + 1);
  let nnz = 0;
  for (let u = 0; u < used; u++) nnz += counts[u]!;
  const cls = new Uint8Array(nnz);
  const q = new Int8Array(nnz);
  let e = 0;
  let u = 0;
  for (let bucket = 0; bucket < nb; bucket++) {
    start[bucket] = e;
    if (u < used && buckets[u] === bucket) {
      for (let j = 0; j < counts[u]!; j++, e++) {
        cls[e] = bytes[pos.i++]!;
        q[e] = (bytes[pos.i++]! << 24) >> 24;
      }
      u++;
    }
  }
  start[nb] = e;
  if (pos.i !== bytes.byteLength) throw new Error("need model: trailing bytes");
  const { version: _v, labels, features, temperature, ...meta } = header;
  return { labels, features, temperature, bias, scale, start, cls, q, meta };
}
