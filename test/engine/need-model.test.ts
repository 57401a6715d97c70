import { describe, expect, it } from "vitest";
import {
  decodeNeedModel,
  featureBuckets,
  needLogits,
  predictNeeds,
  softmax,
  DEFAULT_FEATURES,
} from "../../src/engine/recognise/need-model.js";
import { encodeNeedModel, trainNeedModel, type TrainExample } from "../../src/engine/recognise/need-model-train.js";

const LABELS = ["passport-lost", "visa-student", "lost-luggage"];
const EXAMPLES: TrainExample[] = [
  { text: "I lost my passport in Rome", need: "passport-lost" },
  { text: "my passport was stolen on the train", need: "passport-lost" },
  { text: "j'ai perdu mon passeport", need: "passport-lost" },
  { text: "student visa for a university in Munich", need: "visa-student" },
  { text: "admitted to a master's in Lyon, which visa?", need: "visa-student" },
  { text: "visado de estudiante para España", need: "visa-student" },
  { text: "the airline lost my suitcase", need: "lost-luggage" },
  { text: "my bag did not arrive at the airport", need: "lost-luggage" },
  { text: "行李丢了", need: "lost-luggage" },
];
// A small hash space and few weights keep the test fast.
const OPTIONS = { features: { ...DEFAULT_FEATURES, bits: 12 }, epochs: 20, keep: 2000, retrain: 2, minCount: 1 };

describe("need model", () => {
  const model = trainNeedModel(EXAMPLES, LABELS, OPTIONS);

  it("cuts text into distinct, ascending buckets, scripts without spaces included", () => {
    const f = featureBuckets("Passport LOST — passport lost!", model.features);
    expect([...f]).toEqual([...new Set(f)].sort((a, b) => a - b));
    expect(featureBuckets("护照丢了", model.features).length).toBeGreaterThan(3);
    expect(featureBuckets("", model.features).length).toBe(0);
  });

  it("scores each distinct bucket once, and ranks as a full sort would", () => {
    for (const text of ["Passport LOST — passport lost!", "护照丢了", "", "a  b", "visa visa visa visa"]) {
      // The reference: the sorted distinct buckets, each bucket's weights summed in order.
      const f = featureBuckets(text, model.features);
      const acc = new Float64Array(model.labels.length);
      for (const b of f) for (let e = model.start[b]!; e < model.start[b + 1]!; e++) acc[model.cls[e]!]! += model.q[e]!;
      const x = f.length > 0 ? 1 / Math.sqrt(f.length) : 0;
      const logits = needLogits(model, text);
      for (let c = 0; c < acc.length; c++) expect(logits[c]).toBe(model.bias[c]! + acc[c]! * model.scale[c]! * x);
      const p = softmax(logits, model.temperature);
      const order = [...p.keys()].sort((a, b) => p[b]! - p[a]! || a - b);
      for (const k of [0, 1, 2, 3, 10])
        expect(predictNeeds(model, text, k)).toEqual(
          order.slice(0, k).map((c) => ({ need: model.labels[c], p: p[c] })),
        );
    }
  });

  it("is deterministic: same data and seed, byte-identical weights", () => {
    const again = trainNeedModel(EXAMPLES, LABELS, OPTIONS);
    expect(encodeNeedModel(again)).toEqual(encodeNeedModel(model));
    expect(predictNeeds(model, "passport stolen", 3)).toEqual(predictNeeds(model, "passport stolen", 3));
  });

  it("survives encoding: the decoded model predicts the same", () => {
    const decoded = decodeNeedModel(encodeNeedModel(model));
    for (const t of ["lost passport in Paris", "student visa", "suitcase missing", ""]) {
      const a = predictNeeds(model, t, 3);
      const b = predictNeeds(decoded, t, 3);
      expect(b.map((x) => x.need)).toEqual(a.map((x) => x.need));
      b.forEach((x, i) => expect(x.p).toBeCloseTo(a[i]!.p, 5));
    }
  });

  it("gives top-k probabilities, most likely first, summing to at most 1", () => {
    for (const t of ["I lost my passport", "visa for studies", "where is my luggage", "qwerty", ""]) {
      for (const k of [0, 1, 2, 3, 10]) {
        const top = predictNeeds(model, t, k);
        expect(top.length).toBe(Math.min(k, LABELS.length));
        const sum = top.reduce((s, x) => s + x.p, 0);
        expect(sum).toBeLessThanOrEqual(1 + 1e-9);
        for (let i = 1; i < top.length; i++) expect(top[i]!.p).toBeLessThanOrEqual(top[i - 1]!.p);
      }
    }
  });

  it("learns the training phrasings", () => {
    for (const e of EXAMPLES) expect(predictNeeds(model, e.text, 1)[0]!.need).toBe(e.need);
  });

  it("refuses what is not a model file", () => {
    expect(() => decodeNeedModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a model/);
  });
});
