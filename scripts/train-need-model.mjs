#!/usr/bin/env node
/**
 * Trains the need model on every phrasing in data/phrasings/ (the catalogue's own phrases included)
 * and writes data/generated/need-model.bin. Deterministic: same data and seed, same bytes.
 *
 * The softmax temperature is fitted on held-out predictions: the corpora are split into five groups,
 * a model is trained on four and predicts the fifth, and the temperature that minimises the
 * held-out log-loss is stored with the final model (trained on everything).
 *
 * Usage: node scripts/train-need-model.mjs [--no-calibrate] [--out FILE]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname } from "node:path";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { corpusGroups, loadModelCode, loadPhrasings, MODEL_FILE, needCatalogue } from "./need-model-lib.mjs";

const args = process.argv.slice(2);
const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : MODEL_FILE;
const calibrate = !args.includes("--no-calibrate");
const FOLDS = 5;

const t0 = performance.now();
const M = await loadModelCode({ rebuild: isMainThread });
const labels = needCatalogue().map((n) => n.id);
const { corpora, catalogue } = loadPhrasings();
const prep = (list) => M.prepareExamples(list, labels);
const corpusData = corpora.map((c) => prep(c.phrasings));
const catalogueData = prep(catalogue);
const all = [...corpusData.flat(), ...catalogueData];

/** Held-out logits of calibration group g: a model trained on the other groups predicts it. */
function heldOut(g) {
  const group = corpusGroups(corpora, FOLDS);
  const train = [...corpusData.filter((_, i) => group[i] !== g).flat(), ...catalogueData];
  const model = M.trainPrepared(train, labels);
  const logits = [];
  const ys = [];
  for (let i = 0; i < corpora.length; i++) {
    if (group[i] !== g) continue;
    corpora[i].phrasings.forEach((p, j) => {
      logits.push(Array.from(M.needLogits(model, p.text)));
      ys.push(corpusData[i][j].y);
    });
  }
  return { g, logits, ys };
}

if (!isMainThread) {
  for (const g of workerData.groups) parentPort.postMessage(heldOut(g));
  process.exit(0);
}

let temperature = 1;
if (calibrate) {
  // The calibration folds run on as many workers as there are cores (at most two here).
  const nWorkers = Math.max(1, Math.min(availableParallelism(), 2));
  const parts = [];
  await Promise.all(
    Array.from(
      { length: nWorkers },
      (_, w) =>
        new Promise((resolve, reject) => {
          const groups = Array.from({ length: FOLDS }, (_, g) => g).filter((g) => g % nWorkers === w);
          const worker = new Worker(new URL(import.meta.url), { workerData: { groups }, argv: args });
          worker.on("message", (part) => {
            parts.push(part);
            console.error(
              `calibration fold ${parts.length}/${FOLDS} done (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
            );
          });
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))));
        }),
    ),
  );
  parts.sort((a, b) => a.g - b.g);
  temperature = M.fitTemperature(
    parts.flatMap((p) => p.logits.map((l) => Float64Array.from(l))),
    parts.flatMap((p) => p.ys),
  );
}

const t1 = performance.now();
const model = M.trainPrepared(all, labels, {
  temperature,
  meta: {
    trainedOn: { phrasings: all.length, corpora: corpora.length, catalogue: catalogueData.length },
    seed: M.DEFAULT_TRAIN.seed,
    options: { ...M.DEFAULT_TRAIN },
  },
});
const bytes = M.encodeNeedModel(model);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const sha = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
console.log(
  `need model: ${labels.length} needs, ${all.length} phrasings, ${model.meta.weights} weights, ` +
    `${(bytes.length / 1024).toFixed(0)} KB, temperature ${temperature}, sha256 ${sha}; ` +
    `final training ${((performance.now() - t1) / 1000).toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`,
);
