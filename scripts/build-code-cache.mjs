// Writes dist/code-cache/: V8's compiled code for each chunk of the CLI that a few representative
// commands load, so that a later start reads it instead of compiling again (src/cli/code-cache.ts).
// Each run adds what it compiled to what the runs before it kept. Run by `npm run build` last.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/mission-guide.js", import.meta.url));
rmSync(new URL("../dist/code-cache/", import.meta.url), { recursive: true, force: true });
const RUNS = [
  ["hubs", "--city", "Geneva"],
  ["hubs", "--city", "Geneva", "--json"],
  ["orgs", "NATO"],
  ["missions", "--country", "DE", "--org", "UNESCO"],
  ["offices", "--of", "AU", "--in", "CH"],
  ["classify", "I'm a Canadian in Geneva and lost my passport"],
  ["classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--json"],
];
for (const args of RUNS) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, MISSION_GUIDE_WRITE_CODE_CACHE: "1", NO_COLOR: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`building the code cache: ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
}
