/**
 * Shared by scripts/train-need-model.mjs and scripts/eval.mjs: the phrasing data and the model code.
 * The model's TypeScript (src/engine/recognise/need-model*.ts) is bundled with esbuild on the fly, so
 * training cuts text with exactly the code that inference uses.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const ROOT = new URL("..", import.meta.url).pathname;
export const MODEL_FILE = join(ROOT, "data/generated/need-model.bin");
const PHRASINGS = join(ROOT, "data/phrasings");

/** Bundles the model's training and inference code and imports it. */
export async function loadModelCode({ rebuild = true } = {}) {
  const dir = join(ROOT, "node_modules/.cache/need-model");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, "need-model-train.mjs");
  if (rebuild)
    await build({
      entryPoints: [join(ROOT, "src/engine/recognise/need-model-train.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "error",
    });
  return import(pathToFileURL(outfile).href);
}

/** The catalogue's need ids, in catalogue order (the model's label order). */
export function needCatalogue() {
  return JSON.parse(readFileSync(join(ROOT, "data/needs.json"), "utf8")).needs;
}

/**
 * Every corpus of phrasings, in a fixed order: the test corpora (each one a leave-one-out fold) and
 * the catalogue's phrases (training only).
 */
export function loadPhrasings() {
  const files = readdirSync(PHRASINGS)
    .filter((f) => f.endsWith(".json"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const corpora = [];
  let catalogue = [];
  for (const f of files) {
    const d = JSON.parse(readFileSync(join(PHRASINGS, f), "utf8"));
    if (d.trainingOnly) catalogue = d.phrasings;
    else corpora.push({ name: d.corpus, phrasings: d.phrasings });
  }
  return { corpora, catalogue };
}

/** A seeded split of the corpora into k groups, for held-out folds inside training. */
export function corpusGroups(corpora, k) {
  return corpora.map((_, i) => i % k);
}
