// Writes dist/cli.cjs.cache: V8's compiled code for dist/cli.cjs after a representative one-shot
// command, so that bin/mission-guide.cjs need not compile it again on every start (see there).
// Run by `npm run build` after build-cli.mjs and build-cache.mjs.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const bin = fileURLToPath(new URL("bin/mission-guide.cjs", root));
const cache = fileURLToPath(new URL("dist/cli.cjs.cache", root));
// A classify answer exercises most of the program: reading the data, the recognizer, the rules,
// the card. Other commands compile the little they add on their own.
const r = spawnSync(
  process.execPath,
  [bin, "classify", "lost my passport", "--citizen", "CA", "--in", "Geneva", "--explain"],
  {
    env: { ...process.env, MISSION_GUIDE_WRITE_CODE_CACHE: cache, NO_COLOR: "1" },
    encoding: "utf8",
  },
);
if (r.status !== 0) throw new Error(`building the code cache failed (${r.status}): ${r.stderr}`);
