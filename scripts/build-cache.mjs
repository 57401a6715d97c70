// Writes dist/cache/: the folded-name and vocabulary indexes of the bundled data, one file each,
// built once here so that a one-shot command reads only the ones it uses instead of rebuilding
// them, and a copy of the data files they were built from (dist/cache/data/), so that an index is
// used only while the data here is byte for byte the same. Run by `npm run build` after tsup.
import { copyFileSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";

const { buildIndexCache, dataFilePath } = await import(new URL("../dist/internal.js", import.meta.url));
const dir = new URL("../dist/cache/", import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(new URL("data/", dir), { recursive: true });
// index.json last: a cache cut short by a failed build names no file it lacks.
const { "index.json": manifest, ...files } = buildIndexCache();
for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, dir), text);
// The manifest keeps each data file's size and modification time, and the copy keeps its time: a
// file with the same size and time as either is taken as unchanged without reading it (see
// indexCache in src/store/knowledge-store.ts); otherwise its bytes are compared with the copy's.
const index = JSON.parse(manifest);
index.stamps = {};
for (const f of new Set(Object.values(index.builtFrom).flat())) {
  const from = new URL(`../../data/${dataFilePath(f)}`, dir);
  const to = new URL(`data/${f}.json`, dir);
  copyFileSync(from, to);
  const st = statSync(from);
  utimesSync(to, st.atime, st.mtime);
  index.stamps[f] = { size: st.size, mtimeMs: st.mtimeMs };
}
writeFileSync(new URL("index.json", dir), JSON.stringify(index));
