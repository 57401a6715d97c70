// Writes dist/cache/: the folded-name and vocabulary indexes of the bundled data, one file each,
// built once here so that a one-shot command reads only the ones it uses instead of rebuilding
// them. Run by `npm run build` after tsup.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

const { buildIndexCache } = await import(new URL("../dist/internal.js", import.meta.url));
const dir = new URL("../dist/cache/", import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// index.json last: a cache cut short by a failed build names no file it lacks.
const { "index.json": manifest, ...files } = buildIndexCache();
for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, dir), text);
writeFileSync(new URL("index.json", dir), manifest);
