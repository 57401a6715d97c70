#!/usr/bin/env node
/**
 * A quick leave-one-corpus-out check of the need model alone (no engine), for trying training
 * options: need accuracy and office kind (through the need → office kind most often labelled in the
 * training folds) on the chosen corpora.
 *
 * Usage: node scripts/need-model-quick.mjs [--folds lang-ru,holdout5] [--opts '{"epochs":5}'] [--no-seeds]
 */
import { loadModelCode, loadPhrasings, needCatalogue } from "./need-model-lib.mjs";
import { performance } from "node:perf_hooks";

const args = process.argv.slice(2);
const arg = (k) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const opts = JSON.parse(arg("--opts") ?? "{}");
const M = await loadModelCode();
const labels = needCatalogue().map((n) => n.id);
const { corpora, catalogue } = loadPhrasings({ seeds: !args.includes("--no-seeds") });
const wanted = (
  arg("--folds") ??
  corpora
    .filter((c) => c.name.startsWith("lang-"))
    .map((c) => c.name)
    .join(",")
).split(",");
const features = opts.features ? { ...M.DEFAULT_FEATURES, ...opts.features } : M.DEFAULT_FEATURES;
const prep = (l) => M.prepareExamples(l, labels, features);
const data = corpora.map((c) => prep(c.phrasings));
const cat = prep(catalogue);
const tot = { n: 0, need: 0, office: 0, either: 0 };
for (const name of wanted) {
  const i = corpora.findIndex((c) => c.name === name);
  const t = performance.now();
  const train = [...data.filter((_, j) => j !== i).flat(), ...cat];
  const model = M.trainPrepared(train, labels, { ...opts, features });
  const major = new Map();
  const counts = new Map();
  corpora.forEach((c, j) => {
    if (j === i) return;
    for (const p of c.phrasings) {
      const m = counts.get(p.need) ?? new Map();
      m.set(p.office, (m.get(p.office) ?? 0) + 1);
      counts.set(p.need, m);
    }
  });
  for (const [need, m] of counts) major.set(need, [...m].sort((a, b) => b[1] - a[1])[0][0]);
  const r = { n: 0, need: 0, office: 0, either: 0 };
  for (const p of corpora[i].phrasings) {
    const top = M.predictNeeds(model, p.text, 1)[0].need;
    r.n++;
    const nr = top === p.need;
    const or = major.get(top) === p.office;
    r.need += nr;
    r.office += or;
    r.either += nr || or;
  }
  for (const k in tot) tot[k] += r[k];
  const pc = (x) => ((100 * x) / r.n).toFixed(1).padStart(5);
  console.log(
    `${name.padEnd(12)} ${String(r.n).padStart(4)} need ${pc(r.need)} office ${pc(r.office)} either ${pc(r.either)}  (${((performance.now() - t) / 1000).toFixed(0)} s, ${model.meta.weights} weights)`,
  );
}
const pc = (x) => ((100 * x) / tot.n).toFixed(1).padStart(5);
console.log(
  `${"all".padEnd(12)} ${String(tot.n).padStart(4)} need ${pc(tot.need)} office ${pc(tot.office)} either ${pc(tot.either)}`,
);
