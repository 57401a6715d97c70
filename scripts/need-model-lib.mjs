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

/** Bundles TypeScript from source into node_modules/.cache/need-model/NAME (unless told not to) and imports it. */
async function bundled(name, rebuild, options) {
  const dir = join(ROOT, "node_modules/.cache/need-model");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, name);
  if (rebuild)
    await build({
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "error",
      ...options,
    });
  return import(pathToFileURL(outfile).href);
}

/** Bundles the model's training and inference code and imports it. */
export function loadModelCode({ rebuild = true } = {}) {
  return bundled("need-model-train.mjs", rebuild, {
    entryPoints: [join(ROOT, "src/engine/recognise/need-model-train.ts")],
  });
}

/** The catalogue's need ids, in catalogue order (the model's label order). */
export function needCatalogue() {
  return JSON.parse(readFileSync(join(ROOT, "data/needs.json"), "utf8")).needs;
}

/**
 * Every corpus of phrasings, in a fixed order: the test corpora (each one a leave-one-out fold) and
 * the training-only phrasings (the catalogue's phrases and the seed phrases per language, never
 * tested on), concatenated in file order.
 */
export function loadPhrasings({ seeds = true } = {}) {
  const files = readdirSync(PHRASINGS)
    .filter((f) => f.endsWith(".json"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const corpora = [];
  let catalogue = [];
  for (const f of files) {
    const d = JSON.parse(readFileSync(join(PHRASINGS, f), "utf8"));
    if (d.trainingOnly) {
      if (seeds || !f.startsWith("seed-")) catalogue = catalogue.concat(d.phrasings);
    } else corpora.push({ name: d.corpus, phrasings: d.phrasings });
  }
  return { corpora, catalogue };
}

/** A seeded split of the corpora into k groups, for held-out folds inside training. */
export function corpusGroups(corpora, k) {
  return corpora.map((_, i) => i % k);
}

/**
 * Bundles the engine from source (classify, the knowledge store, the combination's thresholds) so
 * that the evaluation can run `classify` with the need model switched off, or with a fold's model.
 */
export function loadEngineCode({ rebuild = true } = {}) {
  return bundled("engine.mjs", rebuild, {
    stdin: {
      contents: [
        'export { getKnowledge } from "./src/store/knowledge-store.ts";',
        'export { classify } from "./src/engine/answer/classify-need.ts";',
        'export { COMBINE } from "./src/engine/recognise/need-model-combine.ts";',
        'export { fold } from "./src/engine/text/fold.ts";',
      ].join("\n"),
      resolveDir: ROOT,
      loader: "ts",
    },
    // Keeps `import.meta.url`-relative lookups (the data directory) working from the cache dir.
    packages: "external",
  });
}
