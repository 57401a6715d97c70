#!/usr/bin/env node
// Batch benchmark: `classify --stdin` throughput (lines/second) and peak memory, against a plain
// Node script that only reads lines and writes a JSON object per line, run on the same files in
// the same run:
// - distinct lines: the phrasings of data/phrasings/ in several wordings, no line repeated
//   (bench/distinct-lines.mjs), so that no answer comes from the batch's answer cache — once on
//   one thread per core (the batch's own and a worker per other core), once in one thread
//   (MISSION_GUIDE_BATCH_THREADS; left unset, a batch takes the workers only when a core is idle);
// - repeated lines: 200k and 1M lines of mixed plain and JSON input, a few needs over and over.
// Usage: node bench/batch.mjs [distinct-count] [sizes...]   (default: 24000 200000 1000000)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, createWriteStream, existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { distinctLines } from "./distinct-lines.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = `${root}.bench`;
mkdirSync(dir, { recursive: true });
const [distinctCount, ...sizes] = process.argv.slice(2).map(Number).filter(Boolean);
if (sizes.length === 0) sizes.push(200_000, 1_000_000);

// A mix of what a relocation desk or a chatbot sends: plain phrasings in four languages, and JSON
// lines with flags and ids.
const TEXTS = [
  "lost my passport",
  "I'm a Canadian in Geneva and lost my passport",
  "renew my passport",
  "necesito una visa de turista para Japón, vivo en México",
  "J'ai perdu mon passeport à Genève, je suis français",
  "Wo kann ich als Deutscher in New York meinen Reisepass verlängern?",
  "raise a WTO dispute",
  "register the birth of my baby born abroad",
  "I was arrested in Bangkok, I'm Australian",
  "the airline lost my suitcase",
  "apostille for my birth certificate",
  "job at the United Nations",
  "Schengen visa for France",
  "how do I vote from abroad",
  "my wallet was stolen and I have no money",
];
const FLAGS = [
  {},
  { citizen: "CA", in: "Geneva" },
  { citizen: "US", in: "Paris" },
  { citizen: "DE", to: "JP", in: "DE" },
];

const BASELINE = `${dir}/baseline.mjs`;
writeFileSync(
  BASELINE,
  `import { createInterface } from "node:readline";
let n = 0, out = "";
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  n++;
  out += JSON.stringify({ line: n, text: line }) + "\\n";
  if (out.length > 65536) { if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once("drain", r)); out = ""; }
}
process.stdout.write(out);
`,
);

async function makeInput(lines) {
  const file = `${dir}/input-${lines}.txt`;
  if (existsSync(file)) return file;
  const ws = createWriteStream(file);
  let buf = "";
  for (let i = 0; i < lines; i++) {
    const text = TEXTS[i % TEXTS.length];
    if (i % 2 === 0) buf += text + "\n";
    else buf += JSON.stringify({ text, ...FLAGS[(i >> 1) % FLAGS.length], id: i }) + "\n";
    if (buf.length > 1 << 20) {
      if (!ws.write(buf)) await new Promise((r) => ws.once("drain", r));
      buf = "";
    }
  }
  ws.end(buf);
  await new Promise((r) => ws.on("finish", r));
  return file;
}

function measure(args, input) {
  // GNU time reports the peak resident set size (KiB) of the child.
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, ...args], {
    stdio: [{ fd: 0 }, "ignore", "pipe"].map((x, i) => (i === 0 ? "pipe" : x)),
    input: undefined,
    shell: false,
    encoding: "utf8",
    ...(input ? { stdio: ["pipe", "ignore", "pipe"] } : {}),
  });
  return r;
}

function run(args, file, env = {}) {
  const r = spawnSync(
    "bash",
    [
      "-c",
      `/usr/bin/time -f "%e %M %U %S" "${process.execPath}" ${args.map((a) => `'${a}'`).join(" ")} < '${file}' > /dev/null`,
    ],
    {
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );
  const last = r.stderr.trim().split("\n").at(-1) ?? "";
  const [secs, kib, user, sys] = last.split(" ").map(Number);
  return { secs, mib: kib / 1024, cpu: user + sys, status: r.status };
}
void measure;

if (!existsSync("/usr/bin/time")) {
  console.error("bench/batch.mjs needs GNU time (/usr/bin/time): apt-get install -y time");
  process.exit(2);
}
const CLI = [`${root}bin/mission-guide.js`, "classify", "--stdin"];
const load = () => (readFileSync("/proc/loadavg", "utf8").split(" ")[0] ?? "?").trim();

// Distinct lines: no answer cache to help.
const distinctFile = `${dir}/distinct-${distinctCount ?? 24_000}.txt`;
const lines = distinctLines(distinctCount ?? 24_000);
writeFileSync(distinctFile, `${lines.join("\n")}\n`);
const distinctRows = [];
for (const [label, env] of [
  // n threads answering: the batch's own and n − 1 workers (src/cli/commands/batch-pool.ts).
  [
    `${availableParallelism()} threads (1 + ${availableParallelism() - 1} workers)`,
    { MISSION_GUIDE_BATCH_THREADS: String(availableParallelism()) },
  ],
  ["one thread", { MISSION_GUIDE_BATCH_THREADS: "0" }],
]) {
  const before = load();
  const base = run([BASELINE], distinctFile);
  const mg = run(CLI, distinctFile, env);
  distinctRows.push({
    "distinct lines": `${lines.length}, ${label}`,
    "lines/s": Math.round(lines.length / mg.secs),
    "lines per CPU-second": Math.round(lines.length / mg.cpu),
    "baseline lines/s": Math.round(lines.length / base.secs),
    "× baseline time": (mg.secs / base.secs).toFixed(1),
    "peak MiB": mg.mib.toFixed(1),
    "load before": before,
    exit: mg.status,
  });
}
console.log(`classify --stdin on distinct lines, Node ${process.version}, ${availableParallelism()} cores`);
console.table(distinctRows);

const rows = [];
for (const n of sizes) {
  const file = await makeInput(n);
  const base = run([BASELINE], file);
  const mg = run(CLI, file);
  rows.push({
    lines: n,
    "mission-guide lines/s": Math.round(n / mg.secs),
    "baseline lines/s": Math.round(n / base.secs),
    "× baseline time": (mg.secs / base.secs).toFixed(2),
    "peak MiB": mg.mib.toFixed(1),
    "baseline peak MiB": base.mib.toFixed(1),
    exit: mg.status,
  });
}
console.log(`classify --stdin on repeated lines, Node ${process.version}`);
console.table(rows);
