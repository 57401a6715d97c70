// Writes dist/cache/: the folded-name and vocabulary indexes of the bundled data, one file each,
// built once here so that a one-shot command reads only the ones it uses instead of rebuilding
// them. Run by `npm run build` after tsup.
import { mkdirSync, writeFileSync } from "node:fs";

const { buildIndexCache } = await import(new URL("../dist/internal.js", import.meta.url));
const dir = new URL("../dist/cache/", import.meta.url);
mkdirSync(dir, { recursive: true });
const { fingerprint, indexes } = buildIndexCache();
for (const [name, json] of Object.entries(indexes)) writeFileSync(new URL(`${name}.json`, dir), json);
writeFileSync(new URL("fingerprint.txt", dir), fingerprint);
