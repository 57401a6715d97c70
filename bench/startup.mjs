#!/usr/bin/env node
// Start-up benchmark: wall time of flag-driven commands against a bare `node -e 0`, measured in
// the same run, interleaved (paired) so that machine load affects both alike. Prints medians and
// the ratio of medians. Usage: node bench/startup.mjs [runs]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[2] ?? 40);
const bin = fileURLToPath(new URL("../bin/mission-guide.js", import.meta.url));
const CASES = {
  "node -e 0": ["-e", "0"],
  "hubs --city Geneva --json": [bin, "hubs", "--city", "Geneva", "--json"],
  "classify (one-shot) --json": [bin, "classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--json"],
  // Words the vocabulary lacks and a region: the typo search and the world's cities are consulted.
  "classify (unknown words) --json": [bin, "classify", "we export cheese from Normandy to Kuwait", "--json"],
  "--version": [bin, "--version"],
};

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const samples = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
for (const args of Object.values(CASES)) time(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(CASES)) samples[name].push(time(args));

const base = median(samples["node -e 0"]);
const rows = Object.entries(samples).map(([name, xs]) => ({
  command: name,
  "median ms": median(xs).toFixed(1),
  "min ms": Math.min(...xs).toFixed(1),
  "× node -e 0": (median(xs) / base).toFixed(2),
}));
console.log(`start-up, ${runs} paired runs each, Node ${process.version}`);
console.table(rows);
export { rows };
