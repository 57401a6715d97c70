// What naming a real office costs at start-up: a one-shot classify that names none, one that names
// the Embassy of Canada in Bern, and --version, each in paired runs against a bare `node -e 0`.
//   node bench/office-cost.mjs [runs]
import { spawnSync } from "node:child_process";
const cases = {
  bare: ["-e", "0"],
  noOffice: ["bin/mission-guide.js", "classify", "lost my passport", "--in", "Geneva", "--json"],
  office: ["bin/mission-guide.js", "classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--json"],
  inCity: ["bin/mission-guide.js", "classify", "lost my passport", "--citizen", "CA", "--in", "Bern", "--json"],
  version: ["bin/mission-guide.js", "--version"],
};
const t = {};
for (const k in cases) t[k] = [];
for (let i = 0; i < Number(process.argv[2] ?? 30); i++)
  for (const [k, a] of Object.entries(cases)) {
    const s = process.hrtime.bigint();
    spawnSync("node", a);
    t[k].push(Number(process.hrtime.bigint() - s) / 1e6);
  }
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1];
for (const k in t) console.log(k, med(t[k]).toFixed(1), (med(t[k]) / med(t.bare)).toFixed(2));
